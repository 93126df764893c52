import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** Salted SHA-256 (demo data only; Redmine itself uses salted SHA-1). Format `sha256$salt$hex`. */
export function hashPassword(password: string, salt = randomBytes(8).toString('hex')): string {
  const hex = createHash('sha256').update(`${salt}:${password}`).digest('hex')
  return `sha256$${salt}$${hex}`
}

export function checkPassword(password: string, stored: string): boolean {
  const [scheme, salt, hex] = stored.split('$')
  if (scheme !== 'sha256' || !salt || !hex) return false
  const actual = Buffer.from(hashPassword(password, salt))
  const expected = Buffer.from(stored)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
