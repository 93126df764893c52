import { createFileRoute } from '@tanstack/react-router'

export const Route = createFileRoute('/$conn/projects/$project/board')({
  component: () => <main className="p-6">Board</main>,
})
