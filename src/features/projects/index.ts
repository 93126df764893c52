export { ProjectList } from './components/project-list'
export { projectQueries, userQueries } from './queries'
