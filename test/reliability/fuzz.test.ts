import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { methodNames } from '../../shared/contract.js'
import type { Result } from '../../shared/result.js'
import { type Desk, openDesk } from '../../electron/core/desk.js'
import { createDispatch, type Dispatch } from '../../electron/core/dispatch.js'
import { projectDictionary } from '../../electron/launch/build.js'
import { steppingClock } from '../unit/temp-dir.js'

/**
 * The contract fuzzed (issue #17): for every desk method, generated payloads through dispatch,
 * as a window's IPC or HTTP call would bring them — wrong types, huge and deep values,
 * `__proto__` and `constructor` keys, path-like ids, null bytes, NaN, negative and fractional
 * numbers, and objects with the contract's own field names holding any of these. Each call
 * answers a typed error or a value, never throws, never hangs, and a refused call leaves the
 * disk as it was. `FUZZ_RUNS` sets the payloads per method (default 1,000).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 1000)
const errorCodes = new Set(['invalid-input', 'not-found', 'conflict', 'locked', 'refused', 'io'])

const tricky = fc.constantFrom(
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows',
  'a\0b',
  '\0',
  '%2e%2e%2f%2e%2e%2f',
  'backup-20260101T000000Z/../..',
  'CON',
  'aux.txt',
  '__proto__',
  'constructor',
  'prototype',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '\u202Eevil',
  '',
  ' ',
  'ar',
  'ready',
  'exported',
  'html',
  'a'.repeat(13),
)
const huge = fc.constantFrom('x'.repeat(100_000), 'ب'.repeat(300_000))
const numbers = fc.oneof(
  fc.constantFrom(NaN, -1, 1.5, -0, Infinity, -Infinity, 2 ** 53 + 2, 1e308, 0, 1, 2),
  fc.integer(),
  fc.double(),
)
/** Nested 2,000 deep: recursion without a limit would overflow on it. */
const deep = (() => {
  let value: unknown = 'bottom'
  for (let i = 0; i < 2000; i++) value = i % 2 ? [value] : { a: value }
  return value
})()
const polluting = () =>
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')
const fieldNames = fc.constantFrom(
  'id',
  'ids',
  'headline',
  'body',
  'ops',
  'insert',
  'changes',
  'baseRevision',
  'session',
  'seq',
  'to',
  'note',
  'at',
  'override',
  'words',
  'word',
  'folder',
  'formats',
  'format',
  'bundle',
  'zip',
  'files',
  'name',
  'base64',
  'query',
  'text',
  'limit',
  'revision',
  'from',
  'articleId',
  'fileName',
  'paragraph',
  'noteId',
  'section',
  'tags',
  'houseStyle',
  'exportFolder',
  'language',
  '__proto__',
  'constructor',
)

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    tricky,
    numbers,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    huge,
    fc.constant(deep),
    fc.constant(null).map(polluting),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fieldNames, fc.string()), tie('value'), { maxKeys: 5 }),
  ),
}))
/** Objects shaped like the contract's arguments, every field hostile. */
const nearValid = fc.dictionary(fieldNames, value, { minKeys: 1, maxKeys: 6 })
const args: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(value, { maxLength: 3 }),
  fc.tuple(nearValid),
  fc.tuple(fc.oneof(tricky, fc.string()), nearValid),
  value,
)

/**
 * A valid call of each method with an object argument (`id`: the library's article), so that a
 * payload made from it by one field replaced with anything, removed, or joined by a stranger
 * gets past the shape checks and into the handlers.
 */
const templates = (id: string): Partial<Record<string, Record<string, unknown>>> => ({
  'articles.save': {
    id,
    baseRevision: 2,
    changes: { headline: 'عنوان', body: { ops: [{ insert: 'نص\n' }] } },
  },
  'articles.search': { query: 'الخبر', limit: 5 },
  'articles.page': { offset: 0, limit: 10 },
  'revisions.diff': { id, from: 1, to: 2 },
  'revisions.restore': { id, revision: 1 },
  'trash.purge': { ids: [id] },
  'settings.update': { newsroomName: 'الدار', sections: ['سياسة'] },
  'import.files': {
    files: [{ name: 'خبر.md', base64: Buffer.from('# عنوان\n\nنص').toString('base64') }],
  },
  'export.articles': { ids: [id], formats: ['text'], folder: 'exports/fuzz' },
  'export.download': { id, format: 'html' },
  'export.zip': { ids: [id], formats: ['markdown'] },
  'media.add': { articleId: id, fileName: 'a.png', base64: 'iVBORw0KGgo=' },
  'notes.add': { id, text: 'ملاحظة', paragraph: 1 },
  'notes.resolve': { id, noteId: 'abcd1234' },
  'queue.move': { id, to: 'in_review', note: 'للمراجعة' },
  'recovery.put': {
    id,
    baseRevision: 2,
    changes: { headline: 'عنوان' },
    session: 'abcdefgh12345678',
    seq: 1,
  },
  'spelling.check': { words: ['الحكومة', 'الحكومه'] },
  'spelling.suggest': { word: 'الحكومه' },
  'spelling.addWord': { word: 'سامراء' },
})
const removed = Symbol('removed')
const mutated = (template: Record<string, unknown>) =>
  fc
    .tuple(
      fc.constantFrom(...Object.keys(template), '__proto__', 'extra'),
      fc.oneof(value, fc.constant(removed)),
    )
    .map(([key, replacement]) => {
      const copy: Record<string, unknown> = { ...template }
      if (replacement === removed) delete copy[key]
      else
        Object.defineProperty(copy, key, { value: replacement, enumerable: true, writable: true })
      return [copy]
    })

/**
 * The data dir as names, sizes and modification times: what a refused call must not change.
 * Backups are whole copies, written once: each is listed by its folder's name and time.
 */
async function snapshot(dir: string): Promise<string> {
  const lines: string[] = []
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory() && folder === join(dir, 'backups')) {
        lines.push(`${path.slice(dir.length)}/ ${(await stat(path)).mtimeMs}`)
      } else if (entry.isDirectory()) await walk(path)
      else {
        const info = await stat(path)
        lines.push(`${path.slice(dir.length)} ${info.size} ${info.mtimeMs}`)
      }
    }
  }
  await walk(dir)
  return lines.sort().join('\n')
}

const hangsAfterMs = 10_000

let desk: Desk
let dispatch: Dispatch
let dir: string
let articleId: string
/**
 * A small library of its own for each method: what valid payloads add (articles, backups) does
 * not grow the next method's disk, which every refused call is compared against.
 */
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'midad-fuzz-'))
  desk = await openDesk({
    dataDir: dir,
    purpose: 'the fuzz',
    clock: steppingClock(),
    spellingDictionary: projectDictionary,
  })
  dispatch = createDispatch(desk.handlers)
  const made = await desk.handlers['articles.create']({ headline: 'خبر للاختبار' })
  articleId = made.id
  await desk.handlers['articles.save']({
    id: made.id,
    baseRevision: made.revision,
    changes: { body: { ops: [{ insert: 'نص الخبر.\n' }] } },
  })
  await desk.context.search.flush()
})
afterEach(async () => {
  await desk.close()
  await rm(dir, { recursive: true, force: true })
})

/** Refused and answered payloads per method, printed once: the figures of the run. */
const tally: string[] = []
afterAll(() => {
  console.log(`fuzz, ${runs} payloads a method (refused / answered):\n${tally.join('\n')}`)
})

describe('the contract under generated payloads', () => {
  for (const method of methodNames) {
    it(`${method}: ${runs} payloads, each a typed answer, none a throw, a hang or a change when refused`, async () => {
      let refused = 0
      const template = templates(articleId)[method]
      let before = await snapshot(dir)
      await fc.assert(
        fc.asyncProperty(template ? fc.oneof(args, mutated(template)) : args, async (payload) => {
          let timer: ReturnType<typeof setTimeout> | undefined
          const hang = new Promise<'hang'>((resolve) => {
            timer = setTimeout(() => resolve('hang'), hangsAfterMs)
          })
          const answer = await Promise.race([
            dispatch(method, payload as unknown[]).catch((error: unknown) => ({ thrown: error })),
            hang,
          ])
          clearTimeout(timer)
          expect(answer, 'no answer in 10 s').not.toBe('hang')
          expect(answer, 'a throw out of dispatch').not.toHaveProperty('thrown')
          const result = answer as Result<unknown>
          if (result.ok) {
            // A payload that is valid does what it asks; the next refusal is judged from here.
            await desk.context.search.flush()
            before = await snapshot(dir)
            return
          }
          refused++
          expect(errorCodes.has(result.error.code), result.error.code).toBe(true)
          expect(typeof result.error.message).toBe('string')
          expect(await snapshot(dir), 'a refused call changed the disk').toBe(before)
        }),
        { numRuns: runs, seed: 17, endOnFailure: true },
      )
      // Nothing generated reached Object.prototype.
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
      tally.push(`  ${method}: ${refused} / ${runs - refused}`)
      expect(refused).toBeGreaterThan(runs / 4)
    }, 300_000)
  }

  it('the checks can fire: a throw, a hang and a disk change are each caught', async () => {
    const throwing: Dispatch = async () => {
      throw new Error('a bug')
    }
    const thrown = await throwing('articles.list', []).catch((error: unknown) => ({
      thrown: error,
    }))
    expect(thrown).toHaveProperty('thrown')
    const before = await snapshot(dir)
    await desk.handlers['articles.create']({ headline: 'خبر آخر' })
    expect(await snapshot(dir)).not.toBe(before)
    expect(errorCodes.has('teapot')).toBe(false)
  })
})
