/** Redmine's JSON timestamps: ISO-8601 UTC at second precision. */
export function isoTime(d: Date = new Date()): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function isoDate(d: Date = new Date()): string {
  return d.toISOString().slice(0, 10)
}
