// Runs one of Midad's Node entry points (the CLI, the browser host, `npm start`) from a bundle
// built by esbuild, so each start costs little more than starting node: no TypeScript compiled
// on the way (tsx added half a second and a hundred megabytes to every host). The bundle is built
// on first use and rebuilt, silently and atomically, when a source is newer than it (as
// `npm start` builds what is missing). Plain JavaScript on purpose: this runs before anything
// is compiled.
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const cache = join(root, 'node_modules', '.cache', 'midad')
const sources = ['electron/cli', 'electron/core', 'electron/launch', 'electron/web', 'shared']

function newestSource(folder) {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs
    if (time > newest) newest = time
  }
  return newest
}

function builtAt(file) {
  try {
    return statSync(file).mtimeMs
  } catch {
    return -1
  }
}

/** Builds `node_modules/.cache/midad/<name>/` from `entry` when it is missing or stale, then runs it. */
export async function runBundled(name, entry) {
  const folder = join(cache, name)
  const bundle = join(folder, 'main.js')
  const newest = Math.max(
    ...sources.map((source) => newestSource(join(root, source))),
    statSync(join(root, 'package.json')).mtimeMs,
  )
  if (builtAt(bundle) < newest) {
    const { build } = await import('esbuild')
    // Built beside, then swapped in whole: a process running meanwhile keeps its own files.
    const temp = join(cache, `${name}.${process.pid}.tmp`)
    await build({
      entryPoints: { main: join(root, entry) },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir: temp,
      outExtension: { '.js': '.js' },
      logLevel: 'error',
    })
    writeFileSync(join(temp, 'package.json'), '{"type":"module"}')
    const old = join(cache, `${name}.${process.pid}.old`)
    try {
      renameSync(folder, old)
    } catch {
      // nothing built before
    }
    try {
      renameSync(temp, folder)
    } catch {
      // Another process built it at the same moment: its bundle is as good as this one.
      rmSync(temp, { recursive: true, force: true })
    }
    rmSync(old, { recursive: true, force: true })
  }
  await import(pathToFileURL(bundle).href)
}
