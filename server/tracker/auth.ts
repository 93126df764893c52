import type { Lookups } from './db/lookups'
import type { UserRow } from './db/schema'
import { checkPassword } from './passwords'

export type AuthResult = { kind: 'user'; user: UserRow | null } | { kind: 'switch-failed' }

interface AuthInput {
  apiKeyHeader: string | undefined
  keyParam: string | undefined
  authorization: string | undefined
  switchUser: string | undefined
}

/**
 * Redmine's find_current_user for API requests: the `X-Redmine-API-Key` header, the `key`
 * parameter (accepted for compatibility; clients should use the header so keys stay out of
 * URLs and logs), or HTTP Basic (login/password, or the API key as the user name).
 * A bad key or password means anonymous, not an error. An admin authenticated by key may act
 * as another user with `X-Redmine-Switch-User`; an unknown login gives 412.
 */
export function authenticate(input: AuthInput, lookups: Lookups): AuthResult {
  const key = input.apiKeyHeader ?? input.keyParam
  if (key) {
    const user = lookups.usersByKey.get(key)
    if (!user || user.status !== 1) return { kind: 'user', user: null }
    if (user.admin === 1 && input.switchUser) {
      const other = lookups.usersByLogin.get(input.switchUser)
      if (!other || other.status !== 1) return { kind: 'switch-failed' }
      return { kind: 'user', user: other }
    }
    return { kind: 'user', user }
  }
  const auth = input.authorization
  if (auth && /^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return { kind: 'user', user: null }
    const login = decoded.slice(0, colon)
    const password = decoded.slice(colon + 1)
    const byKey = lookups.usersByKey.get(login)
    if (byKey && byKey.status === 1) return { kind: 'user', user: byKey }
    const user = lookups.usersByLogin.get(login)
    if (user && user.status === 1 && checkPassword(password, user.password_hash))
      return { kind: 'user', user }
  }
  return { kind: 'user', user: null }
}
