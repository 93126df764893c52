// @vitest-environment node
import { describe, expect, it } from 'vitest'
import * as wire from './wire'
import * as map from './to-domain'
import { sampleJson, sampleNames } from './fixtures/load'

const BASE = '/t/main'
const issueShowSamples = [
  'issue_full_1',
  'issue_full_3',
  'issue_full_5',
  'issue_full_6',
  'issue_full_7',
  'issue_1_allowed_as_jsmith',
  'issue_3_allowed_as_jsmith',
  'after_upload',
  'after_disallowed_status',
  'after_disallowed_status_1',
]
const listSamples = sampleNames().filter((n) => {
  const j = (() => {
    try {
      return sampleJson(n)
    } catch {
      return null
    }
  })()
  return j !== null && typeof j === 'object' && 'issues' in j
})

describe('Redmine -> domain mappers over every recorded issue', () => {
  it('maps every issue of every list sample, keeping status, parent and attachment count', () => {
    expect(listSamples.length).toBeGreaterThan(25)
    for (const name of listSamples) {
      const raw = wire.wireIssueList.parse(sampleJson(name))
      for (const [k, w] of raw.issues.entries()) {
        const i = map.toIssue(w)
        const where = `${name}[${k}]`
        expect(i.id, where).toBe(w.id)
        expect(i.status.isClosed, where).toBe(w.status.is_closed)
        expect(i.parent, where).toEqual(w.parent ? { id: w.parent.id } : null)
        expect(i.attachmentCount, where).toBe(w.attachments ? w.attachments.length : null)
        expect(i.assignee, where).toEqual(w.assigned_to ?? null)
        expect(i.description, where).toBe(w.description ?? '')
      }
    }
  })

  it('counts attachments of list issues fetched with include=attachments', () => {
    const [issue] = wire.wireIssueList.parse(sampleJson('issues_list_one')).issues.map(map.toIssue)
    expect(issue).toMatchObject({
      id: 7,
      attachmentCount: 1,
      customFields: [{ id: 1, name: 'Severity', value: 'critical' }],
      status: { id: 1, name: 'New', isClosed: false },
      spentHours: 0,
    })
    const plain = wire.wireIssueList.parse(sampleJson('f_limit_100')).issues.map(map.toIssue)
    expect(plain.every((i) => i.attachmentCount === null)).toBe(true)
    expect(plain.find((i) => i.id === 6)?.parent).toEqual({ id: 5 })
    expect(plain.find((i) => i.id === 3)?.status).toEqual({ id: 5, name: 'Closed', isClosed: true })
  })

  it('maps every issue show sample to a detail whose attachment links go through the proxy', () => {
    for (const name of issueShowSamples) {
      const w = wire.wireIssueShow.parse(sampleJson(name)).issue
      const d = map.toIssueDetail(w, BASE)
      expect(d.history).toHaveLength(w.journals?.length ?? 0)
      expect(d.attachmentCount).toBe(w.attachments?.length ?? 0)
      for (const a of d.attachments)
        expect(a.contentUrl, name).toMatch(/^\/t\/main\/attachments\/download\/\d+\/[^/]+$/)
    }
  })

  it('turns journals into history, attachment URLs into proxy paths', () => {
    const d = map.toIssueDetail(
      wire.wireIssueShow.parse(sampleJson('after_upload')).issue,
      '/t/main/',
    )
    expect(d.attachments).toEqual([
      {
        id: 2,
        filename: 'hello.txt',
        filesize: 27,
        contentType: 'text/plain',
        description: 'greeting',
        contentUrl: '/t/main/attachments/download/2/hello.txt',
        author: { id: 1, name: 'Redmine Admin' },
        createdOn: '2026-11-23T20:13:55Z',
      },
    ])
    expect(d.history.map((h) => [h.id, h.notes, h.details])).toEqual([
      [
        8,
        'Use My account > API access key > Reset. Does that help?',
        [{ property: 'attr', name: 'status_id', oldValue: '1', newValue: '4' }],
      ],
      [
        18,
        'attached',
        [{ property: 'attachment', name: '2', oldValue: null, newValue: 'hello.txt' }],
      ],
    ])
    expect(d.allowedStatuses).toBeNull()
  })

  it('rewrites content URLs from any tracker origin and leaves foreign links alone', () => {
    expect(
      map.proxiedUrl('http://127.0.0.1:3300/attachments/download/1/crash.log', '/t/main'),
    ).toBe('/t/main/attachments/download/1/crash.log')
    expect(
      map.proxiedUrl('https://redmine.example/sub/attachments/download/9/a%20b.png', '/t/x/'),
    ).toBe('/t/x/attachments/download/9/a%20b.png')
    expect(map.proxiedUrl('https://cdn.example/file.png', '/t/main')).toBe(
      'https://cdn.example/file.png',
    )
  })

  it('maps multi-value and empty custom fields', () => {
    const w = wire.wireIssueShow.parse(sampleJson('issue_full_7')).issue
    const multi = map.toIssue({
      ...w,
      custom_fields: [
        { id: 1, name: 'Severity', multiple: true, value: ['minor', 'major'] },
        { id: 2, name: 'Empty', value: '' },
      ],
    })
    expect(multi.customFields).toEqual([
      { id: 1, name: 'Severity', value: ['minor', 'major'] },
      { id: 2, name: 'Empty', value: null },
    ])
  })
})

describe('Redmine -> domain metadata', () => {
  it('gives statuses their position in /issue_statuses.json', () => {
    const s = map.toStatuses(wire.wireStatusList.parse(sampleJson('issue_statuses')))
    expect(s.map((x) => [x.name, x.position, x.isClosed])).toEqual([
      ['New', 0, false],
      ['In Progress', 1, false],
      ['Resolved', 2, false],
      ['Feedback', 3, false],
      ['Closed', 4, true],
      ['Rejected', 5, true],
    ])
  })

  it('maps trackers, priorities, versions, categories, queries and members', () => {
    expect(map.toTypes(wire.wireTrackerList.parse(sampleJson('trackers')))[0]).toEqual({
      id: 1,
      name: 'Bug',
      defaultStatusId: 1,
    })
    const prio = map.toPriorities(wire.wirePriorityList.parse(sampleJson('issue_priorities')))
    expect(prio.find((p) => p.isDefault)).toMatchObject({ name: 'Normal', position: 1 })
    expect(map.toVersions(wire.wireVersionList.parse(sampleJson('project_versions')))).toEqual([
      {
        id: 1,
        project: { id: 1, name: 'Demo' },
        name: 'v1.0',
        status: 'open',
        dueDate: '2030-12-31',
      },
    ])
    const cats = map.toCategories(
      wire.wireCategoryList.parse(sampleJson('project_issue_categories')),
    )
    expect(cats.map((c) => [c.name, c.assignee?.name])).toEqual([
      ['Backend', 'John Smith'],
      ['Frontend', 'Dave Lopper'],
    ])
    const queries = map.toSavedQueries(wire.wireQueryList.parse(sampleJson('queries')))
    expect(queries[1]).toEqual({ id: 8, name: 'Open bugs', isPublic: true, projectId: null })
    const members = map.toMembers(wire.wireMembershipList.parse(sampleJson('project_memberships')))
    expect(members.map((m) => [m.principal.name, m.principal.kind, m.roles[0]?.name])).toEqual([
      ['John Smith', 'user', 'Developer'],
      ['Dave Lopper', 'user', 'Manager'],
    ])
  })

  it('maps projects, their privacy and a parent {id,name}', () => {
    const list = wire.wireProjectList.parse(sampleJson('projects_include')).projects
    const [demo] = list.map(map.toProject)
    expect(demo).toMatchObject({
      id: 1,
      identifier: 'demo',
      name: 'Demo',
      description: 'Fixture project Demo',
      isPublic: true,
      status: 'active',
      parent: null,
    })
    const child = map.toProject({ ...list[1]!, parent: { id: 1, name: 'Demo' }, status: 5 })
    expect(child).toMatchObject({ parent: { id: 1, name: 'Demo' }, status: 'closed' })
    expect(
      map.toProject(wire.wireProjectShow.parse(sampleJson('project_demo_include')).project).id,
    ).toBe(1)
  })

  it('maps the current user with the API key (so Basic sign-in can store the key)', () => {
    const me = map.toCurrentUser(wire.wireUserShow.parse(sampleJson('users_current')).user)
    expect(me).toMatchObject({ id: 1, login: 'admin', name: 'Redmine Admin', isAdmin: true })
    expect(me.apiKey).toMatch(/^[0-9a-f]{40}$/)
    const basic = map.toCurrentUser(wire.wireUserShow.parse(sampleJson('ok_basic_auth')).user)
    expect(basic.apiKey).toMatch(/^[0-9a-f]{40}$/)
    const jsmith = map.toCurrentUser(
      wire.wireUserShow.parse(sampleJson('users_current_jsmith')).user,
    )
    expect(jsmith.memberships.map((m) => [m.project.name, m.roles.map((r) => r.name)])).toEqual([
      ['Demo', ['Developer']],
      ['Ops', ['Manager']],
    ])
  })

  it('keeps only issue custom fields and maps their format', () => {
    const defs = map.toCustomFields(wire.wireCustomFieldList.parse(sampleJson('custom_fields')))
    expect(defs.map((d) => [d.name, d.format])).toEqual([['Severity', 'list']])
  })
})
