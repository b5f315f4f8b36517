import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { bundledDictionary } from '../core/spelling/dictionary.js'

/**
 * The project's root, where package.json and `out/` are: found upwards from here, since the CLI
 * and the hosts run as bundles in node_modules/.cache (electron/launch/bundled.mjs).
 */
export const projectRoot =
  folderAbove(import.meta.dirname, 'electron.vite.config.ts') ??
  join(import.meta.dirname, '..', '..')

/** The spelling dictionary shipped in the project, for the hosts that run from it. */
export const projectDictionary = bundledDictionary(projectRoot)

function folderAbove(start: string, holding: string): string | null {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, holding))) return folder
    if (dirname(folder) === folder) return null
  }
}

/** What `electron-vite build` produces. */
export const buildOutputs = {
  renderer: join(projectRoot, 'out', 'renderer'),
  rendererIndex: join(projectRoot, 'out', 'renderer', 'index.html'),
  main: join(projectRoot, 'out', 'main', 'index.js'),
  preload: join(projectRoot, 'out', 'preload', 'index.cjs'),
}

const sources = ['renderer', 'shared', 'electron/main', 'electron/preload', 'assets']
const sourceFiles = ['electron.vite.config.ts', 'package.json']

/**
 * Builds the app when an output is missing or older than a source, so `npm run serve` and
 * `npm start` work right after `npm ci`. Build output goes to stderr: stdout is for the URL.
 */
export async function ensureBuilt(log: (line: string) => void): Promise<void> {
  if (!(await isStale())) return
  log('Midad: building the app (first run or sources changed)…')
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [electronViteCli(), 'build'], {
      cwd: projectRoot,
      // electron-vite's log goes to stderr, so that stdout stays the one URL line.
      stdio: ['ignore', 2, 2],
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`electron-vite build failed (exit ${code})`)),
    )
  })
}

function electronViteCli(): string {
  return join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
}

async function isStale(): Promise<boolean> {
  let built = Infinity
  for (const output of Object.values(buildOutputs)) {
    try {
      built = Math.min(built, (await stat(output)).mtimeMs)
    } catch {
      return true
    }
  }
  let newest = 0
  for (const file of sourceFiles) newest = Math.max(newest, await mtime(join(projectRoot, file)))
  for (const folder of sources) newest = Math.max(newest, await newestIn(join(projectRoot, folder)))
  return newest > built
}

async function mtime(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return 0
  }
}

async function newestIn(folder: string): Promise<number> {
  let newest = 0
  let entries: string[]
  try {
    entries = await readdir(folder, { recursive: true })
  } catch {
    return 0
  }
  for (const entry of entries) newest = Math.max(newest, await mtime(join(folder, entry)))
  return newest
}
