import { createFileRoute } from '@tanstack/react-router'

export const Route = createFileRoute('/$conn/issues/$id')({
  component: () => <main className="p-6">Issue</main>,
})
