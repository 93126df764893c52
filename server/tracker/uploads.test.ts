// @vitest-environment node
import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTracker, type TestTracker } from './test-support'

let t: TestTracker
beforeAll(async () => {
  t = await makeTracker({ seedIssues: 10, maxUploadBytes: 1024 })
})
afterAll(() => t.close())

const octet = { 'Content-Type': 'application/octet-stream' }

async function upload(content: string, filename = 'hello.txt', as = 'admin'): Promise<string> {
  const res = await t.req('POST', `/uploads.json?filename=${encodeURIComponent(filename)}`, {
    as,
    raw: content,
    headers: octet,
  })
  expect(res.status).toBe(201)
  const body = (await res.json()) as { upload: { id: number; token: string } }
  const digest = createHash('sha256').update(content).digest('hex')
  expect(body.upload.token).toBe(`${body.upload.id}.${digest}`)
  return body.upload.token
}

interface Att {
  id: number
  filename: string
  filesize: number
  content_url: string
}

describe('uploads and attachments', () => {
  it('accepts only application/octet-stream', async () => {
    const plain = await t.req('POST', '/uploads.json?filename=x.txt', {
      raw: 'x',
      headers: { 'Content-Type': 'text/plain' },
    })
    expect(plain.status).toBe(406)
    const json = await t.req('POST', '/uploads.json', {
      raw: 'not json',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(json.status).toBe(400)
    expect(
      (await t.req('POST', '/uploads.json', { as: null, raw: 'x', headers: octet })).status,
    ).toBe(401)
  })

  it('rejects files over maxUploadBytes with 422', async () => {
    const res = await t.req('POST', '/uploads.json?filename=big.bin', {
      raw: 'x'.repeat(2048),
      headers: octet,
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { errors: string[] }
    expect(body.errors[0]).toMatch(/exceeds the maximum allowed file size/)
  })

  it('attaches with a token once; reuse and bogus tokens -> 422', async () => {
    const token = await upload('hello attachment\n')
    const put = await t.req('PUT', '/issues/4.json', {
      body: {
        issue: {
          notes: 'attached',
          uploads: [{ token, filename: 'hello.txt', content_type: 'text/plain' }],
        },
      },
    })
    expect(put.status).toBe(204)
    const again = await t.req('PUT', '/issues/4.json', {
      body: { issue: { uploads: [{ token }] } },
    })
    expect(again.status).toBe(422)
    expect(await again.json()).toEqual({ errors: ['1 file(s) could not be saved.'] })
    const bogus = await t.req('PUT', '/issues/4.json', {
      body: { issue: { uploads: [{ token: '1.abc' }] } },
    })
    expect(await bogus.json()).toEqual({ errors: ['1 file(s) could not be saved.'] })
    const issue = await t.getJson<{
      issue: {
        attachments: Att[]
        journals: { notes: string; details: { property: string; new_value: string }[] }[]
      }
    }>('/issues/4.json?include=attachments,journals')
    const att = issue.issue.attachments.find((a) => a.filename === 'hello.txt')
    expect(att?.filesize).toBe(17)
    expect(issue.issue.journals.at(-1)).toMatchObject({
      notes: 'attached',
      details: [{ property: 'attachment', new_value: 'hello.txt' }],
    })
    const dl = await t.req('GET', `/attachments/download/${att?.id}/hello.txt`)
    expect(dl.status).toBe(200)
    expect(await dl.text()).toBe('hello attachment\n')
    expect(dl.headers.get('Content-Disposition')).toContain('attachment; filename="hello.txt"')
  })

  it('uses a token on create, only by its uploader', async () => {
    const token = await upload('x', 'new.txt', 'jsmith')
    const stolen = await t.req('POST', '/issues.json', {
      body: { issue: { project_id: 'demo', subject: 'steal', uploads: [{ token }] } },
    })
    expect(stolen.status).toBe(422)
    const res = await t.req('POST', '/issues.json', {
      as: 'jsmith',
      body: {
        issue: {
          project_id: 'demo',
          subject: 'with file',
          uploads: [{ token, filename: 'new.txt' }],
        },
      },
    })
    expect(res.status).toBe(201)
  })

  it('never serves files outside the files directory', async () => {
    const token = await upload('safe', '../../trackboard.db')
    const created = await t.req('POST', '/issues.json', {
      body: {
        issue: {
          project_id: 'demo',
          subject: 'traversal',
          uploads: [{ token, filename: '../../../etc/passwd' }],
        },
      },
    })
    const id = ((await created.json()) as { issue: { id: number } }).issue.id
    const issue = await t.getJson<{ issue: { attachments: Att[] } }>(
      `/issues/${id}.json?include=attachments`,
    )
    const att = issue.issue.attachments[0]
    expect(att?.filename).toBe('passwd')
    for (const path of [
      `/attachments/download/${att?.id}/..%2F..%2Ftrackboard.db`,
      `/attachments/download/${att?.id}/../../trackboard.db`,
    ]) {
      const res = await t.req('GET', path)
      if (res.status === 200) expect(await res.text()).toBe('safe')
      else expect([404, 406]).toContain(res.status)
    }
    for (const path of [
      '/attachments/download/..%2F..%2Ftrackboard.db',
      '/attachments/download/%2e%2e/trackboard.db',
      '/attachments/..%2Ftrackboard.json',
    ]) {
      const res = await t.req('GET', path)
      expect([404, 406]).toContain(res.status)
      expect(await res.text()).not.toContain('SQLite format')
    }
    // Stored names are generated, never taken from the request.
    expect(
      readdirSync(join(t.dataDir, 'files')).every((f) => /^(seed-\d+|\d+_[0-9a-f]{24})$/.test(f)),
    ).toBe(true)
  })

  it('attachments of invisible issues are not served; DELETE removes the file', async () => {
    expect((await t.req('GET', '/attachments/1.json', { as: 'amartin' })).status).toBe(200)
    const token = await upload('ops secret')
    await t.req('PUT', '/issues/8.json', {
      body: { issue: { uploads: [{ token, filename: 'secret.txt' }] } },
    })
    const issue = await t.getJson<{ issue: { attachments: Att[] } }>(
      '/issues/8.json?include=attachments',
    )
    const att = issue.issue.attachments[0]
    expect(
      (await t.req('GET', `/attachments/download/${att?.id}/secret.txt`, { as: 'amartin' })).status,
    ).toBe(403)
    expect((await t.req('GET', `/attachments/${att?.id}.json`, { as: null })).status).toBe(401)
    const before = readdirSync(join(t.dataDir, 'files')).length
    expect((await t.req('DELETE', `/attachments/${att?.id}.json`)).status).toBe(204)
    expect(readdirSync(join(t.dataDir, 'files')).length).toBe(before - 1)
    expect((await t.req('GET', `/attachments/${att?.id}.json`)).status).toBe(404)
    expect(existsSync(join(t.dataDir, 'trackboard.db'))).toBe(true)
  })
})
