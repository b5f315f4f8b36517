import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Article } from '../../shared/article.js'
import { paragraphsToDelta } from '../../shared/delta.js'
import { type Desk, type DeskOptions, openDesk } from '../../electron/core/desk.js'

/** Opens a desk on a data dir with a fixed editor: the reliability suites' one way in. */
export function deskOn(dataDir: string, extra: Partial<DeskOptions> = {}): Promise<Desk> {
  return openDesk({ dataDir, purpose: 'a reliability test', systemUser: 'tester', ...extra })
}

/** A small library: two articles (one saved twice), settings changed once. */
export async function smallLibrary(dataDir: string): Promise<{ saved: Article; other: Article }> {
  const desk = await deskOn(dataDir)
  try {
    const first = await desk.handlers['articles.create']({ headline: 'خبر أول' })
    const second = await desk.handlers['articles.save']({
      id: first.id,
      baseRevision: 1,
      changes: { body: paragraphsToDelta(['فقرة محفوظة في المقال.']) },
    })
    const saved = await desk.handlers['articles.save']({
      id: first.id,
      baseRevision: second.revision,
      changes: { kicker: 'عاجل' },
    })
    const other = await desk.handlers['articles.create']({ headline: 'خبر ثان' })
    await desk.handlers['settings.update']({ language: 'en', newsroomName: 'غرفة الأخبار' })
    return { saved, other }
  } finally {
    await desk.close()
  }
}

/** Every file under a folder with the sha256 of its bytes: to show a reader wrote nothing. */
export async function treeDigest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry)
    const info = await stat(path)
    out[relative(dir, path)] = info.isFile()
      ? createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
      : 'folder'
  }
  return out
}
