// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ids, makeTracker, type IssueList, type TestTracker } from './test-support'

let t: TestTracker
beforeAll(async () => {
  t = await makeTracker({ seedIssues: 20 })
})
afterAll(() => t.close())

describe('private project ops (#8-#10): members jsmith and dlopper only', () => {
  it('is not listed for anonymous or non-members', async () => {
    for (const as of [null, 'amartin']) {
      const list = await t.getJson<{ projects: { identifier: string }[] }>('/projects.json', as)
      expect(list.projects.map((p) => p.identifier)).not.toContain('ops')
    }
    const member = await t.getJson<{ projects: { identifier: string }[] }>(
      '/projects.json',
      'jsmith',
    )
    expect(member.projects.map((p) => p.identifier)).toContain('ops')
  })

  it('cannot be read by id or identifier: 401 anonymous, 403 non-member', async () => {
    expect((await t.req('GET', '/projects/ops.json', { as: null })).status).toBe(401)
    expect((await t.req('GET', '/projects/2.json', { as: 'amartin' })).status).toBe(403)
    expect((await t.req('GET', '/projects/ops/memberships.json', { as: 'amartin' })).status).toBe(
      403,
    )
    expect((await t.req('GET', '/projects/ops.json', { as: 'dlopper' })).status).toBe(200)
  })

  it('hides its issues from lists, even asked for by id, and from show', async () => {
    const q = '/issues.json?issue_id=8,9,10&status_id=*'
    expect(ids(await t.getJson<IssueList>(q, 'amartin'))).toEqual([])
    expect(ids(await t.getJson<IssueList>(q, null))).toEqual([])
    expect(ids(await t.getJson<IssueList>(q, 'jsmith'))).toEqual([10, 9, 8])
    expect((await t.req('GET', '/issues.json?project_id=ops', { as: 'amartin' })).status).toBe(403)
    expect((await t.req('GET', '/issues/8.json', { as: 'amartin' })).status).toBe(403)
    expect((await t.req('GET', '/issues/8.json', { as: null })).status).toBe(401)
    expect((await t.req('GET', '/issues/8.json', { as: 'dlopper' })).status).toBe(200)
    const search = await t.getJson<{ results: { id: number }[] }>(
      '/search.json?q=backups',
      'amartin',
    )
    expect(search.results).toEqual([])
  })

  it('relations to its issues are hidden from non-members', async () => {
    const rel = await t.req('POST', '/issues/1/relations.json', {
      body: { relation: { issue_to_id: 9, relation_type: 'relates' } },
    })
    expect(rel.status).toBe(201)
    const asMember = await t.getJson<{ relations: { issue_to_id: number }[] }>(
      '/issues/1/relations.json',
      'jsmith',
    )
    expect(asMember.relations.map((r) => r.issue_to_id)).toContain(9)
    const asOther = await t.getJson<{ relations: { issue_to_id: number }[] }>(
      '/issues/1/relations.json',
      'amartin',
    )
    expect(asOther.relations.map((r) => r.issue_to_id)).not.toContain(9)
    const shown = await t.getJson<{ issue: { relations?: { issue_to_id: number }[] } }>(
      '/issues/1.json?include=relations',
      'amartin',
    )
    expect(shown.issue.relations?.map((r) => r.issue_to_id)).toEqual([7])
  })

  it('cannot be written to by non-members', async () => {
    const put = await t.req('PUT', '/issues/8.json', {
      as: 'amartin',
      body: { issue: { notes: 'hi' } },
    })
    expect(put.status).toBe(403)
    const post = await t.req('POST', '/issues.json', {
      as: 'amartin',
      body: { issue: { project_id: 'ops', subject: 'sneaky' } },
    })
    expect(post.status).toBe(403)
  })

  it('a private issue is visible to its author and project members with "all" visibility only', async () => {
    const created = await t.req('POST', '/issues.json', {
      as: 'admin',
      body: { issue: { project_id: 'demo', subject: 'secret', is_private: true } },
    })
    const id = ((await created.json()) as { issue: { id: number } }).issue.id
    expect((await t.req('GET', `/issues/${id}.json`, { as: 'jsmith' })).status).toBe(200)
    expect((await t.req('GET', `/issues/${id}.json`, { as: 'amartin' })).status).toBe(403)
    expect(ids(await t.getJson<IssueList>(`/issues.json?issue_id=${id}`, 'amartin'))).toEqual([])
    expect(ids(await t.getJson<IssueList>(`/issues.json?issue_id=${id}`, 'jsmith'))).toEqual([id])
  })

  it('Developers cannot delete issues (403), Managers can', async () => {
    expect((await t.req('DELETE', '/issues/1.json', { as: 'jsmith' })).status).toBe(403)
    const created = await t.req('POST', '/issues.json', {
      as: 'dlopper',
      body: { issue: { project_id: 'demo', subject: 'to delete' } },
    })
    const id = ((await created.json()) as { issue: { id: number } }).issue.id
    expect((await t.req('DELETE', `/issues/${id}.json`, { as: 'dlopper' })).status).toBe(204)
    expect((await t.req('GET', `/issues/${id}.json`)).status).toBe(404)
  })
})
