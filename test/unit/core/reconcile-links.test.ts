import { mkdir, readFile, rename, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { steppingClock, tempDir } from '../temp-dir.js'

const open: Desk[] = []
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close()
})

const deskOn = async (dataDir: string) => {
  const desk = await openDesk({ dataDir, purpose: 'a test', clock: steppingClock() })
  open.push(desk)
  return desk
}

describe('reconciling the article files', () => {
  it('does not follow a link where an article file should be, nor take a folder for one', async () => {
    const dataDir = await tempDir()
    const first = await deskOn(dataDir)
    const article = await first.handlers['articles.create']({
      headline: 'العنوان الأصلي',
      body: paragraphsToDelta(['نص.']),
    })
    await first.close()
    open.pop()
    const path = join(dataDir, 'articles', `${article.id}.json`)
    // The same article, changed, outside the library, and linked in its place.
    const outside = join(await tempDir(), 'elsewhere.json')
    const stored = JSON.parse(await readFile(path, 'utf8'))
    await writeFile(outside, JSON.stringify({ ...stored, headline: 'من خارج المكتبة' }))
    await rename(path, `${path}.moved`)
    await symlink(outside, path)
    await mkdir(join(dataDir, 'articles', 'zzzzzzzzzzzz.json'))
    const second = await deskOn(dataDir)
    const listed = await second.handlers['articles.list']()
    expect(listed.map((row) => row.headline)).not.toContain('من خارج المكتبة')
    expect(listed.map((row) => row.id)).not.toContain('zzzzzzzzzzzz')
    const shown = await second.handlers['articles.get'](article.id).catch(() => null)
    expect(shown?.headline).not.toBe('من خارج المكتبة')
  })
})
