import { reason } from '../../../shared/reasons.js'
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { DeskFailure, errnoCode } from '../failure.js'
import { nodeFs, type StorageFs } from './storage-fs.js'

/** The file operations the lock makes. */
export type LockFs = Pick<StorageFs, 'writeFile' | 'link' | 'rename' | 'unlink' | 'readFile'>

/** Who holds a data dir's write lock, as written in its lock file. */
export interface LockHolder {
  pid: number
  hostname: string
  /** What took it: "browser host", "desktop app", "midad import"… */
  purpose: string
  since: string
  token: string
}

/** What the lock needs from the machine; passed in so tests can fake a dead process. */
export interface LockEnvironment {
  pid: number
  hostname: string
  now: () => Date
  isRunning: (pid: number) => boolean
}

/** The machine as it is. */
export const systemLockEnvironment: LockEnvironment = {
  pid: process.pid,
  hostname: hostname(),
  now: () => new Date(),
  isRunning: (pid) => {
    try {
      process.kill(pid, 0)
      return true
    } catch (error) {
      return errnoCode(error) === 'EPERM'
    }
  },
}

/** A held lock; release it when the desk closes. */
export interface WriteLock {
  holder: LockHolder
  release(): Promise<void>
}

/** The lock file's name in a data dir. */
export const lockFileName = 'desk.lock'

/**
 * Takes the write lock of a data dir, so that one process writes it at a time. A lock left by
 * a process that no longer runs on this machine is taken over; a live holder is named in the
 * error.
 */
export async function acquireWriteLock(
  dataDir: string,
  purpose: string,
  env: LockEnvironment = systemLockEnvironment,
  fs: LockFs = nodeFs,
): Promise<WriteLock> {
  const { link, readFile, rename, unlink, writeFile } = fs
  const path = join(dataDir, lockFileName)
  const holder: LockHolder = {
    pid: env.pid,
    hostname: env.hostname,
    purpose,
    since: env.now().toISOString(),
    token: randomBytes(8).toString('hex'),
  }
  // Written whole to a temp file first, so nobody ever reads a half-written lock.
  const temp = `${path}.${holder.token}.tmp`
  await writeFile(temp, JSON.stringify(holder))
  try {
    try {
      await link(temp, path)
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error
      const current = await readHolder(path, readFile)
      if (current && !isStale(current, env)) throw lockedBy(current, dataDir)
      await rename(temp, path)
      const after = await readHolder(path, readFile)
      if (after?.token !== holder.token) throw lockedBy(after ?? current, dataDir)
    }
  } finally {
    await unlink(temp).catch(() => undefined)
  }
  return {
    holder,
    release: async () => {
      const current = await readHolder(path, readFile)
      if (current?.token === holder.token) await unlink(path).catch(() => undefined)
    },
  }
}

/** Reads who holds the lock now, or null when nobody does. */
export async function readHolder(
  path: string,
  readFile: LockFs['readFile'] = nodeFs.readFile,
): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null
    return parsed as LockHolder
  } catch {
    return null
  }
}

// Another machine's process cannot be checked, so its lock is never taken over.
function isStale(holder: LockHolder, env: LockEnvironment): boolean {
  return holder.hostname === env.hostname && !env.isRunning(holder.pid)
}

function lockedBy(holder: LockHolder | null, dataDir: string): DeskFailure {
  const who = holder
    ? `${holder.purpose} (process ${holder.pid} on ${holder.hostname}, since ${holder.since})`
    : 'another process'
  return DeskFailure.of(
    'locked',
    `the library at ${dataDir} is open for writing by ${who}; close it first`,
    reason('library-locked', { holder: who }),
  )
}
