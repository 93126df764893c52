import { describe, expect, it } from 'vitest'
import { createAdapter } from './registry'
import { TrackerError, type TrackerType } from './tracker'
import { sampleResponse } from './redmine/fixtures/load'

describe('createAdapter', () => {
  it('builds a Redmine adapter that talks through the configured base', async () => {
    const urls: string[] = []
    const a = createAdapter(
      { id: 'main', name: 'Acme Redmine', type: 'redmine', base: '/t/main' },
      { kind: 'apiKey', key: 'k' },
      async (url) => {
        urls.push(url)
        return sampleResponse('issue_statuses')
      },
    )
    expect(a).toMatchObject({ id: 'main', type: 'redmine' })
    expect(a.capabilities).toEqual({
      upload: true,
      workflow: true,
      readOnly: false,
      deltaSync: true,
      maxPageSize: 100,
      basicAuth: true,
      textFormat: 'textile',
      serverFilters: expect.arrayContaining(['statusIds', 'assignee', 'customFields']),
    })
    expect(await a.listStatuses()).toHaveLength(6)
    expect(urls).toEqual(['/t/main/issue_statuses.json'])
  })

  it('says which trackers are not supported yet', () => {
    const cases: [TrackerType, string][] = [
      ['openproject', 'OpenProject is not supported yet.'],
      ['claromentis', 'Claromentis Infocapture is not supported yet.'],
      ['aritic-desk', 'Aritic Desk is not supported yet.'],
      ['fixx', 'fixx is not supported yet.'],
    ]
    for (const [type, message] of cases) {
      let err: unknown
      try {
        createAdapter({ id: 'x', name: 'X', type, base: '/t/x' }, { kind: 'anonymous' })
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(TrackerError)
      expect(err).toMatchObject({ kind: 'unsupported', message })
    }
  })
})
