import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { openDesk } from '../../../electron/core/desk.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { tempDir } from '../temp-dir.js'
import { runMidad } from './run-midad.js'
import { startTeamServer } from '../team/team-server.js'

let server: Awaited<ReturnType<typeof startTeamServer>>
beforeAll(async () => {
  server = await startTeamServer()
})
afterAll(() => server.stop())

const run = runMidad

describe('midad team', () => {
  it('joins two data dirs to one database, syncs, lists and resolves a conflict, leaves', async () => {
    const url = `${server.url}cli-newsroom`
    const [a, b] = [await tempDir(), await tempDir()]
    const desk = await openDesk({ dataDir: a, purpose: 'a test' })
    const story = await desk.handlers['articles.create']({
      headline: 'خبر من الطاولة الأولى',
      body: paragraphsToDelta(['نص']),
    })
    await desk.close()
    const joined = await run(['team', 'join', url, '--json'], a)
    expect(joined.code).toBe(0)
    expect(joined.json()).toMatchObject({ url, user: null, pushed: expect.any(Number) })
    expect(joined.json().pushed).toBeGreaterThanOrEqual(2)
    expect((await run(['team', 'join', url], b)).code).toBe(0)
    const listed = await run(['list', '--json'], b)
    expect(listed.json().map((row: { id: string }) => row.id)).toEqual([story.id])

    // The same field edited on both desks between syncs: listed on both, resolved from one.
    for (const [dir, kicker] of [
      [a, 'تمهيد أ'],
      [b, 'تمهيد ب'],
    ] as const) {
      const open = await openDesk({ dataDir: dir, purpose: 'a test' })
      const current = await open.handlers['articles.get'](story.id)
      await open.handlers['articles.save']({
        id: story.id,
        baseRevision: current.revision,
        changes: { kicker },
      })
      await open.close()
    }
    expect((await run(['team', 'sync', '--json'], a)).json()).toMatchObject({ conflicts: 0 })
    const synced = await run(['team', 'sync', '--json'], b)
    expect(synced.json()).toMatchObject({ pulled: expect.any(Number), conflicts: 1 })
    const conflicts = (await run(['team', 'conflicts', '--json'], b)).json()
    expect(conflicts).toEqual([
      { id: story.id, field: 'kicker', mine: 'تمهيد ب', theirs: 'تمهيد أ', at: expect.any(String) },
    ])
    const refused = await run(['team', 'leave'], b)
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/conflict/)
    expect((await run(['team', 'resolve', story.id, 'kicker=sideways'], b)).code).toBe(2)
    const resolved = await run(['team', 'resolve', story.id, 'kicker=theirs', '--json'], b)
    expect(resolved.json()).toEqual({ id: story.id, open: [] })
    expect((await run(['team', 'sync', '--json'], a)).json()).toMatchObject({ conflicts: 0 })
    const shown = (await run(['show', story.id, '--json'], a)).json()
    expect(shown.kicker).toBe('تمهيد أ')

    const status = (await run(['team', 'status', '--json'], a)).json()
    expect(status).toMatchObject({
      joined: true,
      url,
      connection: { state: 'online' },
      conflicts: 0,
    })
    expect((await run(['team', 'leave', '--json'], a)).json()).toEqual({ left: url, shared: true })
    await expect(stat(join(a, 'team'))).rejects.toThrow()
    expect((await run(['team', 'status', '--json'], a)).json()).toMatchObject({ joined: false })
    expect((await run(['list', '--json'], a)).json()).toHaveLength(1)
  })

  it('says why when the server cannot be reached or the URL names no database', async () => {
    const dir = await tempDir()
    const noDatabase = await run(['team', 'join', 'http://127.0.0.1:1/'], dir)
    expect(noDatabase.code).toBe(1)
    expect(noDatabase.err).toMatch(/names no database/)
    const unreachable = await run(['team', 'join', 'http://127.0.0.1:1/newsroom'], dir)
    expect(unreachable.code).toBe(1)
    expect(unreachable.err).toMatch(/cannot be used/)
    await expect(stat(join(dir, 'team'))).rejects.toThrow()
    expect((await run(['team', 'sync'], dir)).err).toMatch(/not joined/)
    expect((await run(['team', 'join'], dir)).code).toBe(2)
  })

  it('keeps a password out of link.json, in a file only the user may read', async () => {
    // A user of the server, made as a CouchDB admin makes one (`_users`), and the database.
    expect((await fetch(`${server.url}with-user`, { method: 'PUT' })).status).toBeLessThan(300)
    const made = await fetch(`${server.url}_users/org.couchdb.user:huda`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'huda', password: 'سر-1234', roles: [], type: 'user' }),
    })
    expect(made.status).toBeLessThan(300)
    const dir = await tempDir()
    // The user may not put the validator in; an admin's desk joins first (here anyone is one).
    const refused = await run(['team', 'join', `${server.url}with-user`, '--user', 'huda'], dir, {
      MIDAD_TEAM_PASSWORD: 'سر-1234',
    })
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/join once as an admin/)
    expect((await run(['team', 'join', `${server.url}with-user`], await tempDir())).code).toBe(0)
    const wrong = await run(['team', 'join', `${server.url}with-user`, '--user', 'huda'], dir, {
      MIDAD_TEAM_PASSWORD: 'خطأ',
    })
    expect(wrong.code).toBe(1)
    expect(wrong.err).toMatch(/refused/)
    const joined = await run(['team', 'join', `${server.url}with-user`, '--user', 'huda'], dir, {
      MIDAD_TEAM_PASSWORD: 'سر-1234',
    })
    expect(joined.err).toBe('')
    expect(joined.code).toBe(0)
    const link = await import('node:fs/promises').then((fs) =>
      fs.readFile(join(dir, 'team', 'link.json'), 'utf8'),
    )
    expect(link).not.toContain('سر-1234')
    expect(JSON.parse(link)).toMatchObject({ user: 'huda' })
    const info = await stat(join(dir, 'team', 'password'))
    expect(info.mode & 0o777).toBe(0o600)
  })
})
