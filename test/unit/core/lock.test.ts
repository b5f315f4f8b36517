import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.js'
import {
  acquireWriteLock,
  type LockEnvironment,
  lockFileName,
  procStartTime,
} from '../../../electron/core/storage/lock.js'
import { tempDir } from '../temp-dir.js'

const environment = (overrides: Partial<LockEnvironment> = {}): LockEnvironment => ({
  pid: 1000,
  hostname: 'desk-pc',
  now: () => new Date('2026-06-17T04:15:00Z'),
  isRunning: () => true,
  processStart: () => null,
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

  it('takes over a lock whose PID now runs another process, started later', async () => {
    const dir = await tempDir()
    const starts = new Map([[4242, '81234']])
    const started = (pid: number) => starts.get(pid) ?? null
    await acquireWriteLock(dir, 'a crashed desk', environment({ pid: 4242, processStart: started }))
    expect(JSON.parse(await readFile(join(dir, lockFileName), 'utf8')).started).toBe('81234')
    // Still the same process: the lock holds.
    const same = environment({ pid: 5151, processStart: started })
    await expect(acquireWriteLock(dir, 'the desktop app', same)).rejects.toMatchObject({
      code: 'locked',
    })
    // The holder died and its PID went to an unrelated process, which started later.
    starts.set(4242, '99000')
    const lock = await acquireWriteLock(dir, 'the desktop app', same)
    expect(lock.holder).toMatchObject({ pid: 5151, purpose: 'the desktop app' })
    await lock.release()
  })

  it('reads a Linux process start time from /proc, the command name with spaces and parens', () => {
    const stat =
      '4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 81234 1000 10'
    expect(procStartTime(4242, () => stat)).toBe('81234')
    expect(
      procStartTime(1, () => {
        throw new Error('ENOENT')
      }),
    ).toBeNull()
    if (process.platform === 'linux') expect(procStartTime(process.pid)).toMatch(/^\d+$/)
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
