import { useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { Button, focusRing } from '../../../components/ui/button'
import { ThemeToggle } from '../../../components/ui/theme-toggle'
import { signOut, type Connection } from '../../../features/connection'

const navLink = `rounded px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${focusRing}`

export function ShellHeader({
  connection,
  userName,
}: {
  connection: Connection
  /** The signed-in user's name; null while it is being asked for. */
  userName: string | null
}) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
      <Link to="/" className={`font-semibold ${focusRing}`}>
        Trackboard
      </Link>
      <span className="text-sm text-slate-600 dark:text-slate-400">{connection.name}</span>
      <nav aria-label="Main" className="flex gap-1">
        <Link
          to="/$conn/projects"
          params={{ conn: connection.id }}
          className={navLink}
          activeProps={{ 'aria-current': 'page', className: 'font-semibold' }}
        >
          Projects
        </Link>
        <Link
          to="/$conn/issues"
          params={{ conn: connection.id }}
          className={navLink}
          activeOptions={{ exact: true }}
          activeProps={{ 'aria-current': 'page', className: 'font-semibold' }}
        >
          All issues
        </Link>
      </nav>
      <div className="ml-auto flex items-center gap-3">
        <span className="text-sm" aria-label="Signed in user">
          {userName ?? '…'}
        </span>
        <ThemeToggle />
        <Button
          variant="ghost"
          onClick={() => void signOut(connection.id, queryClient).then(() => navigate({ to: '/' }))}
        >
          Sign out
        </Button>
      </div>
    </header>
  )
}
