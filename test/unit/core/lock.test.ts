import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.js'
import {
  acquireWriteLock,
  type LockEnvironment,
  lockFileName,
} from '../../../electron/core/storage/lock.js'
import { tempDir } from '../temp-dir.js'

const environment = (overrides: Partial<LockEnvironment> = {}): LockEnvironment => ({
  pid: 1000,
  hostname: 'desk-pc',
  now: () => new Date('2026-06-17T04:15:00Z'),
  isRunning: () => true,
  ...overrides,
})

describe('the write lock', () => {
  it('refuses a second writer and names the holder', async () => {
    const dir = await tempDir()
    const first = await openDesk({ dataDir: dir, purpose: 'the browser host' })
    await expect(openDesk({ dataDir: dir, purpose: 'midad import' })).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringMatching(
        new RegExp(`open for writing by the browser host \\(process ${process.pid} on `),
      ),
    })
    await first.close()
    const second = await openDesk({ dataDir: dir, purpose: 'midad import' })
    await second.close()
  })

  it('takes over a lock whose process no longer runs', async () => {
    const dir = await tempDir()
    await acquireWriteLock(dir, 'a crashed desk', environment({ pid: 4242 }))
    const lock = await acquireWriteLock(
      dir,
      'the desktop app',
      environment({ pid: 5151, isRunning: (pid) => pid !== 4242 }),
    )
    expect(JSON.parse(await readFile(join(dir, lockFileName), 'utf8'))).toMatchObject({
      pid: 5151,
      purpose: 'the desktop app',
    })
    await lock.release()
  })

  it('never takes over a lock held from another machine', async () => {
    const dir = await tempDir()
    await acquireWriteLock(dir, 'a desk elsewhere', environment({ hostname: 'other-pc' }))
    await expect(
      acquireWriteLock(dir, 'the desktop app', environment({ isRunning: () => false })),
    ).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining('other-pc') })
  })

  it('treats an unreadable lock file as stale', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, lockFileName), '')
    const lock = await acquireWriteLock(dir, 'the browser host', environment())
    expect(lock.holder.purpose).toBe('the browser host')
    await lock.release()
  })

  it('release leaves a lock that another process took over alone', async () => {
    const dir = await tempDir()
    const stale = await acquireWriteLock(dir, 'old', environment({ pid: 1 }))
    const fresh = await acquireWriteLock(
      dir,
      'new',
      environment({ pid: 2, isRunning: () => false }),
    )
    await stale.release()
    expect(JSON.parse(await readFile(join(dir, lockFileName), 'utf8')).pid).toBe(2)
    await fresh.release()
  })
})
