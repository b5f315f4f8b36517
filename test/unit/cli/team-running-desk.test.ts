import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { openDesk } from '../../../electron/core/desk.js'
import { createDispatch } from '../../../electron/core/dispatch.js'
import { openDeskDoor } from '../../../electron/core/door/desk-door.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { tempDir } from '../temp-dir.js'
import { runMidad } from './run-midad.js'
import { startTeamServer } from '../team/team-server.js'

// A replica is opened by one process at a time: while a host runs on a library, `midad team …`
// asks it through its door (issue #18), and does the work itself when none runs.

let server: Awaited<ReturnType<typeof startTeamServer>>
beforeAll(async () => {
  server = await startTeamServer()
})
afterAll(() => server.stop())

const run = runMidad

/** A host's desk with its door open, as the browser host and the desktop app run it. */
async function runningHost(dataDir: string) {
  const desk = await openDesk({ dataDir, purpose: 'the browser host', liveTeam: true })
  const door = await openDeskDoor(dataDir, createDispatch(desk.handlers))
  return {
    desk,
    door,
    close: async () => {
      await door.close()
      await desk.close()
    },
  }
}

function post(url: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const sent = request(url, { method: 'POST', headers }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    sent.on('error', reject)
    sent.end('[]')
  })
}

describe('midad team while a desk runs on the library', () => {
  it('asks the running desk: join, status, sync and conflicts, where opening it would be refused', async () => {
    const url = `${server.url}running-newsroom`
    const dir = await tempDir()
    const host = await runningHost(dir)
    try {
      // Without the door the CLI would need the lock the host holds.
      const single = await run(['team', 'status', '--json'], dir)
      expect(single.err).toBe('')
      expect(single.json()).toMatchObject({ joined: false })
      const story = await host.desk.handlers['articles.create']({
        headline: 'خبر كتب والمكتب مفتوح',
        body: paragraphsToDelta(['نص']),
      })
      const joined = await run(['team', 'join', url, '--json'], dir)
      expect(joined.err).toBe('')
      expect(joined.json()).toMatchObject({ url, desk: expect.any(String) })
      expect(host.desk.context.team).not.toBeNull()
      const synced = await run(['team', 'sync', '--json'], dir)
      expect(synced.json()).toEqual({
        pushed: expect.any(Number),
        pulled: expect.any(Number),
        conflicts: 0,
      })
      const status = await run(['team', 'status'], dir)
      expect(status.out).toMatch(/asked of the desk running on this library/)
      expect((await run(['team', 'conflicts', '--json'], dir)).json()).toEqual([])
      // What the running desk shared reached the server: a second desk joins and has it.
      const other = await tempDir()
      expect((await run(['team', 'join', url], other)).code).toBe(0)
      expect((await run(['list', '--json'], other)).json()).toMatchObject([{ id: story.id }])
    } finally {
      await host.close()
    }
    // Closed, the desk's door is gone with it, and the CLI opens the replica itself again.
    await expect(stat(join(dir, 'desk.door'))).rejects.toThrow()
    const local = await run(['team', 'status', '--json'], dir)
    expect(local.json()).toMatchObject({ joined: true, url })
    expect(local.out).not.toMatch(/asked of the desk/)
  })

  it('opens the door to the CLI alone: its token, no browser page, no foreign host', async () => {
    const dir = await tempDir()
    const host = await runningHost(dir)
    try {
      const door = JSON.parse(await readFile(join(dir, 'desk.door'), 'utf8'))
      expect((await stat(join(dir, 'desk.door'))).mode & 0o777).toBe(0o600)
      const at = `${door.url}api/team.status`
      expect(await post(at, { Authorization: `Bearer ${door.token}` })).toBe(200)
      expect(await post(at, { Authorization: 'Bearer wrong-token-wrong-token' })).toBe(401)
      expect(await post(at, {})).toBe(401)
      const page = { Authorization: `Bearer ${door.token}`, Origin: 'http://127.0.0.1:9' }
      expect(await post(at, page)).toBe(403)
      const rebound = { Authorization: `Bearer ${door.token}`, Host: 'evil.example' }
      expect(await post(at, rebound)).toBe(403)
    } finally {
      await host.close()
    }
  })

  it('takes a door left by a desk that no longer answers for none', async () => {
    const dir = await tempDir()
    const host = await runningHost(dir)
    const left = await readFile(join(dir, 'desk.door'), 'utf8')
    await host.close()
    // As a host killed with -9 leaves it: the file stays, nobody listens on its port.
    await writeFile(join(dir, 'desk.door'), left)
    const status = await run(['team', 'status', '--json'], dir)
    expect(status.code).toBe(0)
    expect(status.json()).toMatchObject({ joined: false })
  })
})
