import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../shared/article.js'
import {
  indexSnapshotSchema,
  storedArticleSchema,
  storedSettingsSchema,
} from '../../shared/stored-schemas.js'
import { libraryLayout } from '../../electron/core/storage/layout.js'
import { parseStored } from '../../electron/core/storage/stored-file.js'
import { tempDir } from '../unit/temp-dir.js'
import { articleDigest } from './article-digest.js'
import { deskOn } from './library-fixture.js'

/** Trials in `npm test`; MIDAD_CRASH_TRIALS asks for more. */
const trials = Number(process.env.MIDAD_CRASH_TRIALS ?? 200)
const root = join(import.meta.dirname, '../..')

/** The worker bundled once, so that each trial's process starts in a tenth of a second. */
async function bundledWorker(): Promise<string> {
  const outfile = join(root, 'node_modules/.cache/midad/crash-worker.mjs')
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  })
  return outfile
}

/** Runs the worker on a data dir and kills it with SIGKILL `delayMs` after it is ready. */
function runAndKill(worker: string, dataDir: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!timer && out.startsWith('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`the worker stopped by itself (${code}): ${err}`))
      else resolve(out.split('\n'))
    })
  })
}

async function jsonFiles(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.json'))
}

describe('the crash suite', () => {
  it(`loses no confirmed save in ${trials} SIGKILLs during saves, creates and moves`, async () => {
    const worker = await bundledWorker()
    const dir = await tempDir()
    const layout = libraryLayout(dir)
    /** The newest confirmed revision of each article, and its digest. */
    const confirmed = new Map<string, { revision: number; digest: string }>()
    let acks = 0
    for (let trial = 0; trial < trials; trial++) {
      const lines = await runAndKill(worker, dir, Math.floor(Math.random() * 80))
      for (const line of lines) {
        const [word, id, revision, digest] = line.split(' ')
        if (word !== 'ack' || !id || !digest) continue
        acks++
        const known = confirmed.get(id)
        if (!known || Number(revision) >= known.revision) {
          confirmed.set(id, { revision: Number(revision), digest })
        }
      }
      const where = `trial ${trial + 1}`
      // The library opens (taking over the dead worker's lock) and repairs what it must.
      const desk = await deskOn(dir)
      try {
        // Every file validates; nothing was damaged, so nothing is in quarantine.
        const quarantined = await readdir(layout.quarantine).catch(() => [])
        expect(quarantined, where).toEqual([])
        const articles = new Map<string, Article>()
        for (const name of await jsonFiles(layout.articles)) {
          const read = parseStored(await readFile(join(layout.articles, name)), storedArticleSchema)
          expect(read.status, `${where}: ${name}`).toBe('ok')
          if (read.status === 'ok') articles.set(read.value.id, read.value as Article)
        }
        expect(parseStored(await readFile(layout.settings), storedSettingsSchema).status).toBe('ok')
        // Every save answered ok is there: that revision, or the one after it (landed, unanswered).
        for (const [id, { revision, digest }] of confirmed) {
          const article = articles.get(id)
          expect(article, `${where}: ${id}`).toBeDefined()
          if (article!.revision === revision) expect(articleDigest(article!), where).toBe(digest)
          else expect(article!.revision, `${where}: ${id}`).toBe(revision + 1)
        }
        // The index agrees with the article files.
        const rows = await desk.handlers['articles.list']()
        expect(rows.map((row) => row.id).sort(), where).toEqual([...articles.keys()].sort())
        for (const row of rows) {
          const article = articles.get(row.id)!
          expect(row, where).toMatchObject({
            headline: article.headline,
            state: article.state,
            updatedAt: article.updatedAt,
          })
        }
        // So does the search index: every article is found by its headline, at its newest text.
        for (const [id, article] of articles) {
          const hits = await desk.handlers['articles.search']({
            query: `${article.headline} ${article.kicker} `,
            limit: 200,
          })
          expect(
            hits.map((hit) => hit.id),
            `${where}: search ${id}`,
          ).toContain(id)
        }
        const temps = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.tmp'))
        expect(temps, where).toEqual([])
        // What is on disk now is the next trial's baseline: each trial has at most one write in
        // flight when it is killed, so at most one revision more than it confirmed.
        for (const [id, article] of articles) {
          confirmed.set(id, { revision: article.revision, digest: articleDigest(article) })
        }
      } finally {
        await desk.close()
      }
      expect(parseStored(await readFile(layout.index), indexSnapshotSchema).status).toBe('ok')
    }
    // The kills fell among real work: confirmed saves, over many articles.
    expect(acks).toBeGreaterThan(trials)
    const articlesSeen = confirmed.size
    expect(articlesSeen).toBeGreaterThanOrEqual(25)
    console.log(`crash suite: ${trials} trials, ${acks} confirmed writes, ${articlesSeen} articles`)
  }, 600_000)
})
