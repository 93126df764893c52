import { createFileRoute } from '@tanstack/react-router'

export const Route = createFileRoute('/$conn/issues/')({
  component: () => <main className="p-6">All issues</main>,
})
