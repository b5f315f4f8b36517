import { fetchTeamImage } from '../../../electron/core/team/team-media.js'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import {
  type TeamDesk,
  chooseInConflict,
  joinTeam,
  openTeamDesk,
  syncOnce,
  takeInChanges,
  teamConflicts,
} from '../../../electron/core/team/team-desk.js'
import { newArticle } from '../../../electron/core/articles.js'
import { articleDocFor } from '../../../electron/core/team/article-doc.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { tempDir } from '../temp-dir.js'
import { startTeamServer } from './team-server.js'

const icon = join(import.meta.dirname, '..', '..', '..', 'assets', 'icon.png')

let server: Awaited<ReturnType<typeof startTeamServer>>
beforeAll(async () => {
  server = await startTeamServer()
})
afterAll(() => server.stop())

const opened: { desk: Desk; team: TeamDesk | null }[] = []
afterEach(async () => {
  for (const { desk, team } of opened.splice(0)) {
    await team?.close()
    await desk.close()
  }
})

let databases = 0
/** Two desks on two data dirs, both joined to one fresh database of the team server. */
async function twoDesks() {
  const url = `${server.url}newsroom${++databases}`
  const desks = []
  for (const editor of ['هدى', 'سلمان']) {
    const desk = await openDesk({ dataDir: await tempDir(), purpose: 'a test', systemUser: editor })
    await desk.handlers['settings.update']({ editorName: editor })
    await joinTeam(desk.context, { url, user: null, password: null })
    const team = (await openTeamDesk(desk.context)) as TeamDesk
    opened.push({ desk, team })
    desks.push({ desk, team, sync: () => syncOnce(desk.context, team) })
  }
  return desks as [(typeof desks)[0], (typeof desks)[0]]
}

describe('team desks through a CouchDB-compatible server', () => {
  it('a story written on one desk reaches the other, with its moves and notes', async () => {
    const [huda, salman] = await twoDesks()
    const story = await huda.desk.handlers['articles.create']({
      headline: 'الموازنة أمام البرلمان',
      body: paragraphsToDelta(['قدمت الحكومة الموازنة.']),
      section: 'اقتصاد',
    })
    await huda.desk.handlers['notes.add']({ id: story.id, text: 'تحقق من الرقم' })
    await huda.desk.handlers['queue.move']({ id: story.id, to: 'in_review' })
    const first = await huda.sync()
    expect(first.pushed).toBeGreaterThanOrEqual(4)
    const pulled = await salman.sync()
    expect(pulled.pulled).toBeGreaterThanOrEqual(4)
    const there = await salman.desk.handlers['articles.get'](story.id)
    expect(there).toMatchObject({
      headline: 'الموازنة أمام البرلمان',
      text: ['قدمت الحكومة الموازنة.'],
      state: 'in_review',
      event: 'synced',
    })
    expect(there.history.map((move) => move.to)).toEqual(['draft', 'in_review'])
    expect(there.notes?.map((note) => note.text)).toEqual(['تحقق من الرقم'])
    const hits = await salman.desk.handlers['articles.search']({ query: 'الموازنة' })
    expect(hits.map((hit) => hit.id)).toEqual([story.id])
  })

  it('edits of different fields made offline on both desks both survive', async () => {
    const [huda, salman] = await twoDesks()
    const story = await huda.desk.handlers['articles.create']({ headline: 'عنوان أول' })
    await huda.sync()
    await salman.sync()
    await huda.desk.handlers['articles.save']({
      id: story.id,
      baseRevision: 1,
      changes: { headline: 'عنوان من هدى' },
    })
    const theirs = await salman.desk.handlers['articles.get'](story.id)
    await salman.desk.handlers['articles.save']({
      id: story.id,
      baseRevision: theirs.revision,
      changes: { kicker: 'تمهيد من سلمان' },
    })
    await huda.sync()
    const report = await salman.sync()
    await huda.sync()
    expect(report.conflicts).toBe(0)
    for (const side of [huda, salman]) {
      const got = await side.desk.handlers['articles.get'](story.id)
      expect(got).toMatchObject({ headline: 'عنوان من هدى', kicker: 'تمهيد من سلمان' })
    }
  })

  it('a same-field collision is listed on both desks until an editor chooses, and nothing is lost before', async () => {
    const [huda, salman] = await twoDesks()
    const story = await huda.desk.handlers['articles.create']({ headline: 'عنوان أول' })
    await huda.sync()
    await salman.sync()
    await huda.desk.handlers['articles.save']({
      id: story.id,
      baseRevision: 1,
      changes: { headline: 'عنوان هدى' },
    })
    const theirs = await salman.desk.handlers['articles.get'](story.id)
    await salman.desk.handlers['articles.save']({
      id: story.id,
      baseRevision: theirs.revision,
      changes: { headline: 'عنوان سلمان' },
    })
    await huda.sync()
    await salman.sync()
    await huda.sync()
    const onHuda = await teamConflicts(huda.team)
    const onSalman = await teamConflicts(salman.team)
    expect(onHuda).toEqual([
      expect.objectContaining({
        id: story.id,
        field: 'headline',
        mine: 'عنوان هدى',
        theirs: 'عنوان سلمان',
      }),
    ])
    expect(onSalman).toEqual([
      expect.objectContaining({
        id: story.id,
        field: 'headline',
        mine: 'عنوان سلمان',
        theirs: 'عنوان هدى',
      }),
    ])
    // Both desks show the same headline meanwhile: the same rule chose it on each.
    const shownHuda = (await huda.desk.handlers['articles.get'](story.id)).headline
    const shownSalman = (await salman.desk.handlers['articles.get'](story.id)).headline
    expect(shownHuda).toBe(shownSalman)
    const left = await chooseInConflict(
      salman.desk.context,
      salman.team,
      story.id,
      { headline: 'mine' },
      null,
    )
    expect(left).toEqual([])
    await salman.sync()
    await huda.sync()
    expect(await teamConflicts(huda.team)).toEqual([])
    expect((await huda.desk.handlers['articles.get'](story.id)).headline).toBe('عنوان سلمان')
  })

  it('moves made apart on two desks are a state conflict: both kept, one state everywhere', async () => {
    const [huda, salman] = await twoDesks()
    const story = await huda.desk.handlers['articles.create']({
      headline: 'خبر للمراجعة',
      body: paragraphsToDelta(['نص الخبر.']),
    })
    await huda.desk.handlers['queue.move']({ id: story.id, to: 'in_review' })
    await huda.sync()
    await salman.sync()
    await huda.desk.handlers['queue.move']({ id: story.id, to: 'draft', note: 'ناقص' })
    await salman.desk.handlers['queue.move']({
      id: story.id,
      to: 'ready',
      note: 'جاهز',
      override: 'اختبار',
    })
    await huda.sync()
    await salman.sync()
    await huda.sync()
    const a = await huda.desk.handlers['articles.get'](story.id)
    const b = await salman.desk.handlers['articles.get'](story.id)
    expect(a.state).toBe(b.state)
    expect(a.history.map((move) => move.note)).toEqual(b.history.map((move) => move.note))
    expect(a.history.map((move) => move.note)).toEqual(expect.arrayContaining(['ناقص', 'جاهز']))
    expect((await teamConflicts(huda.team)).map((c) => c.field)).toEqual(['state'])
    await chooseInConflict(huda.desk.context, huda.team, story.id, {}, 'draft')
    await huda.sync()
    await salman.sync()
    expect(await teamConflicts(salman.team)).toEqual([])
  })

  it('moves made apart to one state agree: both kept, nothing to choose', async () => {
    const [huda, salman] = await twoDesks()
    const story = await huda.desk.handlers['articles.create']({ headline: 'خبر يراجعه اثنان' })
    await huda.sync()
    await salman.sync()
    await huda.desk.handlers['queue.move']({ id: story.id, to: 'in_review', note: 'من هدى' })
    await salman.desk.handlers['queue.move']({ id: story.id, to: 'in_review', note: 'من سلمان' })
    for (const desk of [huda, salman, huda]) await desk.sync()
    for (const desk of [huda, salman]) {
      const there = await desk.desk.handlers['articles.get'](story.id)
      expect(there.state).toBe('in_review')
      expect(there.history.map((move) => move.note)).toEqual(
        expect.arrayContaining(['من هدى', 'من سلمان']),
      )
      expect(await teamConflicts(desk.team)).toEqual([])
    }
  })

  it('a featured image crosses as a content-addressed document, byte for byte', async () => {
    const [huda, salman] = await twoDesks()
    const story = await huda.desk.handlers['articles.create']({ headline: 'خبر مصور' })
    const bytes = await readFile(icon)
    const { file } = await huda.desk.handlers['media.add']({
      articleId: story.id,
      fileName: 'صورة.png',
      base64: bytes.toString('base64'),
    })
    await huda.desk.handlers['articles.save']({
      id: story.id,
      baseRevision: 1,
      changes: { featuredImage: { file, caption: 'تعليق', alt: 'وصف' } },
    })
    await huda.sync()
    await salman.sync()
    const there = await salman.desk.handlers['articles.get'](story.id)
    expect(there.featuredImage).toEqual({ file, caption: 'تعليق', alt: 'وصف' })
    const sha = createHash('sha256').update(bytes).digest('hex')
    const remote = (await salman.team.remote.get(`media:${sha}`)) as { sha256?: string }
    expect(remote.sha256).toBe(sha)
    // Not copied with the article: fetched when first shown, from the server, byte for byte.
    const copy = join(salman.desk.dataDir, 'media', story.id, file)
    await expect(readFile(copy)).rejects.toThrow()
    await expect(salman.team.replica.get(`media:${sha}`)).rejects.toThrow()
    const shown = await fetchTeamImage(salman.desk.context, salman.team, story.id, file)
    expect(Buffer.from(shown!.bytes).equals(bytes)).toBe(true)
    expect((await readFile(copy)).equals(bytes)).toBe(true)
    // A file the article does not name is nothing the team is asked for.
    expect(await fetchTeamImage(salman.desk.context, salman.team, story.id, 'other.png')).toBeNull()
  })

  it('what arrives malformed, or naming a path, is said and never written (a server not to be trusted)', async () => {
    const [huda] = await twoDesks()
    const warnings: string[] = []
    huda.desk.context.warn = (message) => warnings.push(message)
    const stamp = { at: new Date('2026-12-01T09:00:00Z'), by: 'x' }
    const bad = articleDocFor(
      newArticle('badbadbad123', { headline: 'سيء' }, stamp),
      false,
      null,
      'x',
    )
    const evil = articleDocFor(
      newArticle('evilevil1234', { headline: 'مسار' }, stamp),
      false,
      null,
      'x',
      {
        '../../outside.png': 'a'.repeat(64),
      },
    )
    if (!bad || !evil) throw new Error('no documents')
    bad.fields.priority = 99
    await huda.team.replica.writeRevisions([bad, evil])
    await takeInChanges(huda.desk.context, huda.team)
    const ids = (await huda.desk.handlers['articles.list']()).map((row) => row.id)
    expect(ids).not.toContain('badbadbad123')
    expect(ids).toContain('evilevil1234')
    expect(warnings.join('\n')).toMatch(/badbadbad123 is malformed/)
    // The path it names is never asked for nor written, even when shown.
    expect(
      await fetchTeamImage(huda.desk.context, huda.team, 'evilevil1234', '../../outside.png'),
    ).toBeNull()
    await expect(readFile(join(huda.desk.dataDir, 'outside.png'))).rejects.toThrow()
  })

  it('two stories of one headline made apart keep one slug each, the same on both desks', async () => {
    const [huda, salman] = await twoDesks()
    const first = await huda.desk.handlers['articles.create']({ headline: 'خبر واحد' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await salman.desk.handlers['articles.create']({ headline: 'خبر واحد' })
    expect(first.slug).toBe(second.slug)
    for (const desk of [huda, salman, huda, salman, huda]) await desk.sync()
    const slugs = async (desk: typeof huda) =>
      Object.fromEntries(
        (await desk.desk.handlers['articles.list']()).map((row) => [row.id, row.slug]),
      )
    const onHuda = await slugs(huda)
    expect(onHuda).toEqual({ [first.id]: 'خبر-واحد', [second.id]: 'خبر-واحد-2' })
    expect(await slugs(salman)).toEqual(onHuda)
    expect(await teamConflicts(huda.team)).toEqual([])
    expect(await teamConflicts(salman.team)).toEqual([])
  })

  it('a library of more than one batch joins whole: every story, its move and its note across', async () => {
    const url = `${server.url}archive${++databases}`
    const archive = await openDesk({ dataDir: await tempDir(), purpose: 'a test' })
    opened.push({ desk: archive, team: null })
    const ids: string[] = []
    for (let n = 0; n < 260; n++) {
      const story = await archive.handlers['articles.create']({
        headline: `خبر الأرشيف ${n}`,
        body: paragraphsToDelta([`نص ${n}`]),
      })
      ids.push(story.id)
    }
    await archive.handlers['queue.move']({ id: ids[7]!, to: 'in_review' })
    await archive.handlers['notes.add']({ id: ids[250]!, text: 'ملاحظة' })
    const { report } = await joinTeam(archive.context, { url, user: null, password: null })
    expect(report.pushed).toBeGreaterThanOrEqual(260 * 2)
    const reader = await openDesk({ dataDir: await tempDir(), purpose: 'a test' })
    opened.push({ desk: reader, team: null })
    await joinTeam(reader.context, { url, user: null, password: null })
    const there = await reader.handlers['articles.list']()
    expect(there.map((row) => row.id).sort()).toEqual([...ids].sort())
    expect((await reader.handlers['articles.get'](ids[7]!)).state).toBe('in_review')
    expect((await reader.handlers['articles.get'](ids[250]!)).notes?.[0]?.text).toBe('ملاحظة')
    expect((await reader.handlers['articles.get'](ids[259]!)).text).toEqual(['نص 259'])
  })

  it('a backup is not restored over a joined library: its older stories would reach every desk', async () => {
    const [huda] = await twoDesks()
    await huda.desk.handlers['articles.create']({ headline: 'خبر قبل النسخة' })
    const backup = await huda.desk.handlers['backups.create']()
    await expect(huda.desk.handlers['backups.restore'](backup.name)).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/joined to a team/),
    })
    expect(await huda.desk.handlers['articles.list']()).toHaveLength(1)
  })

  it('a trash on one desk trashes the story on the other', async () => {
    const [huda, salman] = await twoDesks()
    const story = await huda.desk.handlers['articles.create']({ headline: 'خبر يحذف' })
    await huda.sync()
    await salman.sync()
    await salman.desk.handlers['articles.trash'](story.id)
    await salman.sync()
    await huda.sync()
    expect((await huda.desk.handlers['trash.list']()).map((t) => t.id)).toEqual([story.id])
  })
})

describe('the validator a desk puts in on join', () => {
  it('refuses malformed documents on the server, from any client', async () => {
    await twoDesks()
    const url = `${server.url}newsroom${databases}`
    const put = (id: string, doc: object) =>
      fetch(`${url}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(doc),
      })
    const untyped = await put('whatever', { headline: 'x' })
    expect(untyped.status).toBe(403)
    expect(await untyped.json()).toMatchObject({ error: 'forbidden' })
    const badMove = await put('transition:abcdefgh:0123456789abcdef', {
      type: 'transition',
      to: 'published-somewhere',
      from: null,
      at: 'x',
      by: 'y',
      note: '',
      after: [],
    })
    expect(badMove.status).toBe(403)
    const badArticle = await put('article:abcdefgh', {
      type: 'article',
      id: 'abcdefgh',
      fields: { headline: 1 },
    })
    expect(badArticle.status).toBe(403)
    // A well-formed one passes: the validator is not refusing everything.
    const move = {
      type: 'transition',
      article: 'abcdefgh',
      from: null,
      to: 'draft',
      at: '2026-12-01T09:00:00Z',
      by: 'y',
      note: '',
      desk: 'd',
      after: [],
    }
    expect((await put('transition:abcdefgh:0123456789abcdef', move)).status).toBe(201)
    // Presence: named by its desk, saying an article or none.
    const presence = {
      type: 'presence',
      desk: 'huda@desk#a1b2c3',
      editor: 'هدى',
      article: 'abcdefgh',
      at: '2026-12-01T09:00:00Z',
    }
    expect((await put('presence:someone-else', presence)).status).toBe(403)
    expect((await put('presence:huda@desk#a1b2c3', { ...presence, article: 7 })).status).toBe(403)
    expect((await put('presence:huda@desk#a1b2c3', presence)).status).toBe(201)
  })
})
