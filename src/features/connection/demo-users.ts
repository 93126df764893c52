/** "Developer in demo, Manager in ops" -> "Developer": the first role, without its project. */
export function shortRole(role: string): string {
  const first = role.split(',')[0]?.split(' in ')[0]?.trim() ?? ''
  return first ? first[0]!.toUpperCase() + first.slice(1) : role
}
