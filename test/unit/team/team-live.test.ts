import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { tempDir } from '../temp-dir.js'
import { startTeamServer } from './team-server.js'

let server: Awaited<ReturnType<typeof startTeamServer>>
beforeAll(async () => {
  server = await startTeamServer()
})
afterAll(() => server.stop())

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

async function liveDesk(url: string) {
  const desk = await openDesk({ dataDir: await tempDir(), purpose: 'a test', liveTeam: true })
  opened.push(desk)
  await desk.handlers['team.join']({ url })
  return desk
}

/** Polls until `check` holds, up to `ms`; gives back how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return Date.now() - started
}

describe('a host’s team desk, replicating live', () => {
  it('fetches another desk’s picture when it is first shown, not with its article', async () => {
    const url = `${server.url}pictures-newsroom`
    const one = await liveDesk(url)
    const two = await liveDesk(url)
    const story = await one.handlers['articles.create']({ headline: 'خبر بصورة' })
    const bytes = await readFile(join(import.meta.dirname, '..', '..', '..', 'assets', 'icon.png'))
    const { file } = await one.handlers['media.add']({
      articleId: story.id,
      fileName: 'صورة.png',
      base64: bytes.toString('base64'),
    })
    await one.handlers['articles.save']({
      id: story.id,
      baseRevision: 1,
      changes: { featuredImage: { file, caption: '', alt: 'وصف' } },
    })
    await within(4000, async () => {
      const there = await two.handlers['articles.list']()
      return there.length === 1 && (await two.handlers['articles.get'](story.id)).revision > 1
    })
    const copy = join(two.dataDir, 'media', story.id, file)
    await expect(readFile(copy)).rejects.toThrow()
    const named = (await two.context.team!.team.replica.get(`article:${story.id}`, {})) as {
      media?: Record<string, string>
    }
    const sha = named.media?.[file]
    expect(sha).toMatch(/^[0-9a-f]{64}$/)
    await expect(two.context.team!.team.replica.get(`media:${sha}`)).rejects.toThrow()
    // Shown (the host's media route, an export): fetched, kept, and the same bytes.
    const shown = await two.context.media(story.id, file)
    expect(Buffer.from(shown!.bytes).equals(bytes)).toBe(true)
    expect((await readFile(copy)).equals(bytes)).toBe(true)
  })

  it('says which desk has a story open too, and stops saying it when it closes', async () => {
    const url = `${server.url}presence-newsroom`
    const one = await liveDesk(url)
    const two = await liveDesk(url)
    const story = await one.handlers['articles.create']({ headline: 'خبر يحرره اثنان' })
    await within(2000, async () => (await two.handlers['articles.list']()).length === 1)
    // Nobody else has it open yet; then desk two opens it and desk one sees so.
    expect(await one.handlers['team.editing']({ article: story.id })).toEqual({ others: [] })
    await two.handlers['team.editing']({ article: story.id })
    const oneDesk = (await one.handlers['team.status']()).desk
    const twoDesk = (await two.handlers['team.status']()).desk
    await within(
      2000,
      async () => (await one.handlers['team.editing']({ article: story.id })).others.length === 1,
    )
    expect((await one.handlers['team.editing']({ article: story.id })).others).toEqual([
      { desk: twoDesk, editor: expect.any(String), since: expect.any(String) },
    ])
    // Desk two sees desk one in turn, never itself.
    await within(2000, async () => {
      const seen = await two.handlers['team.editing']({ article: story.id })
      return seen.others.length === 1 && seen.others[0]!.desk === oneDesk
    })
    await two.handlers['team.editing']({ article: null })
    await within(
      2000,
      async () => (await one.handlers['team.editing']({ article: story.id })).others.length === 0,
    )
    // Nothing of it reached the files: still one revision, and no conflict.
    expect((await one.handlers['articles.get'](story.id)).revision).toBe(1)
    expect((await one.handlers['team.status']()).conflicts).toBe(0)
  })

  it('a story saved on one desk is in the other’s library within 2 s, edits too', async () => {
    const url = `${server.url}live-newsroom`
    const one = await liveDesk(url)
    const two = await liveDesk(url)
    const story = await one.handlers['articles.create']({
      headline: 'خبر عاجل من الطاولة الأولى',
      body: paragraphsToDelta(['نص الخبر.']),
    })
    await within(2000, async () => (await two.handlers['articles.list']()).length === 1)
    await one.handlers['articles.save']({
      id: story.id,
      baseRevision: 1,
      changes: { kicker: 'تمهيد' },
    })
    await within(2000, async () => {
      const there = await two.handlers['articles.get'](story.id)
      return there.kicker === 'تمهيد'
    })
    const status = await two.handlers['team.status']()
    expect(status).toMatchObject({ joined: true, url, conflicts: 0 })
    expect(status.arrivals).toBeGreaterThan(0)
    await within(
      2000,
      async () => (await two.handlers['team.status']()).connection?.state === 'online',
    )
  })

  it(
    'says offline, with since and why, when the server goes, and a single desk after leaving',
    { timeout: 20_000 },
    async () => {
      const lonely = await startTeamServer()
      const desk = await liveDesk(`${lonely.url}gone`)
      await within(
        2000,
        async () => (await desk.handlers['team.status']()).connection?.state === 'online',
      )
      await lonely.stop()
      // Saving still works offline.
      await desk.handlers['articles.create']({ headline: 'يكتب دون اتصال' })
      await within(
        9000,
        async () => (await desk.handlers['team.status']()).connection?.state === 'offline',
      )
      const status = await desk.handlers['team.status']()
      expect(status.connection).toMatchObject({
        state: 'offline',
        since: expect.any(String),
        why: expect.any(String),
      })
      await expect(desk.handlers['team.leave']({})).rejects.toThrow(/could not be shared/)
      expect((await desk.handlers['team.status']()).joined).toBe(true)
      expect(await desk.handlers['team.leave']({ anyway: true })).toMatchObject({ shared: false })
      expect((await desk.handlers['team.status']()).joined).toBe(false)
      expect(await desk.handlers['articles.list']()).toHaveLength(1)
    },
  )
})
