// @vitest-environment node
/**
 * The differential contract suite: every case in ./cases runs against each target named in
 * CONTRACT_TARGETS (comma list: bundled, redmine; default bundled). See scripts/contract.sh.
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { runCase } from './case'
import { allCases } from './cases/index'
import { makeCtx, type Ctx } from './context'
import { openTarget, targetNames, unavailable, type Target } from './targets'

for (const name of targetNames()) {
  const why = unavailable(name)
  if (why) {
    console.warn(`contract suite: target "${name}" skipped: ${why}`)
    describe.skip(`contract vs ${name} (skipped: ${why})`, () => {
      it('needs the target', () => {})
    })
    continue
  }
  describe(`contract vs ${name}`, () => {
    let target: Target | undefined
    let ctx: Ctx | undefined
    beforeAll(async () => {
      target = await openTarget(name)
      ctx = await makeCtx(target)
    }, 60_000)
    afterAll(async () => {
      await ctx?.cleanup()
      await target?.close()
    }, 60_000)
    for (const c of allCases)
      it(c.name, async () => {
        if (!ctx) throw new Error(`target ${name} did not start`)
        await runCase(ctx, c)
      })
  })
}
