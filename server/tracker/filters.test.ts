// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ids, makeTracker, type IssueList, type TestTracker } from './test-support'

let t: TestTracker
beforeAll(async () => {
  t = await makeTracker({ seedIssues: 60 })
})
afterAll(() => t.close())

const demo = (q: string, as?: string | null): Promise<IssueList> =>
  t.getJson<IssueList>(`/issues.json?project_id=demo&limit=100&${q}`, as)

describe('GET /issues.json filters (fixture issues #1-#7 of project demo)', () => {
  it('defaults to open issues, 25 per page', async () => {
    const list = await t.getJson<IssueList>('/issues.json')
    expect(list.limit).toBe(25)
    expect(list.offset).toBe(0)
    expect(list.issues.length).toBeLessThanOrEqual(25)
    const closed = await t.getJson<IssueList>('/issues.json?status_id=c&limit=100')
    expect(ids(list).some((id) => ids(closed).includes(id))).toBe(false)
  })

  it('status_id open / closed / * / o / c / ids', async () => {
    expect(ids(await demo('status_id=open'))).toEqual([7, 6, 5, 4, 2, 1])
    expect(ids(await demo('status_id=o'))).toEqual([7, 6, 5, 4, 2, 1])
    expect(ids(await demo('status_id=closed'))).toEqual([3])
    expect(ids(await demo('status_id=c'))).toEqual([3])
    expect(ids(await demo('status_id=*'))).toEqual([7, 6, 5, 4, 3, 2, 1])
    expect(ids(await demo('status_id=2|3'))).toEqual([2, 1])
    expect(ids(await demo('status_id=bogus'))).toEqual([])
  })

  it('assigned_to_id me / ids / !*, author_id, watcher_id=me', async () => {
    expect(ids(await demo('status_id=*&assigned_to_id=me', 'jsmith'))).toEqual([7, 3, 1])
    expect(ids(await demo('status_id=*&assigned_to_id=6'))).toEqual([6, 2])
    expect(ids(await demo('status_id=*&assigned_to_id=!*'))).toEqual([5, 4])
    expect(ids(await demo('status_id=*&author_id=me', 'jsmith'))).toEqual([])
    const watched = await t.getJson<IssueList>(
      '/issues.json?status_id=*&watcher_id=me&issue_id=1,2,3,4,5,6,7,8,9,10',
      'jsmith',
    )
    expect(ids(watched)).toEqual([10, 6])
  })

  it('tracker, priority (= only), category with project, fixed_version, parent, issue_id', async () => {
    expect(ids(await demo('status_id=*&tracker_id=1'))).toEqual([7, 3, 1])
    expect(ids(await demo('status_id=*&priority_id=1|4'))).toEqual([7, 6, 5, 3])
    expect(ids(await demo('status_id=*&priority_id=%3E%3D4'))).toEqual([])
    expect(ids(await demo('status_id=*&category_id=1'))).toEqual([7, 1])
    expect(ids(await demo('status_id=*&fixed_version_id=1'))).toEqual([1])
    expect(ids(await demo('status_id=*&parent_id=5'))).toEqual([6])
    const list = await t.getJson<IssueList>('/issues.json?issue_id=1,2,3&status_id=*')
    expect(ids(list)).toEqual([3, 2, 1])
  })

  it('ignores category_id without project_id and unknown filters', async () => {
    const all = await t.getJson<IssueList>('/issues.json?status_id=*&limit=1')
    const cat = await t.getJson<IssueList>('/issues.json?status_id=*&limit=1&category_id=1')
    const unknown = await t.getJson<IssueList>(
      '/issues.json?status_id=*&limit=1&any_searchable=crash',
    )
    expect(cat.total_count).toBe(all.total_count)
    expect(unknown.total_count).toBe(all.total_count)
  })

  it('subject ~ contains (case-insensitive), plain value is exact', async () => {
    expect(ids(await demo('status_id=*&subject=~DARK'))).toEqual([6, 5])
    expect(ids(await demo('status_id=*&subject=dark'))).toEqual([])
    expect(ids(await demo('status_id=*&subject=Dark%20mode'))).toEqual([5])
  })

  it('cf_N = value, a|b, !x; ~ is not valid for lists', async () => {
    expect(ids(await demo('status_id=*&cf_1=critical'))).toEqual([7])
    expect(ids(await demo('status_id=*&cf_1=major|minor'))).toEqual([3, 1])
    expect(ids(await demo('status_id=*&cf_1=!critical'))).toEqual([6, 5, 4, 3, 2, 1])
    expect(ids(await demo('status_id=*&cf_1=~crit'))).toEqual([])
  })

  it('created_on / updated_on with >=, <=, ><, datetimes; bad date -> 422', async () => {
    expect((await demo('status_id=*&created_on=%3E%3D2020-01-01')).total_count).toBe(7)
    expect((await demo('status_id=*&created_on=%3C%3D2020-01-01')).total_count).toBe(0)
    expect((await demo('status_id=*&created_on=%3E%3C2020-01-01|2099-12-31')).total_count).toBe(7)
    expect((await demo('status_id=*&updated_on=%3E%3D2099-01-01T00:00:00Z')).total_count).toBe(0)
    expect((await demo('status_id=*&updated_on=%3E%3D2000-01-01T00:00:00Z')).total_count).toBe(7)
    const bad = await t.req('GET', '/issues.json?status_id=*&created_on=%3E%3Dnotadate')
    expect(bad.status).toBe(422)
    expect(await bad.json()).toEqual({ errors: ['Created is invalid'] })
  })

  it('relative dates: an issue created now is in t, ><t-1, w, m, y; not in ld, <t-1', async () => {
    const res = await t.req('POST', '/issues.json', {
      body: { issue: { project_id: 'tools', subject: 'Now' } },
    })
    const id = ((await res.json()) as { issue: { id: number } }).issue.id
    const count = async (expr: string): Promise<number> =>
      (
        await t.getJson<IssueList>(
          `/issues.json?issue_id=${id}&created_on=${encodeURIComponent(expr)}`,
        )
      ).total_count
    for (const expr of ['t', '><t-1', '>t-1', 'w', 'm', 'y', 't-0'])
      expect(await count(expr)).toBe(1)
    for (const expr of ['ld', '<t-1', 'lw', 'lm', 't-1']) expect(await count(expr)).toBe(0)
    expect((await t.req('GET', '/issues.json?created_on=%3Et-abc')).status).toBe(422)
  })

  it('the f[]/op[]/v[][] form; an unknown operator is 404 with an empty body', async () => {
    const q =
      'set_filter=1&f[]=status_id&op[status_id]=*&f[]=tracker_id&op[tracker_id]=%3D&v[tracker_id][]=1&f[]=subject&op[subject]=~&v[subject][]=crash&f[]=project_id&op[project_id]=%3D&v[project_id][]=1'
    expect(ids(await t.getJson<IssueList>(`/issues.json?${q}`))).toEqual([7])
    const bad = await t.req(
      'GET',
      '/issues.json?status_id=*&f[]=subject&op[subject]=BOGUS&v[subject][]=x',
    )
    expect(bad.status).toBe(404)
    expect(await bad.text()).toBe('')
  })

  it('project_id includes subprojects; unknown project 404', async () => {
    const web = await t.getJson<IssueList>('/issues.json?project_id=webapp&status_id=*&limit=100')
    const projects = new Set(web.issues.map((i) => i.project.id))
    expect(projects.has(4)).toBe(true)
    expect([...projects].every((p) => p === 3 || p === 4)).toBe(true)
    expect((await t.req('GET', '/issues.json?project_id=nope')).status).toBe(404)
  })

  it('query_id applies a saved query; unknown -> 404', async () => {
    const bugs = await t.getJson<IssueList>('/issues.json?query_id=8&project_id=demo')
    expect(ids(bugs)).toEqual([7, 1])
    expect((await t.req('GET', '/issues.json?query_id=999')).status).toBe(404)
    // Query 10 is private to bnguyen: invisible to everyone else, admin included.
    expect((await t.req('GET', '/issues.json?query_id=10', { as: 'jsmith' })).status).toBe(404)
    expect((await t.req('GET', '/issues.json?query_id=10')).status).toBe(404)
    expect((await t.req('GET', '/issues.json?query_id=10', { as: 'bnguyen' })).status).toBe(200)
    const names = await t.getJson<{ queries: { id: number }[] }>('/queries.json', 'jsmith')
    expect(names.queries.map((q) => q.id)).toEqual([1, 8, 2, 3, 4])
  })

  it('multi-key sort, unknown keys ignored (id desc)', async () => {
    const sorted = await t.getJson<{ issues: { id: number; priority: { id: number } }[] }>(
      '/issues.json?project_id=demo&status_id=*&sort=priority:desc,updated_on',
    )
    const prios = sorted.issues.map((i) => i.priority.id)
    expect(prios).toEqual([...prios].sort((a, b) => b - a))
    expect(ids(await demo('status_id=*&sort=bogus'))).toEqual([7, 6, 5, 4, 3, 2, 1])
    expect(ids(await demo('status_id=*&sort=id'))).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('offset / limit (max 100, <1 -> 25) / page and total_count', async () => {
    const big = await t.getJson<IssueList>('/issues.json?status_id=*&limit=1000&offset=2')
    expect(big.limit).toBe(100)
    expect(big.offset).toBe(2)
    expect((await t.getJson<IssueList>('/issues.json?limit=0')).limit).toBe(25)
    const page = await t.getJson<IssueList>(
      '/issues.json?project_id=demo&status_id=*&limit=3&page=2',
    )
    expect(page.offset).toBe(3)
    expect(ids(page)).toEqual([4, 3, 2])
    expect(page.total_count).toBe(7)
  })

  it('include=attachments,relations on the list gives arrays, journals are ignored', async () => {
    const list = await t.getJson<{ issues: Record<string, unknown>[] }>(
      '/issues.json?issue_id=7,4&status_id=*&include=attachments,relations,journals',
    )
    const seven = list.issues.find((i) => i.id === 7)
    const four = list.issues.find((i) => i.id === 4)
    expect((seven?.attachments as unknown[]).length).toBe(1)
    expect(four?.relations).toEqual([])
    expect(four?.attachments).toEqual([])
    expect(seven && 'journals' in seven).toBe(false)
  })
})
