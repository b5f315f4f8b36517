import { serveUntilStopped } from './browser-host.js'
import { readHostOptions } from './host-options.js'

const log = (line: string) => process.stderr.write(`${line}\n`)

/** `npm run serve -- [--data DIR] [--port N]`: the desk in a browser tab. */
async function main(): Promise<number> {
  const options = readHostOptions(process.argv.slice(2), log)
  if (!options) return 2
  try {
    await serveUntilStopped({ ...options, log })
    return 0
  } catch (error) {
    log(`Midad: ${(error as Error).message}`)
    return 1
  }
}

const code = await main()
if (code !== 0) process.exit(code)
