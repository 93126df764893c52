import { defineConfig } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { e2eBase, e2ePorts } from './e2e/support/ports'

// Two targets, each a real Trackboard server: the bundled tracker, and a real Redmine proxied.
// The app must be built first (`npm run build`; npm test and test:redmine do it).
const redmineUrl = process.env.REDMINE_URL ?? 'http://127.0.0.1:3300'
// A fresh data dir per run for the bundled tracker; the env var hands the same one to the workers,
// which load this file again.
process.env.TRACKBOARD_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'trackboard-e2e-'))
const dataDir = process.env.TRACKBOARD_E2E_DATA_DIR

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
}

const server = (port: number, env: Record<string, string>) => ({
  command: 'npx tsx server/main.ts',
  url: `http://127.0.0.1:${port}/api/config`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: { PORT: String(port), HOST: '127.0.0.1', LOG: 'off', ...env },
})

const project = process.argv.find((a) => a.startsWith('--project='))?.slice('--project='.length)

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { ...chromium, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'bundled',
      testDir: 'e2e/bundled',
      use: { ...chromium, baseURL: e2eBase.bundled },
    },
    {
      name: 'redmine',
      testDir: 'e2e/redmine',
      use: { ...chromium, baseURL: e2eBase.redmine },
    },
  ],
  webServer: [
    ...(project !== 'redmine'
      ? [
          server(e2ePorts.bundled, {
            BUNDLED_TRACKER: 'on',
            TRACKER_URL: '',
            TRACKERS_FILE: '',
            DATA_DIR: dataDir,
            SEED_ISSUES: '300',
          }),
        ]
      : []),
    ...(project !== 'bundled'
      ? [
          server(e2ePorts.redmine, {
            TRACKER_URL: redmineUrl,
            TRACKERS_FILE: '',
            TRACKER_NAME: 'Redmine 5',
            BUNDLED_TRACKER: 'off',
          }),
        ]
      : []),
  ],
})
