import { reason } from '../../../shared/reasons.js'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
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
  /**
   * When the holding process started, as the system counts it (Linux: clock ticks since boot,
   * from /proc), so that another process given the same PID later is known for what it is.
   * Absent where the system does not say (and in locks written before it was kept).
   */
  started?: string
}

/** What the lock needs from the machine; passed in so tests can fake a dead process. */
export interface LockEnvironment {
  pid: number
  hostname: string
  now: () => Date
  isRunning: (pid: number) => boolean
  /** When a running process started (`LockHolder.started`), or null where it cannot be told. */
  processStart: (pid: number) => string | null
}

/** A Linux process's start time from /proc/<pid>/stat (field 22), or null. */
export function procStartTime(pid: number, read = (path: string) => readFileSync(path, 'utf8')) {
  try {
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const stat = read(`/proc/${pid}/stat`)
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
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
  processStart: (pid) => procStartTime(pid),
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
  const started = env.processStart(env.pid)
  if (started !== null) holder.started = started
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

// Another machine's process cannot be checked, so its lock is never taken over. On this one, a
// holder is gone when its PID runs no process, or runs one that started at another time (the
// PID was given to someone else after the holder died).
function isStale(holder: LockHolder, env: LockEnvironment): boolean {
  if (holder.hostname !== env.hostname) return false
  if (!env.isRunning(holder.pid)) return true
  if (typeof holder.started !== 'string') return false
  const now = env.processStart(holder.pid)
  return now !== null && now !== holder.started
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
