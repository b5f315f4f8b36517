import { cp, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../shared/article.js'
import type { Result } from '../../shared/result.js'
import type { Desk } from '../../electron/core/desk.js'
import { createDispatch } from '../../electron/core/dispatch.js'
import { libraryLayout } from '../../electron/core/storage/layout.js'
import { tempDir } from '../unit/temp-dir.js'
import { FaultyFs } from './faulty-fs.js'
import { deskOn, smallLibrary } from './library-fixture.js'

const siteText = await readFile(
  join(import.meta.dirname, '../../../shared/fixtures/articles/kadhimi-security-coordination.txt'),
)

interface Before {
  saved: Article
  other: Article
}

/** One operation under fault: how to run it, and what is true of the library after it. */
interface Operation {
  name: string
  run: (desk: Desk, before: Before) => Promise<Result<unknown>>
  /** Whether the operation's change is in the library now (true) or not at all (false). */
  landed: (desk: Desk, before: Before) => Promise<boolean>
  /** What the library needs before this operation (made once, without faults). */
  prepare?: (dir: string, before: Before) => Promise<void>
}

const call = (desk: Desk, method: string, ...args: unknown[]) =>
  createDispatch(desk.handlers)(method, args)

const headlineOf = async (desk: Desk, id: string) =>
  (await desk.handlers['articles.get'](id)).headline

const operations: Operation[] = [
  {
    name: 'a save',
    run: async (desk, { saved }) => {
      const current = await desk.handlers['articles.get'](saved.id)
      return call(desk, 'articles.save', {
        id: saved.id,
        baseRevision: current.revision,
        changes: { headline: 'عنوان بعد العطل' },
      })
    },
    landed: async (desk, { saved }) => (await headlineOf(desk, saved.id)) === 'عنوان بعد العطل',
  },
  {
    name: 'a create',
    run: (desk) => call(desk, 'articles.create', { headline: 'مقال تحت العطل' }),
    landed: async (desk) =>
      (await desk.handlers['articles.list']()).some((row) => row.headline === 'مقال تحت العطل'),
  },
  {
    name: 'an import',
    run: (desk) =>
      call(desk, 'import.files', {
        files: [{ name: 'kadhimi.txt', base64: siteText.toString('base64') }],
      }),
    landed: async (desk) => (await desk.handlers['articles.list']()).length === 3,
  },
  {
    name: 'a backup',
    run: (desk) => call(desk, 'backups.create'),
    landed: async (desk) => (await desk.handlers['backups.list']()).length === 1,
  },
  {
    // The library holds one backup, made before the saved article's headline changed: restored,
    // the headline is the old one again (and the library as it was is a second backup).
    name: 'a backup restored',
    prepare: async (dir, { saved }) => {
      const desk = await deskOn(dir)
      await desk.handlers['backups.create']()
      const current = await desk.handlers['articles.get'](saved.id)
      await desk.handlers['articles.save']({
        id: saved.id,
        baseRevision: current.revision,
        changes: { headline: 'بعد النسخة الاحتياطية' },
      })
      await desk.close()
    },
    run: async (desk) => {
      // The oldest: a failed try may have left the library as it was as a newer one.
      const backup = (await desk.handlers['backups.list']()).at(-1)
      return call(desk, 'backups.restore', backup!.name)
    },
    landed: async (desk, { saved }) => (await headlineOf(desk, saved.id)) === saved.headline,
  },
  {
    name: 'a move',
    run: (desk, { other }) => call(desk, 'queue.move', { id: other.id, to: 'in_review' }),
    landed: async (desk, { other }) =>
      (await desk.handlers['articles.get'](other.id)).state === 'in_review',
  },
]

/** Whether an operation's answer says its change landed. */
function answeredLanded(result: Result<unknown>): boolean {
  if (!result.ok) return false
  const report = result.value as { imported?: unknown[] }
  return report.imported ? report.imported.length > 0 : true
}

async function expectIndexAgrees(desk: Desk, dir: string) {
  const layout = libraryLayout(dir)
  const files = (await readdir(layout.articles)).filter((name) => name.endsWith('.json'))
  const rows = await desk.handlers['articles.list']()
  expect(rows.map((row) => `${row.id}.json`).sort()).toEqual(files.sort())
  for (const row of rows) {
    const article = await desk.handlers['articles.get'](row.id)
    expect(row).toMatchObject({
      headline: article.headline,
      state: article.state,
      updatedAt: article.updatedAt,
    })
  }
}

const codes = ['ENOSPC', 'EACCES', 'EIO']

describe('faults at every step of a write', () => {
  for (const operation of operations) {
    it(`${operation.name}: the answer is true, the old content intact, the retry works`, async () => {
      const template = await tempDir()
      const before: Before = await smallLibrary(template)
      await operation.prepare?.(template, before)
      // Counting first: the steps this operation takes on the disk.
      const counting = new FaultyFs()
      const countDir = await tempDir()
      await cp(template, countDir, { recursive: true })
      const countDesk = await deskOn(countDir, { fs: counting.fs })
      counting.arm(-1, 'ENOSPC')
      expect((await operation.run(countDesk, before)).ok).toBe(true)
      counting.disarm()
      await countDesk.close()
      const steps = counting.steps
      expect(steps.length).toBeGreaterThan(4)

      let failedAnswers = 0
      for (let at = 0; at < steps.length; at++) {
        for (const code of codes) {
          const dir = await tempDir()
          await cp(template, dir, { recursive: true })
          const faulty = new FaultyFs()
          const desk = await deskOn(dir, { fs: faulty.fs })
          faulty.arm(at, code)
          const result = await operation.run(desk, before)
          faulty.disarm()
          const where = `${operation.name}, ${code} at step ${at} (${steps[at]})`
          if (!answeredLanded(result)) failedAnswers++
          if (!result.ok) {
            expect(result.error.code, where).toBe('io')
            expect(result.error.message, where).not.toMatch(/TypeError|undefined|null/)
          }
          // The answer is the truth, in this desk and in the next.
          expect(await operation.landed(desk, before), where).toBe(answeredLanded(result))
          await desk.close()
          const again = await deskOn(dir)
          expect(await operation.landed(again, before), where).toBe(answeredLanded(result))
          if (!answeredLanded(result) && operation.name === 'a save') {
            expect(await again.handlers['articles.get'](before.saved.id), where).toEqual(
              before.saved,
            )
          }
          await expectIndexAgrees(again, dir)
          // The retry, once the fault has cleared.
          if (!answeredLanded(result)) {
            expect(answeredLanded(await operation.run(again, before)), where).toBe(true)
            expect(await operation.landed(again, before), where).toBe(true)
          }
          await again.close()
          const temps = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.tmp'))
          expect(temps, where).toEqual([])
        }
      }
      // The faults before the file landed must have been answered as failures.
      expect(failedAnswers).toBeGreaterThan(0)
      // A backup restore has some sixty steps, each tried with three faults on two opens of a
      // copied library: 11 s here, twice that on a loaded CI machine.
    }, 120_000)
  }
})

describe('a full disk', () => {
  it('opens the library read-only, says so, answers every write truly, and recovers', async () => {
    const dir = await tempDir()
    const { saved } = await smallLibrary(dir)
    const faulty = new FaultyFs()
    faulty.full = true
    const desk = await deskOn(dir, { fs: faulty.fs })
    try {
      expect(await desk.handlers['articles.get'](saved.id)).toEqual(saved)
      expect((await desk.handlers['articles.list']()).length).toBe(2)
      const notices = await desk.handlers['library.notices']()
      expect(notices).toContainEqual({ kind: 'read-only', reason: 'the disk is full' })
      const refused = await call(desk, 'articles.save', {
        id: saved.id,
        baseRevision: saved.revision,
        changes: { headline: 'لن يُحفظ' },
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'io' } })
      expect(!refused.ok && refused.error.message).toMatch(/read-only.*disk is full/)
      expect((await call(desk, 'articles.create', {})).ok).toBe(false)
      expect((await call(desk, 'settings.update', { language: 'ar' })).ok).toBe(false)
      expect(JSON.parse(await readFile(libraryLayout(dir).article(saved.id), 'utf8'))).toEqual(
        saved,
      )
      // Space comes back: the same desk takes the lock and saves.
      faulty.full = false
      const retried = await call(desk, 'articles.save', {
        id: saved.id,
        baseRevision: saved.revision,
        changes: { headline: 'حُفظ بعد عودة المساحة' },
      })
      expect(retried.ok).toBe(true)
      expect(await desk.handlers['library.notices']()).toContainEqual({ kind: 'writable-again' })
    } finally {
      await desk.close()
    }
    const again = await deskOn(dir)
    expect(await headlineOf(again, saved.id)).toBe('حُفظ بعد عودة المساحة')
    await again.close()
  })
})
