import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openDesk } from '../../../electron/core/desk.js'
import { libraryLayout } from '../../../electron/core/storage/layout.js'
import { nodeFs } from '../../../electron/core/storage/storage-fs.js'
import {
  type PasswordSeal,
  keepTeamPassword,
  readTeamPassword,
} from '../../../electron/core/team/team-password.js'
import { tempDir } from '../temp-dir.js'
import { startTeamServer } from './team-server.js'

/** A keychain of the test's own: what it seals cannot be read without it (a key it holds). */
function testKeychain(available = true): PasswordSeal {
  const key = 0x5a
  const flip = (bytes: Uint8Array) => Uint8Array.from(bytes, (byte) => byte ^ key)
  return {
    available: async () => available,
    seal: async (password) => flip(new TextEncoder().encode(`sealed:${password}`)),
    open: async (sealed) => new TextDecoder().decode(flip(sealed)).replace(/^sealed:/, ''),
  }
}

const missing = async (path: string) =>
  stat(path).then(
    () => false,
    () => true,
  )

describe('the team password', () => {
  it('is sealed by the keychain where there is one, and never left in the plain file', async () => {
    const layout = libraryLayout(await tempDir())
    const seal = testKeychain()
    await keepTeamPassword(nodeFs, layout, 'سر-1234', { seal })
    expect(await missing(layout.teamPassword)).toBe(true)
    const sealed = await readFile(layout.teamSealedPassword)
    expect(sealed.toString('utf8')).not.toContain('سر-1234')
    expect((await stat(layout.teamSealedPassword)).mode & 0o777).toBe(0o600)
    expect(await readTeamPassword(nodeFs, layout, { seal }, () => undefined)).toBe('سر-1234')
  })

  it('stays in the 0600 file where the keychain is only a fixed key, and is sealed when one comes', async () => {
    const layout = libraryLayout(await tempDir())
    await keepTeamPassword(nodeFs, layout, 'سر', { seal: testKeychain(false) })
    expect(await readFile(layout.teamPassword, 'utf8')).toBe('سر')
    expect(await missing(layout.teamSealedPassword)).toBe(true)
    // The desktop app opens a library joined from the CLI: the password moves into the keychain.
    const seal = testKeychain()
    expect(await readTeamPassword(nodeFs, layout, { seal }, () => undefined)).toBe('سر')
    expect(await missing(layout.teamPassword)).toBe(true)
    expect(await readTeamPassword(nodeFs, layout, { seal }, () => undefined)).toBe('سر')
  })

  it('sealed, is refused to a desk without the keychain unless given (MIDAD_TEAM_PASSWORD)', async () => {
    const layout = libraryLayout(await tempDir())
    await keepTeamPassword(nodeFs, layout, 'سر', { seal: testKeychain() })
    await expect(readTeamPassword(nodeFs, layout, {}, () => undefined)).rejects.toThrow(
      /keychain.*MIDAD_TEAM_PASSWORD/,
    )
    expect(await readTeamPassword(nodeFs, layout, { given: 'سر' }, () => undefined)).toBe('سر')
  })
})

describe('a desk joined with a sealed password', () => {
  let server: Awaited<ReturnType<typeof startTeamServer>>
  beforeAll(async () => {
    server = await startTeamServer()
  })
  afterAll(() => server.stop())

  it('syncs as its user, the password in no plain file of the data dir', async () => {
    expect((await fetch(`${server.url}sealed`, { method: 'PUT' })).status).toBeLessThan(300)
    const made = await fetch(`${server.url}_users/org.couchdb.user:salma`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'salma', password: 'كلمة-سر-9', roles: [], type: 'user' }),
    })
    expect(made.status).toBeLessThan(300)
    // An admin's desk puts the validator in first (here anyone is one).
    const first = await openDesk({ dataDir: await tempDir(), purpose: 'a test', liveTeam: true })
    await first.handlers['team.join']({ url: `${server.url}sealed` })
    await first.close()
    const dataDir = await tempDir()
    const seal = testKeychain()
    const desk = await openDesk({
      dataDir,
      purpose: 'the desktop app',
      liveTeam: true,
      passwordKeeping: { seal },
    })
    try {
      await desk.handlers['team.join']({
        url: `${server.url}sealed`,
        user: 'salma',
        password: 'كلمة-سر-9',
      })
      await desk.handlers['articles.create']({ headline: 'خبر بكلمة سر مختومة' })
      expect(await desk.handlers['team.sync']()).toMatchObject({ conflicts: 0 })
    } finally {
      await desk.close()
    }
    for (const name of ['link.json', 'password.sealed'])
      expect(await readFile(join(dataDir, 'team', name), 'utf8')).not.toContain('كلمة-سر-9')
    expect(await missing(join(dataDir, 'team', 'password'))).toBe(true)
    // A wrong sealed password is refused by the server: the seal is really what is used.
    await writeFile(join(dataDir, 'team', 'password.sealed'), await seal.seal('خطأ'))
    const again = await openDesk({ dataDir, purpose: 'the desktop app', passwordKeeping: { seal } })
    try {
      const team = await import('../../../electron/core/team/team-desk.js')
      const joined = await team.openTeamDesk(again.context)
      await expect(team.syncOnce(again.context, joined!)).rejects.toThrow(/refused/)
      await joined!.close()
    } finally {
      await again.close()
    }
  })
})
