import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sampleResponse } from '../trackers/redmine/fixtures/load'
import { mockFetch, renderRoute } from '../test/render-route'

const GOOD_KEY = '0a1ba3ed7bc1f9d60147eb6fd256d1467006ed1a'

function redmine() {
  return mockFetch((url, init) => {
    if (url.pathname === '/api/config')
      return Response.json({
        trackers: [{ id: 'main', name: 'Acme Redmine', type: 'redmine', base: '/t/main' }],
      })
    const key = new Headers(init.headers).get('X-Redmine-API-Key')
    if (url.pathname === '/t/main/users/current.json')
      return sampleResponse(key === GOOD_KEY ? 'users_current_jsmith' : 'err_401_bad_key')
    if (url.pathname === '/t/main/projects.json')
      return sampleResponse(key === GOOD_KEY ? 'projects_include' : 'projects_anonymous')
    return undefined
  })
}

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  vi.stubGlobal('matchMedia', () => ({ matches: false }))
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('signing in and browsing projects', () => {
  it('signs in with an API key and shows the projects, private ones marked', async () => {
    const calls = redmine()
    const user = userEvent.setup()
    renderRoute('/')
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Projects' })).toBeInTheDocument()
    expect(await screen.findByText('Demo')).toBeInTheDocument()
    expect(screen.getByText('Ops').parentElement).toHaveTextContent('Private')
    expect(screen.getByText('Demo').parentElement).not.toHaveTextContent('Private')
    expect(await screen.findByLabelText('Signed in user')).toHaveTextContent('John Smith')
    expect(screen.getByRole('link', { name: 'Demo board' })).toHaveAttribute(
      'href',
      '/main/projects/demo/board',
    )
    // The key travels in a header, never in a URL.
    expect(calls.every((c) => !c.url.href.includes(GOOD_KEY))).toBe(true)
  })

  it('says a wrong key was not accepted and keeps what was typed', async () => {
    redmine()
    const user = userEvent.setup()
    renderRoute('/')
    const input = await screen.findByLabelText('API key')
    await user.type(input, 'wrong-key')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('not accepted by Acme Redmine')
    expect(input).toHaveValue('wrong-key')
    expect(localStorage.length + sessionStorage.length).toBe(0)
  })

  it('says when the tracker cannot be reached', async () => {
    mockFetch((url) => {
      if (url.pathname === '/api/config')
        return Response.json({
          trackers: [{ id: 'main', name: 'Acme Redmine', type: 'redmine', base: '/t/main' }],
        })
      return Response.json(
        { error: 'Cannot reach the tracker at its configured address' },
        { status: 502 },
      )
    })
    const user = userEvent.setup()
    renderRoute('/')
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach Acme Redmine')
  })

  it('sends a signed-out visitor to sign in and back to the page they asked for', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects')
    await user.type(await screen.findByLabelText('API key'), GOOD_KEY)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByRole('heading', { name: 'Projects' })
    expect(router.state.location.pathname).toBe('/main/projects')
  })

  it('filters projects as you type and signs out', async () => {
    redmine()
    localStorage.setItem(
      'trackboard.session.main',
      JSON.stringify({ apiKey: GOOD_KEY, userName: 'John Smith' }),
    )
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects')
    await screen.findByText('Ops')
    await user.type(screen.getByRole('searchbox', { name: 'Search projects' }), 'dem')
    await waitFor(() => expect(screen.queryByText('Ops')).not.toBeInTheDocument())
    expect(screen.getByText('Demo')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Sign out' }))
    await screen.findByRole('heading', { name: 'Sign in' })
    expect(router.state.location.pathname).toBe('/')
    expect(localStorage.getItem('trackboard.session.main')).toBeNull()
  })

  it('shows a clear page for an unknown tracker', async () => {
    redmine()
    renderRoute('/nope/projects')
    expect(await screen.findByRole('heading', { name: 'No such tracker' })).toBeInTheDocument()
  })
})
