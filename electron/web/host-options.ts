import { homedir } from 'node:os'
import { parseArgs } from 'node:util'
import { resolveDataDir } from '../core/data-dir.js'

/** What `npm run serve` and `npm start` take: `[--data DIR] [--port N]`. */
export interface HostOptions {
  dataDir: string
  port: number
}

/** Reads the host's options; throws an Error with a usage message on a mistake. */
export function parseHostOptions(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): HostOptions {
  const usage = 'usage: npm run serve -- [--data DIR] [--port N]'
  let values: { data?: string; port?: string }
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, port: { type: 'string' } },
      strict: true,
    }))
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`, { cause: error })
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535\n${usage}`)
  }
  const dataDir = resolveDataDir(values.data, {
    platform: process.platform,
    env,
    homedir: homedir(),
  })
  return { dataDir, port }
}

/** The options, or null after saying what is wrong (the caller exits 2). */
export function readHostOptions(argv: string[], log: (line: string) => void): HostOptions | null {
  try {
    return parseHostOptions(argv)
  } catch (error) {
    log(`Midad: ${(error as Error).message}`)
    return null
  }
}
