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
})
