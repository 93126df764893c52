export { ProjectList } from './components/project-list'
export { projectQueries } from './queries'
