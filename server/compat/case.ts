import { expect } from 'vitest'
import type { z } from 'zod'
import type { Reply, Target } from './target'

export interface Case {
  name: string
  run(t: Target): Promise<void>
}

/** Status, JSON content type, and the body accepted by the adapter's zod schema. */
export function expectShape(r: Reply, status: number, schema?: z.ZodType): void {
  expect(r.status, r.text.slice(0, 300)).toBe(status)
  expect(r.headers.get('content-type') ?? '').toMatch(/application\/json/)
  if (schema) {
    const parsed = schema.safeParse(r.json)
    expect(parsed.success, parsed.error?.message).toBe(true)
  }
}

/** Redmine's empty-bodied errors: 401, 403, 404, 412. */
export function expectEmpty(r: Reply, status: number): void {
  expect(r.status).toBe(status)
  expect(r.text).toBe('')
  expect(r.headers.get('content-type') ?? '').toMatch(/application\/json/)
}

export function ids(r: Reply): number[] {
  return ((r.json as { issues: { id: number }[] }).issues ?? []).map((i) => i.id)
}

export const get = (t: Target, path: string, as: Parameters<Target['req']>[2] = {}) =>
  t.req('GET', path, as)
