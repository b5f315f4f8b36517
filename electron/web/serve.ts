import { homedir } from 'node:os'
import { parseArgs } from 'node:util'
import { resolveDataDir } from '../core/data-dir.js'
import { startBrowserHost } from './browser-host.js'
import { stopOnSignals } from './stop-on-signals.js'

/** `npm run serve -- [--data DIR] [--port N]`: the desk in a browser tab. */
async function main(): Promise<number> {
  let values: { data?: string; port?: string }
  try {
    ;({ values } = parseArgs({
      options: { data: { type: 'string' }, port: { type: 'string' } },
      strict: true,
    }))
  } catch (error) {
    process.stderr.write(
      `Midad: ${(error as Error).message}\nusage: npm run serve -- [--data DIR] [--port N]\n`,
    )
    return 2
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Midad: --port must be a number from 0 to 65535\n`)
    return 2
  }
  const dataDir = resolveDataDir(values.data, {
    platform: process.platform,
    env: process.env,
    homedir: homedir(),
  })
  const log = (line: string) => process.stderr.write(`${line}\n`)
  try {
    const host = await startBrowserHost({ dataDir, port, log })
    process.stdout.write(`Midad: ${host.url}\n`)
    stopOnSignals(host.stop)
    return 0
  } catch (error) {
    log(`Midad: ${(error as Error).message}`)
    return 1
  }
}

const code = await main()
if (code !== 0) process.exit(code)
