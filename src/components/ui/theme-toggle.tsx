import { useState } from 'react'
import { applyTheme, readTheme, type ThemeChoice } from '../../lib/theme'
import { inputClass } from './input'

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readTheme)
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <span className="sr-only sm:not-sr-only">Theme</span>
      <select
        className={`${inputClass} w-auto py-1`}
        value={choice}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice
          setChoice(next)
          applyTheme(next)
        }}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  )
}
