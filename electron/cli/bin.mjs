#!/usr/bin/env node
// The `midad` command: runs the CLI from one bundled file, so each call costs little more than
// starting node. The bundle is built on first use and rebuilt, silently and atomically, when a
// source is newer than it (as `npm start` builds what is missing). Plain JavaScript on purpose:
// this file runs before anything is compiled.
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const cache = join(root, 'node_modules', '.cache', 'midad')
const folder = join(cache, 'cli')
const bundle = join(folder, 'midad.js')
const sources = ['electron/cli', 'electron/core', 'electron/launch', 'shared'].map((folder) =>
  join(root, folder),
)

function newestSource(folder) {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs
    if (time > newest) newest = time
  }
  return newest
}

function bundleTime() {
  try {
    return statSync(bundle).mtimeMs
  } catch {
    return -1
  }
}

const built = bundleTime()
if (built < Math.max(...sources.map(newestSource), statSync(join(root, 'package.json')).mtimeMs)) {
  const { build } = await import('esbuild')
  // Built beside, then swapped in whole: a command running meanwhile keeps its own files.
  const temp = join(cache, `cli.${process.pid}.tmp`)
  await build({
    entryPoints: [join(root, 'electron', 'cli', 'midad.ts')],
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
  const old = join(cache, `cli.${process.pid}.old`)
  try {
    renameSync(folder, old)
  } catch {
    // nothing built before
  }
  try {
    renameSync(temp, folder)
  } catch {
    // Another midad built it at the same moment: its bundle is as good as this one.
    rmSync(temp, { recursive: true, force: true })
  }
  rmSync(old, { recursive: true, force: true })
}
await import(pathToFileURL(bundle).href)
