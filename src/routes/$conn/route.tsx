import { createFileRoute, Outlet } from '@tanstack/react-router'

// Placeholder: the connection layout resolves the signed-in tracker adapter (Foundation).
export const Route = createFileRoute('/$conn')({
  component: () => <Outlet />,
})
