import { createFileRoute } from '@tanstack/react-router'

export const Route = createFileRoute('/$conn/projects/$project/issues')({
  component: () => <main className="p-6">Issues</main>,
})
