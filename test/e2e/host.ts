import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { type Locator, type Page, chromium, test as base } from '@playwright/test'

export const projectRoot = join(import.meta.dirname, '..', '..')

/** A browser host running in its own process, as `npm run serve` starts it. */
export interface RunningHost {
  url: string
  origin: string
  token: string
  process: ChildProcess
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** Starts the browser host on a data dir and waits for its one printed line. */
export async function startHost(dataDir: string): Promise<RunningHost> {
  const child = spawn(process.execPath, ['electron/launch/serve.mjs', '--data', dataDir], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /^Midad: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)\n/m.exec(stdout)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) =>
      reject(new Error(`the browser host exited (${code}) before listening:\n${stderr}`)),
    )
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    process: child,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}

/** A fresh data dir for one test. */
export async function freshDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'midad-e2e-'))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** Runs `npm run -s midad -- ARGS` and gives back its stdout. */
export async function midad(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'midad', '--', ...args], {
    cwd: projectRoot,
  })
  return stdout
}

/** A test with a browser host on a fresh data dir, stopped and removed afterwards. */
export const deskTest = base.extend<{
  desk: {
    host: RunningHost
    dataDir: string
    restart: (signal?: NodeJS.Signals) => Promise<RunningHost>
  }
}>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first
  desk: async ({}, use) => {
    const data = await freshDataDir()
    let host = await startHost(data.dir)
    await use({
      get host() {
        return host
      },
      dataDir: data.dir,
      restart: async (signal?: NodeJS.Signals) => {
        await host.stop(signal)
        host = await startHost(data.dir)
        return host
      },
    })
    await host.stop()
    await data.remove()
  },
})

/** Chromium's flags for our closed network (see ../shared/docs/toolchain.md). */
/** Chromium for the e2e tests: CHROMIUM_PATH, Debian's, or Playwright's own download. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', chromium.executablePath()]
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)))
  if (!found) {
    throw new Error(
      `No Chromium for the e2e tests. Looked at: ${candidates.filter(Boolean).join(', ')}. ` +
        'Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
    )
  }
  return found
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The site article fixture beside the project. */
export const siteFixture = join(
  projectRoot,
  '..',
  'shared',
  'fixtures',
  'articles',
  'kadhimi-security-coordination.txt',
)

/** Calls a desk method over HTTP with the host's token; throws on a failed result. */
export async function api(page: Page, host: RunningHost, method: string, ...args: unknown[]) {
  const response = await page.request.post(`${host.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${host.token}` },
    data: args,
  })
  const result = await response.json()
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

/** The recovery copies kept for an article (one file per editing session). */
export function recoveryCopies(dataDir: string, id: string): string[] {
  const folder = join(dataDir, 'recovery')
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith(`${id}.`)) : []
}

/** Chooses a date (YYYY-MM-DD) in the desk's date field named `label`: day, month, year. */
export async function pickDate(scope: Page | Locator, label: string | RegExp, iso: string) {
  const [year, month, day] = iso.split('-').map(Number)
  const lists = scope.getByRole('group', { name: label }).locator('select')
  await lists.nth(2).selectOption(String(year))
  await lists.nth(1).selectOption(String(month))
  await lists.nth(0).selectOption(String(day))
}

/** Chooses a time (HH:MM, 24-hour) in the desk's time field named `label`: hour, minute, ص/م. */
export async function pickTime(scope: Page | Locator, label: string | RegExp, hhmm: string) {
  const [hour, minute] = hhmm.split(':').map(Number)
  const lists = scope.getByRole('group', { name: label }).locator('select')
  await lists.nth(0).selectOption(String(hour! % 12 || 12))
  await lists.nth(1).selectOption(String(minute))
  await lists.nth(2).selectOption(hour! >= 12 ? 'pm' : 'am')
}
