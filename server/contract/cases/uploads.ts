/** POST /uploads.json, attaching tokens, and downloading the attachment back. */
import { createHash, randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import { wireErrors, wireIssueShow, wireUpload } from '../../../src/trackers/redmine/wire'
import { group } from '../case'
import type { Ctx } from '../context'
import type { Req } from '../http'

const octet = { 'Content-Type': 'application/octet-stream' }

async function upload(ctx: Ctx, content: Uint8Array): Promise<string> {
  const res = await ctx.send({
    method: 'POST',
    path: '/uploads.json?filename=c.txt',
    raw: content,
    headers: octet,
  })
  if (res.status !== 201) throw new Error(`upload -> ${res.status}`)
  return (res.json() as { upload: { token: string } }).upload.token
}

/** A fresh issue with one upload already attached; the reused token goes in the request. */
async function attachedTwice(ctx: Ctx): Promise<Req> {
  const id = await ctx.createIssue({ project_id: ctx.demo.id, subject: `${ctx.tok} reuse` })
  const token = await upload(ctx, randomBytes(32))
  const uploads = [{ token, filename: 'once.bin', content_type: 'application/octet-stream' }]
  const path = `/issues/${id}.json`
  const first = await ctx.send({ method: 'PUT', path, body: { issue: { uploads } } })
  if (first.status !== 204) throw new Error(`first attach -> ${first.status}`)
  return { method: 'PUT', path, body: { issue: { uploads } } }
}

const contents = new WeakMap<Req, Uint8Array>()

type WithAttachments = {
  issue: {
    attachments: {
      filename: string
      filesize: number
      content_url: string
      author: { id: number }
    }[]
    journals: { details: { property: string; new_value?: string | null }[] }[]
  }
}

export const uploadCases = group('uploads', [
  {
    name: '201 with {upload:{id,token}}; token is "<id>.<sha256 of the content>"',
    req: () => {
      const raw = randomBytes(64)
      const req: Req = {
        method: 'POST',
        path: '/uploads.json?filename=hello.txt',
        raw,
        headers: octet,
      }
      contents.set(req, raw)
      return req
    },
    status: 201,
    schema: wireUpload,
    check: (res, _ctx, req) => {
      const { upload: u } = res.json() as { upload: { id: number; token: string } }
      const sha = createHash('sha256')
        .update(contents.get(req) ?? new Uint8Array())
        .digest('hex')
      expect(u.token).toBe(`${u.id}.${sha}`)
    },
  },
  {
    name: 'no filename: still 201',
    req: { method: 'POST', path: '/uploads.json', raw: 'no name', headers: octet },
    status: 201,
    schema: wireUpload,
  },
  {
    name: 'Content-Type text/plain: 406',
    req: {
      method: 'POST',
      path: '/uploads.json?filename=x.txt',
      raw: 'x',
      headers: { 'Content-Type': 'text/plain' },
    },
    status: 406,
    body: 'any',
  },
  {
    name: 'as anonymous: 401',
    req: {
      method: 'POST',
      path: '/uploads.json?filename=x.txt',
      as: 'anonymous',
      raw: 'x',
      headers: octet,
    },
    status: 401,
  },
  {
    name: 'attach with PUT, then read and download it',
    req: async (ctx) => {
      const raw = randomBytes(300)
      const id = await ctx.createIssue({ project_id: ctx.demo.id, subject: `${ctx.tok} attach` })
      const token = await upload(ctx, raw)
      const uploads = [{ token, filename: 'blob.bin', content_type: 'application/octet-stream' }]
      const req: Req = { method: 'PUT', path: `/issues/${id}.json`, body: { issue: { uploads } } }
      contents.set(req, raw)
      return req
    },
    status: 204,
    check: async (_res, ctx, req) => {
      const res = await ctx.send({ path: `${req.path}?include=attachments,journals` })
      expect(wireIssueShow.safeParse(res.json()).success).toBe(true)
      const { issue } = res.json() as WithAttachments
      const raw = contents.get(req) ?? new Uint8Array()
      expect(issue.attachments.map((a) => [a.filename, a.filesize])).toEqual([
        ['blob.bin', raw.length],
      ])
      expect(issue.attachments[0]?.author.id).toBe(ctx.users.admin)
      const details = issue.journals.flatMap((j) => j.details.map((d) => [d.property, d.new_value]))
      expect(details).toEqual([['attachment', 'blob.bin']])
      const url = issue.attachments[0]?.content_url ?? ''
      expect(url.startsWith(`${ctx.target.url}/attachments/download/`)).toBe(true)
      const dl = await ctx.send({ path: url.slice(ctx.target.url.length) })
      expect(dl.status).toBe(200)
      expect(Buffer.from(dl.bytes).equals(Buffer.from(raw))).toBe(true)
    },
  },
  {
    name: 'token used twice: 422',
    req: attachedTwice,
    status: 422,
    schema: wireErrors,
    check: (res) => expect(res.json()).toEqual({ errors: ['1 file(s) could not be saved.'] }),
  },
  {
    name: 'bogus token: 422',
    req: (ctx) => ({
      method: 'PUT',
      path: `/issues/${ctx.issue.d}.json`,
      body: { issue: { uploads: [{ token: '999999.deadbeef', filename: 'x.bin' }] } },
    }),
    status: 422,
    schema: wireErrors,
    check: (res) => expect(res.json()).toEqual({ errors: ['1 file(s) could not be saved.'] }),
  },
  {
    name: 'create with uploads: 201 and the attachment is there',
    req: async (ctx) => {
      const token = await upload(ctx, new TextEncoder().encode('created with a file'))
      const uploads = [{ token, filename: 'new.txt', content_type: 'text/plain' }]
      return {
        method: 'POST',
        path: '/issues.json',
        body: { issue: { project_id: ctx.demo.id, subject: `${ctx.tok} with file`, uploads } },
      }
    },
    status: 201,
    check: async (res, ctx) => {
      const { id } = (res.json() as { issue: { id: number } }).issue
      ctx.track(id)
      const shown = await ctx.get<WithAttachments>(`/issues/${id}.json?include=attachments`)
      expect(shown.issue.attachments.map((a) => [a.filename, a.filesize])).toEqual([
        ['new.txt', 19],
      ])
    },
  },
])
