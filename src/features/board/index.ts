export { BoardView } from './components/board-view'
export { Board, type BoardProps } from './components/board'
export { boardQueries } from './queries'
