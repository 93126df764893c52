import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sampleJson, sampleResponse } from '../trackers/redmine/fixtures/load'
import { renderRoute, type FetchRoute } from '../test/render-route'

const KEY = '0a1ba3ed7bc1f9d60147eb6fd256d1467006ed1a'

/** Real Redmine 5.0.4 responses; the issue's description can be replaced to test sanitizing. */
function redmine(description?: string): FetchRoute {
  const samples: Record<string, string> = {
    '/t/main/users/current.json': 'users_current_jsmith',
    '/t/main/issue_statuses.json': 'issue_statuses',
    '/t/main/enumerations/issue_priorities.json': 'issue_priorities',
    '/t/main/trackers.json': 'trackers',
    '/t/main/projects/1/memberships.json': 'project_memberships',
    '/t/main/projects/1/issue_categories.json': 'project_issue_categories',
    '/t/main/projects/1/versions.json': 'project_versions',
    '/t/main/custom_fields.json': 'custom_fields_as_jsmith',
  }
  return (url) => {
    if (url.pathname === '/api/config')
      return Response.json({
        trackers: [{ id: 'main', name: 'Acme Redmine', type: 'redmine', base: '/t/main' }],
      })
    if (url.pathname === '/t/main/issues/1.json') {
      const body = sampleJson('issue_full_1') as { issue: Record<string, unknown> }
      if (description !== undefined) body.issue.description = description
      return Response.json(body)
    }
    const name = samples[url.pathname]
    return name ? sampleResponse(name) : undefined
  }
}

beforeEach(() => {
  localStorage.clear()
  localStorage.setItem('trackboard.session.main', JSON.stringify({ apiKey: KEY, userName: 'x' }))
  vi.stubGlobal('matchMedia', () => ({ matches: false }))
})
afterEach(() => vi.unstubAllGlobals())

describe('the issue page', () => {
  it('shows the subject, fields and a history in words', async () => {
    renderRoute('/main/issues/1', { fetch: redmine() })
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Login page returns 500 on empty password',
      }),
    ).toBeInTheDocument()
    expect(await screen.findByText(/changed from New to In Progress/)).toBeInTheDocument()
    expect(document.title).toBe('#1 Login page returns 500 on empty password · Trackboard')
    expect(
      screen.getByText('Reproduced locally; looking into the password validator.'),
    ).toBeVisible()
    expect(screen.getByText(/changed from 0 to 30/)).toBeInTheDocument()
  })

  it('renders Textile and strips scripts, handlers and javascript: links', async () => {
    const evil =
      'h3. Steps\n\n* one\n* two\n\n<script>window.hacked = 1</script>' +
      '<img src="x" onerror="window.hacked = 2"> "click":javascript:window.hacked=3'
    const { container } = renderRoute('/main/issues/1', { fetch: redmine(evil) })
    expect(await screen.findByRole('heading', { level: 3, name: 'Steps' })).toBeInTheDocument()
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toContain('one')
    expect(container.querySelector('script')).toBeNull()
    expect(container.innerHTML).not.toMatch(/onerror|javascript:/)
  })
})
