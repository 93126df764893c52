// @vitest-environment node
/**
 * The differential compatibility suite: the same HTTP cases against the bundled tracker and a real
 * Redmine 5 (CONTRACT_TARGETS=bundled,redmine; default bundled). Shapes are checked with the
 * Redmine adapter's zod schemas, so both servers must speak what the app understands.
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { issueListCases } from './cases/issue-list'
import { issueShowCases } from './cases/issue-show'
import { issueWriteCases } from './cases/issue-writes'
import { projectCases } from './cases/projects'
import { referenceCases } from './cases/reference'
import { uploadCases } from './cases/uploads'
import { userCases } from './cases/users'
import { openTarget, type Target } from './target'

const groups = {
  reference: referenceCases,
  users: userCases,
  projects: projectCases,
  'issue list': issueListCases,
  'issue show': issueShowCases,
  'issue writes': issueWriteCases,
  uploads: uploadCases,
}

const targets = (process.env.CONTRACT_TARGETS ?? 'bundled').split(',').map((s) => s.trim())

for (const name of ['bundled', 'redmine'] as const) {
  const wanted = targets.includes(name)
  describe.skipIf(!wanted || (name === 'redmine' && !process.env.REDMINE_URL))(
    `contract: ${name}`,
    () => {
      let target: Target
      beforeAll(async () => {
        target = await openTarget(name)
      }, 60_000)
      afterAll(async () => {
        await target?.close()
      })
      for (const [group, cases] of Object.entries(groups))
        describe(group, () => {
          for (const c of cases) it(c.name, () => c.run(target))
        })
    },
  )
}
