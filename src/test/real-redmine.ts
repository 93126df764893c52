/**
 * For tests against a real Redmine (they run only when REDMINE_URL is set: `npm run test:redmine`):
 * adapters for the fixture's users, and the issues a test creates, deleted afterwards.
 */
import { afterAll } from 'vitest'
import { createRedmineAdapter } from '../trackers/redmine/adapter'
import type { Credentials, IssueId, TrackerAdapter } from '../trackers/tracker'

export const realRedmineUrl = process.env.REDMINE_URL

/** An adapter straight to the real Redmine (no proxy) with these credentials. */
export function redmineWith(credentials: Credentials): TrackerAdapter {
  return createRedmineAdapter({ id: 'main', base: realRedmineUrl ?? '', credentials })
}

/** An adapter with this API key (anonymous without one). */
export function redmineAs(key: string | undefined): TrackerAdapter {
  return redmineWith(key ? { kind: 'apiKey', key } : { kind: 'anonymous' })
}

/** Call inside a `describe`: the fixture users, and `created`, whose issues go in `afterAll`. */
export function realRedmineFixture() {
  const admin = redmineAs(process.env.REDMINE_API_KEY)
  const created: IssueId[] = []
  afterAll(async () => {
    for (const id of created) await admin.deleteIssue(id).catch(() => {})
  })
  return {
    admin,
    jsmith: redmineAs(process.env.REDMINE_JSMITH_API_KEY),
    dlopper: redmineAs(process.env.REDMINE_DLOPPER_API_KEY),
    created,
  }
}
