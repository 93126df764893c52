/** Projects as a tree (parents before their subprojects), and search that keeps ancestors visible. */
import type { Project } from '../../domain/model'

export interface ProjectNode {
  project: Project
  depth: number
  children: ProjectNode[]
}

export function buildProjectTree(projects: Project[]): ProjectNode[] {
  const byId = new Map(
    projects.map((p) => [p.id, { project: p, depth: 0, children: [] as ProjectNode[] }]),
  )
  const roots: ProjectNode[] = []
  for (const node of byId.values()) {
    // A parent the user cannot see (private) makes its visible child a root.
    const parent = node.project.parent ? byId.get(node.project.parent.id) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sortAndDepth = (nodes: ProjectNode[], depth: number) => {
    nodes.sort((a, b) => a.project.name.localeCompare(b.project.name))
    for (const n of nodes) {
      n.depth = depth
      sortAndDepth(n.children, depth + 1)
    }
  }
  sortAndDepth(roots, 0)
  return roots
}

/**
 * The tree flattened in display order. With a query: only matches and their ancestors, whatever is
 * collapsed (a match is never hidden). Without: everything except the subprojects of collapsed nodes.
 */
export function visibleProjects(
  roots: ProjectNode[],
  query: string,
  collapsed: ReadonlySet<number> = new Set(),
): ProjectNode[] {
  const q = query.trim().toLowerCase()
  if (!q) {
    const out: ProjectNode[] = []
    const walk = (node: ProjectNode) => {
      out.push(node)
      if (!collapsed.has(node.project.id)) node.children.forEach(walk)
    }
    roots.forEach(walk)
    return out
  }
  const matches = (p: Project) =>
    p.name.toLowerCase().includes(q) || p.identifier.toLowerCase().includes(q)
  const walk = (node: ProjectNode): ProjectNode[] => {
    const below = node.children.flatMap(walk)
    return matches(node.project) || below.length > 0 ? [node, ...below] : []
  }
  return roots.flatMap(walk)
}
