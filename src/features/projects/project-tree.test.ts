import { describe, expect, it } from 'vitest'
import type { Project } from '../../domain/model'
import { buildProjectTree, visibleProjects } from './project-tree'

const p = (id: number, name: string, parent?: number): Project => ({
  id,
  identifier: name.toLowerCase().replace(/\s+/g, '-'),
  name,
  description: '',
  parent: parent ? { id: parent, name: '' } : null,
  isPublic: true,
  status: 'active',
  createdOn: null,
  updatedOn: null,
})

const projects = [
  p(3, 'Web App'),
  p(4, 'Mobile'),
  p(5, 'Web API', 3),
  p(6, 'Auth', 5),
  p(7, 'Orphan', 99),
]

describe('project tree', () => {
  it('puts subprojects under their parents, sorted, with depth', () => {
    const flat = visibleProjects(buildProjectTree(projects), '')
    expect(flat.map((n) => `${'-'.repeat(n.depth)}${n.project.name}`)).toEqual([
      'Mobile',
      'Orphan',
      'Web App',
      '-Web API',
      '--Auth',
    ])
  })

  it('keeps the ancestors of a match and drops the rest', () => {
    const flat = visibleProjects(buildProjectTree(projects), 'auth')
    expect(flat.map((n) => n.project.name)).toEqual(['Web App', 'Web API', 'Auth'])
    expect(visibleProjects(buildProjectTree(projects), 'MOB').map((n) => n.project.name)).toEqual([
      'Mobile',
    ])
    expect(visibleProjects(buildProjectTree(projects), 'zzz')).toEqual([])
  })

  it('hides the subprojects of a collapsed project, but not search matches under it', () => {
    const tree = buildProjectTree(projects)
    const names = (q: string, collapsed: number[]) =>
      visibleProjects(tree, q, new Set(collapsed)).map((n) => n.project.name)
    expect(names('', [3])).toEqual(['Mobile', 'Orphan', 'Web App'])
    expect(names('', [5])).toEqual(['Mobile', 'Orphan', 'Web App', 'Web API'])
    expect(names('auth', [3, 5])).toEqual(['Web App', 'Web API', 'Auth'])
  })

  it('matches on the identifier too', () => {
    const tree = buildProjectTree([{ ...p(8, 'Payments'), identifier: 'billing-x' }, p(9, 'Docs')])
    expect(visibleProjects(tree, 'BILLING').map((n) => n.project.name)).toEqual(['Payments'])
  })
})
