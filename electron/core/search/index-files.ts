import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../storage/atomic-write.js'
import type { StorageFs } from '../storage/storage-fs.js'
import { readStored } from '../storage/stored-file.js'
import type { SearchDocs } from '../search-index.js'
import { type DiskSegment, segmentName } from './disk-segment.js'
import { type Manifest, isManifest } from './quick-checks.js'
import { openSegment } from './segment-files.js'

/** `search/current.json`: which generation's manifest describes the index now. */
const currentSchema = z.strictObject({ generation: z.number().int().min(1) })

/** `search/g<N>/manifest.json`: which articles the index holds, under which numbers, in which parts. */
export const manifestSchema = z.strictObject({
  version: z.literal(5),
  next: z.number().int().min(1),
  docs: z.array(z.tuple([z.string(), z.string(), z.number().int().min(1)])),
  parts: z.array(z.string().regex(segmentName)),
})

/** A manifest of an index an older Midad wrote (another layout): rebuilt, not repaired. */
const olderManifestSchema = z.looseObject({ version: z.number().int().max(4) })

/** The index as read from disk: what it holds, and its parts opened. */
export interface SearchSnapshot {
  state: SearchDocs
  parts: DiskSegment[]
}

export const partsFolder = (folder: string) => join(folder, 'segments')

/**
 * Reads the index: the current generation's manifest, then each of its parts' terms (their
 * postings stay in their files). Null when there is none or an older Midad wrote it; throws a
 * reason when it is damaged. Only reads: a desk starts it beside the library's own open.
 */
export async function readSearchSnapshot(
  fs: StorageFs,
  folder: string,
): Promise<SearchSnapshot | null> {
  const current = await readStored(fs, join(folder, 'current.json'), currentSchema)
  if (current.status === 'missing') return null
  if (current.status === 'damaged') throw new Error(`current.json: ${current.reason}`)
  const manifest = await readStored(
    fs,
    join(folder, `g${current.value.generation}`, 'manifest.json'),
    manifestSchema.or(olderManifestSchema),
    isManifest,
  )
  if (manifest.status !== 'ok') {
    throw new Error(`manifest.json: ${manifest.status === 'damaged' ? manifest.reason : 'missing'}`)
  }
  // Written by an older Midad (FlexSearch's parts, or parts without texts): not damaged, only
  // outdated; built again.
  if (manifest.value.version !== 5) return null
  const { next, docs, parts } = manifest.value as Manifest
  const opened: DiskSegment[] = []
  try {
    for (const name of parts) opened.push(await openSegment(fs, partsFolder(folder), name))
  } catch (error) {
    for (const part of opened) part.close()
    throw error
  }
  return { state: { next, docs }, parts: opened }
}

/** A name no part in the folder has yet. */
export async function freshPartName(fs: StorageFs, folder: string): Promise<string> {
  const names = await fs.readdir(partsFolder(folder)).catch(() => [] as string[])
  const taken = names.map((name) => Number(/^s(\d+)\./.exec(name)?.[1] ?? 0))
  return `s${Math.max(0, ...taken) + 1}`
}

/**
 * Writes a new generation's manifest naming these parts, points `current.json` at it
 * (atomically), then removes older generations and parts no manifest names: a crash at any
 * point leaves the old index or the new one whole.
 */
export async function writeManifest(
  fs: StorageFs,
  folder: string,
  tempDir: string,
  state: SearchDocs,
  parts: readonly string[],
): Promise<void> {
  const before = await fs.readdir(folder)
  const taken = before.map((name) => Number(/^g(\d+)$/.exec(name)?.[1] ?? 0))
  const next = Math.max(0, ...taken) + 1
  const generation = join(folder, `g${next}`)
  await fs.mkdir(generation)
  const manifest = { version: 5, ...state, parts }
  await writeFileAtomic(join(generation, 'manifest.json'), JSON.stringify(manifest), fs, {
    tempDir,
  })
  await writeFileAtomic(join(folder, 'current.json'), JSON.stringify({ generation: next }), fs, {
    tempDir,
  })
  for (const name of before) {
    if (/^g\d+$/.test(name)) await fs.rm(join(folder, name), { recursive: true, force: true })
  }
  // Parts merged away. A reader that opened one keeps reading it: an open file outlives its name.
  for (const name of await fs.readdir(partsFolder(folder)).catch(() => [] as string[])) {
    const part = /^(s\d+)\.(terms|postings|texts)$/.exec(name)?.[1]
    if (!part || !parts.includes(part))
      await fs.rm(join(partsFolder(folder), name), { force: true })
  }
}
