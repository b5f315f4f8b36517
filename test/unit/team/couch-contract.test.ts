import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { type Desk, openDesk } from '../../../electron/core/desk.js'
import {
  type TeamDesk,
  joinTeam,
  openTeamDesk,
  syncOnce,
  teamConflicts,
} from '../../../electron/core/team/team-desk.js'
import { tempDir } from '../temp-dir.js'

// The team desk against a real CouchDB 3: set COUCH_URL to a server where databases may be
// created (an admin's URL, credentials in it: http://admin:pw@127.0.0.1:5984). Without it the
// suite is skipped, and says why: CouchDB is not installable on our machines (neither Debian
// 12 nor npm carries it), so `npm run team-server` stands in everywhere else.
const couch = process.env.COUCH_URL
const why = 'COUCH_URL is not set: no real CouchDB on this machine'

const opened: { desk: Desk; team: TeamDesk }[] = []
afterEach(async () => {
  for (const { desk, team } of opened.splice(0)) {
    await team.close()
    await desk.close()
  }
})

describe.skipIf(!couch)(`the team desk against CouchDB (${couch ? 'COUCH_URL' : why})`, () => {
  it('two desks converge, a collision is listed on both, the validator refuses bad documents', async () => {
    const base = (couch ?? '').replace(/\/$/, '')
    const url = `${base}/midad-contract-${randomBytes(4).toString('hex')}`
    const sides = []
    for (const editor of ['a', 'b']) {
      const desk = await openDesk({
        dataDir: await tempDir(),
        purpose: 'a test',
        systemUser: editor,
      })
      await joinTeam(desk.context, { url, user: null, password: null })
      const team = (await openTeamDesk(desk.context)) as TeamDesk
      opened.push({ desk, team })
      sides.push({ desk, team, sync: () => syncOnce(desk.context, team) })
    }
    const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]]
    const story = await a.desk.handlers['articles.create']({ headline: 'عنوان' })
    await a.sync()
    await b.sync()
    expect((await b.desk.handlers['articles.get'](story.id)).headline).toBe('عنوان')
    await a.desk.handlers['articles.save']({
      id: story.id,
      baseRevision: 1,
      changes: { summary: 'أ' },
    })
    const onB = await b.desk.handlers['articles.get'](story.id)
    await b.desk.handlers['articles.save']({
      id: story.id,
      baseRevision: onB.revision,
      changes: { summary: 'ب' },
    })
    await a.sync()
    await b.sync()
    await a.sync()
    expect((await teamConflicts(a.team)).map((c) => c.field)).toEqual(['summary'])
    expect((await teamConflicts(b.team)).map((c) => c.field)).toEqual(['summary'])
    const plain = new URL(url)
    plain.username = ''
    plain.password = ''
    const bad = await fetch(`${plain.toString()}/not-midad`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...authOf(url) },
      body: JSON.stringify({ anything: true }),
    })
    expect(bad.status).toBe(403)
  })
})

/** Credentials in a URL as a header: fetch refuses URLs that carry them. */
function authOf(url: string): Record<string, string> {
  const parsed = new URL(url)
  if (!parsed.username) return {}
  const pair = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`
  return { Authorization: `Basic ${Buffer.from(pair).toString('base64')}` }
}
