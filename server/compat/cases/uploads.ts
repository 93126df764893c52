import { createHash } from 'node:crypto'
import { expect } from 'vitest'
import * as wire from '../../../src/trackers/redmine/wire'
import { expectShape, get, type Case } from '../case'
import { createIssue, type Target } from '../target'

const upload = (
  t: Target,
  body: string,
  contentType = 'application/octet-stream',
  query = '?filename=note.txt',
) => t.req('POST', `/uploads.json${query}`, { body, headers: { 'Content-Type': contentType } })

export const uploadCases: Case[] = [
  {
    name: 'POST /uploads.json: 201 with {upload:{id, token:"N.<sha256>"}}',
    async run(t) {
      const body = `contract ${Date.now()}`
      const r = await upload(t, body)
      expectShape(r, 201, wire.wireUpload)
      const { id, token } = (r.json as { upload: { id: number; token: string } }).upload
      expect(token).toBe(`${id}.${createHash('sha256').update(body).digest('hex')}`)
    },
  },
  {
    name: 'POST /uploads.json without a filename still works',
    async run(t) {
      expect((await upload(t, 'x', 'application/octet-stream', '')).status).toBe(201)
    },
  },
  {
    name: 'POST /uploads.json as text/plain is a 406',
    async run(t) {
      expect((await upload(t, 'x', 'text/plain')).status).toBe(406)
    },
  },
  {
    name: 'attach with the token, download the same bytes; a second use of the token is a 422',
    async run(t) {
      const body = `attached ${Date.now()}\n`
      const token = ((await upload(t, body)).json as { upload: { token: string } }).upload.token
      const id = await createIssue(t, {})
      try {
        const uploads = [{ token, filename: 'note.txt', content_type: 'text/plain' }]
        const put = await t.req('PUT', `/issues/${id}.json`, {
          json: { issue: { notes: 'file', uploads } },
        })
        expect(put.status).toBe(204)
        const issue = (
          (await get(t, `/issues/${id}.json?include=attachments`)).json as {
            issue: wire.WireIssueDetail
          }
        ).issue
        const a = issue.attachments![0]!
        expect(a).toMatchObject({ filename: 'note.txt', filesize: body.length })
        const path = new URL(a.content_url).pathname.replace(/^.*?(\/attachments\/)/, '$1')
        const dl = await get(t, path)
        expect(dl.status).toBe(200)
        expect(dl.text).toBe(body)

        const again = await t.req('PUT', `/issues/${id}.json`, { json: { issue: { uploads } } })
        expectShape(again, 422, wire.wireErrors)
        expect(again.json).toEqual({ errors: ['1 file(s) could not be saved.'] })
      } finally {
        await t.req('DELETE', `/issues/${id}.json`)
      }
    },
  },
  {
    name: 'a bogus token is a 422',
    async run(t) {
      const id = await createIssue(t, {})
      try {
        const r = await t.req('PUT', `/issues/${id}.json`, {
          json: { issue: { uploads: [{ token: '999999.deadbeef', filename: 'x.txt' }] } },
        })
        expect(r.status).toBe(422)
        expect(r.json).toEqual({ errors: ['1 file(s) could not be saved.'] })
      } finally {
        await t.req('DELETE', `/issues/${id}.json`)
      }
    },
  },
]
