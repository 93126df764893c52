export { IssuesView } from './components/issues-view'
