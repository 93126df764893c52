import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyTheme, followSystemTheme, readTheme } from './theme'

let systemDark = false
let listener: (() => void) | null = null

beforeEach(() => {
  localStorage.clear()
  systemDark = false
  vi.stubGlobal('matchMedia', () => ({
    get matches() {
      return systemDark
    },
    addEventListener: (_: string, l: () => void) => (listener = l),
    removeEventListener: () => (listener = null),
  }))
})
afterEach(() => vi.unstubAllGlobals())

const isDark = () => document.documentElement.classList.contains('dark')

describe('theme', () => {
  it('saves an explicit choice and forgets it for "system"', () => {
    applyTheme('dark')
    expect(localStorage.getItem('trackboard.theme')).toBe('dark')
    expect(isDark()).toBe(true)
    expect(readTheme()).toBe('dark')
    applyTheme('system')
    expect(localStorage.getItem('trackboard.theme')).toBeNull()
    expect(isDark()).toBe(false)
    expect(readTheme()).toBe('system')
  })

  it('follows the system only while the choice is "system"', () => {
    const stop = followSystemTheme()
    systemDark = true
    listener?.()
    expect(isDark()).toBe(true)
    expect(document.documentElement.style.colorScheme).toBe('dark')
    applyTheme('light')
    listener?.()
    expect(isDark()).toBe(false)
    stop()
    expect(listener).toBeNull()
  })
})
