/**
 * A contract case is data: the request, the expected status, the headers that matter, the
 * response schema, and an optional small check (which may make follow-up requests).
 */
import { expect } from 'vitest'
import type { ZodType } from 'zod'
import type { Ctx } from './context'
import type { Req, Res } from './http'

export interface ContractCase {
  name: string
  /** The request, or a function that prepares it (creating the issues it needs). */
  req: Req | ((ctx: Ctx) => Req | Promise<Req>)
  status: number
  /** `json` (default for 2xx with a body): Content-Type application/json and a JSON body.
   *  `empty`: no body at all (401/403/404/412 and 204). `any`: no check. */
  body?: 'json' | 'empty' | 'any'
  /** Content-Type the response must have (default application/json, when it has one). */
  contentType?: RegExp
  schema?: ZodType
  check?: (res: Res, ctx: Ctx, req: Req) => void | Promise<void>
  /** A documented, legitimate difference between the targets (also listed in docs/compat.md). */
  note?: string
}

export const group = (name: string, cases: ContractCase[]) =>
  cases.map((c) => ({ ...c, name: `${name}: ${c.name}` }))

function defaultBody(status: number): NonNullable<ContractCase['body']> {
  if (status === 204 || status === 401 || status === 403 || status === 404 || status === 412)
    return 'empty'
  return 'json'
}

export async function runCase(ctx: Ctx, c: ContractCase): Promise<void> {
  const req = typeof c.req === 'function' ? await c.req(ctx) : c.req
  const res = await ctx.send(req)
  const where = `${req.method ?? 'GET'} ${req.path}`
  expect(res.status, `${where} status; body: ${res.text.slice(0, 300)}`).toBe(c.status)
  const body = c.body ?? defaultBody(c.status)
  const type = c.contentType ?? /^application\/json/
  const contentType = () => res.headers.get('content-type') ?? ''
  if (c.contentType) expect(contentType(), `${where} Content-Type`).toMatch(type)
  if (body === 'empty') {
    expect(res.text, `${where} body should be empty`).toBe('')
    if (c.status !== 204) expect(contentType(), `${where} Content-Type`).toMatch(type)
  }
  if (body === 'json') {
    expect(contentType(), `${where} Content-Type`).toMatch(type)
    const json = res.json()
    if (c.schema) {
      const parsed = c.schema.safeParse(json)
      expect(parsed.success, `${where} schema: ${parsed.error?.message ?? ''}`).toBe(true)
    }
  }
  if (c.status === 401)
    expect(res.headers.get('www-authenticate'), `${where} WWW-Authenticate`).toBe(
      'Basic realm="Redmine API"',
    )
  await c.check?.(res, ctx, req)
}
