/** Helpers for issue-list cases: query strings and "which of my fixture issues came back". */
import { expect } from 'vitest'
import { wireIssueList } from '../../../src/trackers/redmine/wire'
import type { ContractCase } from '../case'
import type { Ctx, FixtureKey } from '../context'
import type { As, Res } from '../http'

export type Params = [string, string | number][]

export function qs(params: Params): string {
  return new URLSearchParams(params.map(([k, v]) => [k, String(v)])).toString()
}

export interface ListBody {
  issues: { id: number; [k: string]: unknown }[]
  total_count: number
  offset: number
  limit: number
}

/** Fixture keys for the ids in a list; ids that are not the suite's own show as `#id`. */
export function keysOf(ctx: Ctx, body: ListBody): string[] {
  const byId = new Map(Object.entries(ctx.issue).map(([k, id]) => [id, k]))
  return body.issues.map((i) => byId.get(i.id) ?? `#${i.id}`)
}

export function listBody(res: Res): ListBody {
  return res.json() as ListBody
}

/**
 * A list case scoped to the suite's own issues (`subject=~<token>`, unless `scoped: false`),
 * expecting exactly `want` (in any order, or in this order with `ordered`).
 */
export function listCase(
  name: string,
  params: (ctx: Ctx) => Params,
  want: FixtureKey[],
  opts: { as?: As; ordered?: boolean; scoped?: boolean; note?: string } = {},
): ContractCase {
  return {
    name,
    note: opts.note,
    req: (ctx) => ({
      path: `/issues.json?${qs([...(opts.scoped === false ? [] : ([['subject', `~${ctx.tok}`]] as Params)), ...params(ctx)])}`,
      as: opts.as,
    }),
    status: 200,
    schema: wireIssueList,
    check: (res, ctx) => {
      const body = listBody(res)
      const got = keysOf(ctx, body)
      if (opts.ordered) expect(got).toEqual(want)
      else expect([...got].sort()).toEqual([...want].sort())
      expect(body.total_count).toBe(want.length)
    },
  }
}
