import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LibraryNotice } from '../../shared/notices.js'
import { openLibraryReader } from '../../electron/core/library-reader.js'
import { libraryLayout } from '../../electron/core/storage/layout.js'
import { tempDir } from '../unit/temp-dir.js'
import { deskOn, smallLibrary, treeDigest } from './library-fixture.js'

/** Each kind of damage a file can come to: what is written in its place. */
const damages: Record<string, (good: Buffer) => Buffer | 'folder'> = {
  truncated: (good) => good.subarray(0, Math.floor(good.length / 2)),
  'zero-filled': (good) => Buffer.alloc(good.length),
  'trailing garbage': (good) => Buffer.concat([good, Buffer.from('\n}}garbage\u0000')]),
  'invalid UTF-8': (good) => {
    const bad = Buffer.from(good)
    bad[bad.indexOf('"', 20) + 1] = 0xff
    return bad
  },
  empty: () => Buffer.alloc(0),
  'wrong shape': (good) => {
    const json = JSON.parse(good.toString('utf8')) as Record<string, unknown>
    if ('body' in json) json.body = null
    else if ('articles' in json) json.articles = [null]
    else json.sections = null
    return Buffer.from(JSON.stringify(json))
  },
  'a folder': () => 'folder',
}

async function damage(path: string, kind: string): Promise<Buffer | 'folder'> {
  const bad = damages[kind]!(await readFile(path))
  await rm(path)
  if (bad === 'folder') {
    await mkdir(path)
    await writeFile(join(path, 'inside'), 'x')
  } else await writeFile(path, bad)
  return bad
}

/** The quarantined copy a notice names holds exactly the damaged bytes (or the folder). */
async function expectQuarantined(notice: LibraryNotice | undefined, bad: Buffer | 'folder') {
  expect(notice).toBeDefined()
  const where = (notice as { quarantined: string | null }).quarantined
  expect(where).toContain(`${join('quarantine')}`)
  if (bad === 'folder') expect((await stat(where!)).isDirectory()).toBe(true)
  else expect(Buffer.compare(await readFile(where!), bad)).toBe(0)
}

describe('damaged files at start', () => {
  for (const kind of Object.keys(damages)) {
    it(`an article file (${kind}) comes back from its newest intact revision`, async () => {
      const dir = await tempDir()
      const { saved, other } = await smallLibrary(dir)
      const bad = await damage(libraryLayout(dir).article(saved.id), kind)
      const before = await treeDigest(dir)
      // A reader shows the truth and writes nothing.
      const warnings: string[] = []
      const reader = openLibraryReader(dir, (line) => warnings.push(line))
      expect(await reader.get(saved.id)).toEqual(saved)
      expect((await reader.list()).map((row) => row.id).sort()).toEqual([saved.id, other.id].sort())
      expect(warnings.join('\n')).toContain(saved.id)
      expect(await treeDigest(dir)).toEqual(before)

      const desk = await deskOn(dir)
      try {
        expect(await desk.handlers['articles.get'](saved.id)).toEqual(saved)
        const notices = await desk.handlers['library.notices']()
        const restored = notices.find((n) => n.kind === 'article-restored')
        expect(restored).toMatchObject({ id: saved.id, revision: saved.revision })
        await expectQuarantined(restored, bad)
        // It is an article again: it saves.
        const next = await desk.handlers['articles.save']({
          id: saved.id,
          baseRevision: saved.revision,
          changes: { headline: 'بعد الإصلاح' },
        })
        expect(next.revision).toBe(saved.revision + 1)
      } finally {
        await desk.close()
      }
    })

    it(`library.json (${kind}) is rebuilt from the article files`, async () => {
      const dir = await tempDir()
      const { saved, other } = await smallLibrary(dir)
      const layout = libraryLayout(dir)
      const bad = await damage(layout.index, kind)
      // Journals would rebuild the rows by themselves: without them only the files can.
      for (const name of await readdir(dir))
        if (name.endsWith('.journal')) await rm(join(dir, name))
      const desk = await deskOn(dir)
      try {
        const ids = (await desk.handlers['articles.list']()).map((row) => row.id)
        expect(ids.sort()).toEqual([saved.id, other.id].sort())
        const notices = await desk.handlers['library.notices']()
        await expectQuarantined(
          notices.find((n) => n.kind === 'index-damaged'),
          bad,
        )
      } finally {
        await desk.close()
      }
      expect((await stat(layout.index)).isFile()).toBe(true)
    })

    it(`settings.json (${kind}) comes back from the copy kept at the last change`, async () => {
      const dir = await tempDir()
      await smallLibrary(dir)
      const bad = await damage(libraryLayout(dir).settings, kind)
      const desk = await deskOn(dir)
      try {
        expect(await desk.handlers['settings.get']()).toMatchObject({
          language: 'en',
          newsroomName: 'غرفة الأخبار',
        })
        const notices = await desk.handlers['library.notices']()
        const restored = notices.find((n) => n.kind === 'settings-restored')
        expect(restored).toMatchObject({ from: 'copy' })
        await expectQuarantined(restored, bad)
      } finally {
        await desk.close()
      }
      // Written back whole, and not again on an ordinary start.
      const written = await stat(libraryLayout(dir).settings)
      await (await deskOn(dir)).close()
      expect((await stat(libraryLayout(dir).settings)).mtimeMs).toBe(written.mtimeMs)
    })
  }

  it('settings with no intact copy start from the defaults, said loudly', async () => {
    const dir = await tempDir()
    await smallLibrary(dir)
    const layout = libraryLayout(dir)
    await writeFile(layout.settings, '{"language":')
    await writeFile(layout.settingsCopy, '')
    const desk = await deskOn(dir)
    try {
      expect((await desk.handlers['settings.get']()).language).toBe('ar')
      const notices = await desk.handlers['library.notices']()
      expect(notices).toContainEqual(
        expect.objectContaining({ kind: 'settings-restored', from: 'defaults' }),
      )
    } finally {
      await desk.close()
    }
  })

  it('an article with no intact revision is reported lost; the desk still starts', async () => {
    const dir = await tempDir()
    const { saved, other } = await smallLibrary(dir)
    const layout = libraryLayout(dir)
    await writeFile(layout.article(saved.id), '')
    await rm(layout.revisions(saved.id), { recursive: true })
    const desk = await deskOn(dir)
    try {
      expect((await desk.handlers['articles.list']()).map((row) => row.id)).toEqual([other.id])
      const notices = await desk.handlers['library.notices']()
      const lost = notices.find((n) => n.kind === 'article-lost')
      expect(lost).toMatchObject({ id: saved.id })
      await expectQuarantined(lost, Buffer.alloc(0))
    } finally {
      await desk.close()
    }
  })

  it('temp files left by a crash are removed at open', async () => {
    const dir = await tempDir()
    const { saved } = await smallLibrary(dir)
    const layout = libraryLayout(dir)
    await writeFile(join(layout.temp, 'x.json.4242.0badf00d.tmp'), '{"half":')
    await writeFile(`${layout.article(saved.id)}.4242.deadbeef.tmp`, '{"half":')
    await writeFile(join(dir, 'settings.json.4242.cafebabe.tmp'), '{')
    const desk = await deskOn(dir)
    try {
      const notices = await desk.handlers['library.notices']()
      expect(notices).toContainEqual(expect.objectContaining({ kind: 'temp-removed', count: 3 }))
      expect(await desk.handlers['articles.get'](saved.id)).toEqual(saved)
    } finally {
      await desk.close()
    }
    const left = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.tmp'))
    expect(left).toEqual([])
  })
})
