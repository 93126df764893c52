import { useQueryClient } from '@tanstack/react-query'
import { useLocation, useNavigate } from '@tanstack/react-router'
import { Button } from '../../../components/ui/button'
import { signOut, type Connection } from '../../../features/connection'

/** Shown when the stored key stops working (revoked, regenerated): sign in again, then come back. */
export function KeyRejected({ connection }: { connection: Connection }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const href = useLocation({ select: (l) => l.href })
  const again = async () => {
    await signOut(connection.id, queryClient)
    await navigate({ to: '/', search: { conn: connection.id, redirect: href } })
  }
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>{connection.name} no longer accepts the saved API key.</span>
      <Button variant="secondary" onClick={() => void again()}>
        Sign in again
      </Button>
    </div>
  )
}
