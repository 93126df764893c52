import { createFileRoute } from '@tanstack/react-router'

export const Route = createFileRoute('/$conn/projects/')({
  component: () => <main className="p-6">Projects</main>,
})
