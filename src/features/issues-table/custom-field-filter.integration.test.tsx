/**
 * Filtering by custom fields through the real route tree over recorded Redmine responses: a list
 * field's values (from the definitions, or from the issues when only an admin may read those) and
 * a text field's "contains", with chips and the URL's `cf`.
 */
import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderRoute } from '../../test/render-route'
import { sampleResponse } from '../../trackers/redmine/fixtures/load'
import { redmine, rowIds, rowLinks, setUpTableDom } from './test-support'

configure({ asyncUtilTimeout: 5000 })

beforeEach(setUpTableDom)
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const severity = () => screen.getByRole('combobox', { name: 'Severity' })
const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent)

describe('custom field filters', () => {
  it('narrows to the chosen list values, shows them as chips and keeps them in the URL', async () => {
    redmine({ customFields: () => sampleResponse('custom_fields') })
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    // The definition's possible values, in its order.
    await waitFor(() => expect(options(severity())).toEqual(['Add…', 'minor', 'major', 'critical']))

    await user.selectOptions(severity(), 'major')
    await waitFor(() => expect(rowIds()).toEqual([9, 1]))
    expect(router.state.location.search).toMatchObject({ cf: { '1': ['major'] } })
    await user.selectOptions(severity(), 'critical')
    await waitFor(() => expect(rowIds()).toEqual([9, 7, 1]))
    expect(router.state.location.search).toMatchObject({ cf: { '1': ['major', 'critical'] } })

    await user.click(screen.getByRole('button', { name: 'Remove filter Severity: major' }))
    await waitFor(() => expect(rowIds()).toEqual([7]))
    expect(router.state.location.search).toMatchObject({ cf: { '1': ['critical'] } })
    await user.click(screen.getByRole('button', { name: 'Remove filter Severity: critical' }))
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    expect(router.state.location.search).not.toHaveProperty('cf')
  })

  it('takes a list field values from the issues when the definitions are admin-only', async () => {
    // What jsmith gets from /custom_fields.json: 403.
    redmine({ customFields: () => sampleResponse('custom_fields_as_jsmith') })
    const user = userEvent.setup()
    renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    expect(options(severity())).toEqual(['Add…', 'critical', 'major', 'minor'])
    await user.selectOptions(severity(), 'minor')
    await waitFor(() => expect(rowIds()).toEqual([3]))
    expect(screen.getByRole('button', { name: 'Remove filter Severity: minor' })).toBeVisible()
  })

  it('opens with the filter from the URL, and clear all removes it', async () => {
    redmine()
    const user = userEvent.setup()
    const { router } = renderRoute(
      `/main/projects/demo/issues?status=all&cf=${encodeURIComponent('{"1":["critical"]}')}`,
    )
    await waitFor(() => expect(rowIds()).toEqual([7]))
    await user.click(screen.getByRole('button', { name: 'Clear all' }))
    // Clear all also goes back to open issues: the ten less closed #3 and rejected #9.
    await waitFor(() => expect(rowLinks()).toHaveLength(8))
    expect(router.state.location.search).not.toHaveProperty('cf')
  })

  it('matches a text field that contains the typed text, whatever its case', async () => {
    const foundIn: Record<number, string> = { 1: 'Staging cluster', 4: 'production', 8: 'STAGING' }
    redmine({
      customFields: () =>
        Response.json({
          custom_fields: [
            {
              id: 2,
              name: 'Found in',
              customized_type: 'issue',
              field_format: 'string',
              is_filter: true,
              multiple: false,
              possible_values: [],
              trackers: [],
            },
          ],
        }),
      issues: (body) => {
        for (const i of body.issues)
          i.custom_fields = [{ id: 2, name: 'Found in', value: foundIn[i.id as number] ?? '' }]
      },
    })
    const user = userEvent.setup()
    const { router } = renderRoute('/main/projects/demo/issues?status=all')
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    const box = await screen.findByRole('textbox', { name: 'Found in contains' })
    await user.type(box, 'staging{Enter}')
    await waitFor(() => expect(rowIds()).toEqual([8, 1]))
    expect(router.state.location.search).toMatchObject({ cf: { '2': ['~staging'] } })
    expect(box).toHaveValue('')
    await user.click(
      screen.getByRole('button', { name: 'Remove filter Found in: contains “staging”' }),
    )
    await waitFor(() => expect(rowLinks()).toHaveLength(10))
    await user.type(box, 'PROD{Enter}')
    await waitFor(() => expect(rowIds()).toEqual([4]))
  })
})
