import type { Prng } from './prng'

const BUG_SUBJECTS = [
  'Login fails when the password contains a quote',
  'Session expires after {n} minutes instead of 8 hours',
  'Export to CSV drops rows with empty {field}',
  'Crash when opening an issue with {n} attachments',
  'Sorting by {field} ignores the second key',
  'Timezone offset wrong in the {screen} date picker',
  'Broken layout of the {screen} page on small screens',
  '500 error when saving {field} with an emoji',
  'Search misses issues updated in the last {n} minutes',
  'Notifications sent twice for {field} changes',
  'Memory leak in the {component} worker',
  'Avatar upload rejects valid PNG files',
  'Pagination shows page {n} of 0',
  'Keyboard focus lost after closing the {screen} dialog',
  'Race condition between {component} and cache refresh',
  'Wrong total in the {screen} summary',
]
const FEATURE_SUBJECTS = [
  'Add dark mode to the {screen} page',
  'Allow bulk edit of {field}',
  'Support OAuth login with {provider}',
  'Show {field} in the issue list',
  'Export {screen} as PDF',
  'Keyboard shortcuts for the {screen} view',
  'Webhook on {field} change',
  'Saved filters shared per project',
  'Drag and drop to reorder {field}',
  'Inline editing of {field}',
  'Weekly digest email for watchers',
  'REST endpoint for {component} statistics',
]
const SUPPORT_SUBJECTS = [
  'How do I change my {field}?',
  'Cannot access the {screen} page from the VPN',
  'Request: new account for the {component} team',
  'Question about {field} permissions',
  'Please restore the deleted {screen} report',
  'Slow response times on {screen} since Monday',
  'Import of {n} issues from the old tracker',
]
const FIELDS = [
  'due date',
  'assignee',
  'priority',
  'category',
  'target version',
  'description',
  'subject',
  'status',
]
const SCREENS = [
  'dashboard',
  'settings',
  'board',
  'roadmap',
  'activity',
  'issue detail',
  'project overview',
  'admin',
]
const COMPONENTS = [
  'mailer',
  'indexer',
  'scheduler',
  'importer',
  'attachment',
  'webhook',
  'billing',
  'search',
]
const PROVIDERS = ['GitHub', 'GitLab', 'Google', 'Azure AD', 'Keycloak']

function fill(p: Prng, template: string): string {
  return template
    .replace('{n}', String(p.int(2, 90)))
    .replace('{field}', p.pick(FIELDS))
    .replace('{screen}', p.pick(SCREENS))
    .replace('{component}', p.pick(COMPONENTS))
    .replace('{provider}', p.pick(PROVIDERS))
}

export function subjectFor(p: Prng, trackerId: number): string {
  const list =
    trackerId === 1 ? BUG_SUBJECTS : trackerId === 2 ? FEATURE_SUBJECTS : SUPPORT_SUBJECTS
  return fill(p, p.pick(list))
}

/** A description in Textile (Redmine's default) or Markdown, or none. */
export function descriptionFor(p: Prng, subject: string): string | null {
  const roll = p.next()
  if (roll < 0.15) return null
  const component = p.pick(COMPONENTS)
  if (roll < 0.6) {
    return [
      `h3. ${subject}`,
      '',
      `Seen in the *${component}* since the last deploy.`,
      '',
      '# Open the page',
      '# Change the value',
      '# Save',
      '',
      `Expected: saved. Actual: @HTTP ${p.pick(['500', '422', '409'])}@.`,
      '',
      '<pre>',
      `${component}: error at line ${p.int(10, 900)}`,
      '</pre>',
    ].join('\n')
  }
  return [
    `### ${subject}`,
    '',
    `The **${component}** needs this; see the _roadmap_ notes.`,
    '',
    '- first step',
    '- second step',
    '',
    '```',
    `${component} --verbose --retries=${p.int(1, 5)}`,
    '```',
  ].join('\n')
}

export const NOTES = [
  'Reproduced on staging.',
  'Could you attach the log file?',
  'Fixed in the latest build, please verify.',
  'This is a duplicate of an older report, keeping it open for now.',
  'Deployed to production.',
  'Works for me on *Firefox* and _Chrome_.',
  'Moving to the next version.',
  'Needs a decision from the product owner.',
  'Added a regression test.',
  'Waiting for feedback from the customer.',
]
