import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import {
  boardSearchDefaults,
  boardSearchObject,
  type BoardSearch,
} from '../../../../domain/board-search'
import { BoardView } from '../../../../features/board'

export const Route = createFileRoute('/$conn/projects/$project/board')({
  validateSearch: boardSearchObject,
  search: { middlewares: [stripSearchParams(boardSearchDefaults)] },
  component: ProjectBoard,
})

function ProjectBoard() {
  const { project } = Route.useParams()
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  return (
    <BoardView
      project={project}
      search={search}
      onSearchChange={(patch: Partial<BoardSearch>) =>
        void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })
      }
    />
  )
}
