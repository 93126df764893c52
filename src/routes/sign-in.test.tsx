import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onSignOut } from '../features/connection'
import { sampleJson, sampleResponse } from '../trackers/redmine/fixtures/load'
import { renderRoute, type FetchRoute } from '../test/render-route'

/** jsmith's key as recorded in users_current_jsmith.json; admin's in ok_basic_auth.json. */
const GOOD_KEY = '0a1ba3ed7bc1f9d60147eb6fd256d1467006ed1a'
const ADMIN_KEY = '516cd420d9ccea2c3e6be6347c79249ede0a8151'
const ACME = { id: 'main', name: 'Acme Redmine', type: 'redmine', base: '/t/main' }

function redmine(config: object = { trackers: [ACME] }, projects = 'projects_include'): FetchRoute {
  return (url, init) => {
    if (url.pathname === '/api/config') return Response.json(config)
    const headers = new Headers(init.headers)
    const key = headers.get('X-Redmine-API-Key')
    const basic = headers.get('Authorization')
    if (url.pathname === '/t/main/users/current.json') {
      if (basic === `Basic ${btoa('admin:admin')}`) return sampleResponse('ok_basic_auth')
      if (basic) return sampleResponse('err_401_basic_bad')
      return sampleResponse(key === GOOD_KEY ? 'users_current_jsmith' : 'err_401_bad_key')
    }
    if (url.pathname === '/t/main/projects.json')
      return key === GOOD_KEY ? sampleResponse(projects) : sampleResponse('projects_anonymous')
    return undefined
  }
}

/** projects_include plus a subproject of Demo, built from the Demo record. */
function withSubproject(): FetchRoute {
  const body = sampleJson('projects_include') as { projects: Record<string, unknown>[] }
  const demo = body.projects.find((p) => p.identifier === 'demo')!
  const sub: Record<string, unknown> = {
    ...demo,
    id: 3,
    name: 'Demo Mobile',
    identifier: 'demo-mobile',
    parent: { id: demo.id, name: demo.name },
  }
  const route = redmine()
  return (url, init) =>
    url.pathname === '/t/main/projects.json'
      ? Response.json({ ...body, projects: [...body.projects, sub], total_count: 3 })
      : route(url, init)
}

const signedIn = () =>
  localStorage.setItem(
    'trackboard.session.main',
    JSON.stringify({ apiKey: GOOD_KEY, userName: 'John Smith' }),
  )

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  vi.stubGlobal('matchMedia', () => ({ matches: false }))
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('signing in', () => {
  it('signs in with an API key and shows the projects, private ones marked', async () => {
    const user = userEvent.setup()
    const { calls } = renderRoute('/', { fetch: redmine() })
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Projects' })).toBeInTheDocument()
    expect(document.title).toBe('Projects · Acme Redmine · Trackboard')
    const ops = (await screen.findByText('Ops')).closest('li')!
    const demo = screen.getByText('Demo').closest('li')!
    expect(ops).toHaveTextContent('Private')
    expect(demo).not.toHaveTextContent('Private')
    expect(await screen.findByLabelText('Signed in user')).toHaveTextContent('John Smith')
    expect(screen.getByRole('link', { name: 'Demo issues' })).toHaveAttribute(
      'href',
      '/main/projects/demo/issues',
    )
    expect(screen.getByRole('link', { name: 'Demo board' })).toHaveAttribute(
      'href',
      '/main/projects/demo/board',
    )
    // Remembered by default; the key travels in a header, never in a URL.
    expect(JSON.parse(localStorage.getItem('trackboard.session.main')!)).toEqual({
      apiKey: GOOD_KEY,
      userName: 'John Smith',
    })
    expect(calls.length).toBeGreaterThan(2)
    expect(calls.every((c) => !c.url.href.includes(GOOD_KEY))).toBe(true)
  })

  it('keeps the key for this tab only without "remember me"', async () => {
    const user = userEvent.setup()
    renderRoute('/', { fetch: redmine() })
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY)
    await user.click(screen.getByRole('checkbox', { name: 'Remember me on this device' }))
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByRole('heading', { name: 'Projects' })
    expect(localStorage.getItem('trackboard.session.main')).toBeNull()
    expect(sessionStorage.getItem('trackboard.session.main')).toContain(GOOD_KEY)
  })

  it('says a wrong key was not accepted and keeps what was typed', async () => {
    const user = userEvent.setup()
    renderRoute('/', { fetch: redmine() })
    const input = await screen.findByLabelText('API key')
    await user.type(input, 'wrong-key')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That API key was not accepted by Acme Redmine.',
    )
    expect(input).toHaveValue('wrong-key')
    expect(localStorage.length + sessionStorage.length).toBe(0)
  })

  it('exchanges a username and password for the API key and stores only the key', async () => {
    const user = userEvent.setup()
    renderRoute('/', { fetch: redmine() })
    await user.click(await screen.findByRole('button', { name: 'Use username and password' }))
    await user.type(screen.getByLabelText('Username'), 'admin')
    await user.type(screen.getByLabelText('Password'), 'wrong')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That username and password were not accepted by Acme Redmine.',
    )
    expect(screen.getByLabelText('Password')).toHaveValue('wrong')

    await user.clear(screen.getByLabelText('Password'))
    await user.type(screen.getByLabelText('Password'), 'admin')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByRole('heading', { name: 'Projects' })
    const stored = localStorage.getItem('trackboard.session.main')!
    expect(JSON.parse(stored)).toMatchObject({ apiKey: ADMIN_KEY })
    expect(stored).not.toContain('"admin"')
  })

  it('says when the tracker cannot be reached', async () => {
    const user = userEvent.setup()
    renderRoute('/', {
      fetch: (url) =>
        url.pathname === '/api/config'
          ? Response.json({ trackers: [ACME] })
          : Response.json({ error: 'Cannot reach the tracker' }, { status: 502 }),
    })
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach Acme Redmine')
    expect(screen.getByLabelText('API key')).toHaveValue(GOOD_KEY)
  })

  it('opens a demo connection as one of its users with one click', async () => {
    const user = userEvent.setup()
    const demoUsers = [
      {
        login: 'jsmith',
        name: 'John Smith',
        apiKey: GOOD_KEY,
        role: 'Developer in demo, Manager in ops',
      },
      { login: 'dlopper', name: 'Dave Lopper', apiKey: 'not-this-one', role: 'Manager in demo' },
    ]
    renderRoute('/', { fetch: redmine({ trackers: [{ ...ACME, demo: true, demoUsers }] }) })
    await user.click(
      await screen.findByRole('button', { name: 'Open the demo as John Smith (Developer)' }),
    )
    expect(await screen.findByRole('heading', { name: 'Projects' })).toBeInTheDocument()
    expect(localStorage.getItem('trackboard.session.main')).toContain(GOOD_KEY)
  })

  it('lists several connections and opens the sign-in form of the one chosen', async () => {
    const user = userEvent.setup()
    const other = { id: 'other', name: 'Other Redmine', type: 'redmine', base: '/t/other' }
    signedIn()
    renderRoute('/', { fetch: redmine({ trackers: [ACME, other] }) })
    const acme = await screen.findByRole('region', { name: 'Acme Redmine' })
    expect(acme).toHaveTextContent('Signed in as John Smith')
    expect(within(acme).getByRole('link', { name: 'Open projects' })).toHaveAttribute(
      'href',
      '/main/projects',
    )
    expect(screen.queryByLabelText('API key')).not.toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Sign in to Other Redmine' }))
    const form = await screen.findByRole('form', { name: 'Sign in to Other Redmine' })
    expect(within(form).getByLabelText('API key')).toBeInTheDocument()
  })

  it('signs out from the start page and shows the form again at once', async () => {
    signedIn()
    const user = userEvent.setup()
    renderRoute('/', { fetch: redmine() })
    await user.click(await screen.findByRole('button', { name: 'Sign out' }))
    expect(await screen.findByLabelText('API key')).toHaveValue('')
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument()
    expect(localStorage.getItem('trackboard.session.main')).toBeNull()
  })

  it('sends a signed-out visitor to sign in and back to the page they asked for', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects', { fetch: redmine() })
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY)
    expect(router.state.location.pathname).toBe('/')
    expect(router.state.location.search).toMatchObject({ conn: 'main', redirect: '/main/projects' })
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByRole('heading', { name: 'Projects' })
    expect(router.state.location.pathname).toBe('/main/projects')
  })

  it('shows a clear page for an unknown tracker', async () => {
    renderRoute('/nope/projects', { fetch: redmine() })
    expect(await screen.findByRole('heading', { name: 'No such tracker' })).toBeInTheDocument()
  })
})

describe('the projects page', () => {
  it('filters as you type, keeping the parents of matches', async () => {
    signedIn()
    const user = userEvent.setup()
    renderRoute('/main/projects', { fetch: withSubproject() })
    await screen.findByText('Ops')
    await user.type(screen.getByRole('searchbox', { name: 'Search projects' }), 'mobile')
    await waitFor(() => expect(screen.queryByText('Ops')).not.toBeInTheDocument())
    expect(screen.getByText('Demo Mobile')).toBeInTheDocument()
    expect(screen.getByText('Demo')).toBeInTheDocument()
    await user.type(screen.getByRole('searchbox', { name: 'Search projects' }), 'zzz')
    expect(await screen.findByText('No project matches “mobilezzz”')).toBeInTheDocument()
  })

  it('collapses and expands subprojects', async () => {
    signedIn()
    const user = userEvent.setup()
    renderRoute('/main/projects', { fetch: withSubproject() })
    const toggle = await screen.findByRole('button', { name: 'Collapse Demo' })
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText('Demo Mobile')).toBeInTheDocument()
    await user.click(toggle)
    expect(screen.queryByText('Demo Mobile')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Expand Demo' })).toHaveAttribute(
      'aria-expanded',
      'false',
    )
    await user.click(screen.getByRole('button', { name: 'Expand Demo' }))
    expect(screen.getByText('Demo Mobile')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Ops/ })).not.toBeInTheDocument()
  })

  it('shows the error with a retry that works', async () => {
    signedIn()
    let fail = true
    const route = redmine()
    const user = userEvent.setup()
    renderRoute('/main/projects', {
      fetch: (url, init) =>
        url.pathname === '/t/main/projects.json' && fail
          ? new Response('boom', { status: 500 })
          : route(url, init),
    })
    const alert = await screen.findByRole('alert')
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText('Ops')).toBeInTheDocument()
  })

  it('signs out: forgets the key, tells subscribers, clears the cache, returns to /', async () => {
    signedIn()
    const listener = vi.fn()
    const unsubscribe = onSignOut(listener)
    const user = userEvent.setup()
    const { router, queryClient } = renderRoute('/main/projects', { fetch: redmine() })
    await screen.findByText('Ops')
    expect(queryClient.getQueryCache().findAll({ queryKey: ['c', 'main'] }).length).toBeGreaterThan(
      0,
    )

    await user.click(screen.getByRole('button', { name: 'Sign out' }))
    await screen.findByRole('heading', { name: 'Sign in' })
    unsubscribe()
    expect(router.state.location.pathname).toBe('/')
    expect(localStorage.getItem('trackboard.session.main')).toBeNull()
    expect(listener).toHaveBeenCalledWith('main')
    expect(queryClient.getQueryCache().findAll({ queryKey: ['c', 'main'] })).toEqual([])
    expect(screen.getByLabelText('API key')).toHaveValue('')
  })

  it('offers to sign in again when the saved key stops working, then returns', async () => {
    localStorage.setItem(
      'trackboard.session.main',
      JSON.stringify({ apiKey: 'revoked-key', userName: 'John Smith' }),
    )
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects', { fetch: redmine() })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Acme Redmine no longer accepts the saved API key.')
    await user.click(within(alert).getByRole('button', { name: 'Sign in again' }))
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Ops')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/main/projects')
  })
})

describe('when the Trackboard server fails', () => {
  it('shows the error on a connection page, and retry recovers', async () => {
    // React and the router log the caught error; the test looks at the page instead.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    signedIn()
    let up = false
    const route = redmine()
    const user = userEvent.setup()
    renderRoute('/main/projects', {
      fetch: (url, init) =>
        url.pathname === '/api/config' && !up
          ? new Response('down', { status: 503 })
          : route(url, init),
    })
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The Trackboard server answered HTTP 503.',
    )
    up = true
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText('Ops')).toBeInTheDocument()
    quiet.mockRestore()
    warn.mockRestore()
  })
})
