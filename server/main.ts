/** Starts the Trackboard server: `npm start` (via scripts/start.ts) or `npm run serve`. */
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { createApp } from './app'
import { ConfigError, loadConfig, type ServerConfig } from './config'
import type { LocalTracker } from './tracker/index'

export async function startServer(
  config: ServerConfig,
): Promise<{ close(): Promise<void>; url: string }> {
  let local: LocalTracker | null = null
  if (config.bundled) {
    const { createLocalTracker } = await import('./tracker/index')
    const t0 = performance.now()
    local = await createLocalTracker(config.bundled)
    console.log(
      `Bundled tracker ready in ${Math.round(performance.now() - t0)} ms (data in ${config.bundled.dataDir})`,
    )
  }
  const app = createApp(config, { local })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
      resolve(s),
    )
    s.once('error', reject)
  }).catch(async (e: unknown) => {
    await local?.close()
    throw e
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  console.log(`Trackboard is running at ${url}`)
  for (const u of config.upstreams)
    console.log(`  tracker "${u.id}" (${u.type}) proxied at ${url}/t/${u.id}`)
  if (local) {
    console.log(`  bundled demo tracker at ${url}/t/local; demo users (API keys):`)
    for (const d of local.demoUsers) console.log(`    ${d.login.padEnd(10)} ${d.apiKey}  ${d.role}`)
  }
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      await local?.close()
    },
  }
}

export async function main(): Promise<void> {
  let config: ServerConfig
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`)
      process.exit(2)
    }
    throw e
  }
  const server = await startServer(config).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE')
      console.error(`Port ${config.port} is in use: set PORT to another port.`)
    else console.error(e)
    process.exit(1)
  })
  const stop = async (signal: NodeJS.Signals) => {
    console.log(`${signal}: closing`)
    // A second signal (or a close that hangs) ends the process anyway.
    process.once(signal, () => process.exit(1))
    setTimeout(() => process.exit(1), 10_000).unref()
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
