import { startBrowserHost } from './browser-host.js'
import { type HostOptions, parseHostOptions } from './host-options.js'
import { stopOnSignals } from './stop-on-signals.js'

const log = (line: string) => process.stderr.write(`${line}\n`)

/** `npm run serve -- [--data DIR] [--port N]`: the desk in a browser tab. */
async function main(): Promise<number> {
  let options: HostOptions
  try {
    options = parseHostOptions(process.argv.slice(2))
  } catch (error) {
    log(`Midad: ${(error as Error).message}`)
    return 2
  }
  try {
    const host = await startBrowserHost({ ...options, log })
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
