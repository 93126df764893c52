/**
 * Runs the bundled tracker alone: `npx tsx server/tracker/dev-serve.ts <dataDir> <port> [seedIssues]`.
 * Prints `LISTENING <url>` once it accepts requests (the kill -9 test waits for that line).
 */
import { startLocalTrackerServer } from './index'

const [dataDir, port, seedIssues] = process.argv.slice(2)
if (!dataDir || !port) {
  console.error('usage: dev-serve.ts <dataDir> <port> [seedIssues]')
  process.exit(2)
}
const server = await startLocalTrackerServer({
  dataDir,
  port: Number(port),
  seedIssues: seedIssues ? Number(seedIssues) : undefined,
})
console.log(`LISTENING ${server.url}`)
const stop = (): void => {
  void server.close().then(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
