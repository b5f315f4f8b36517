import { randomBytes } from 'node:crypto'
import { basename, dirname } from 'node:path'
import type { FileStamp } from '../../../shared/stored-schemas.js'
import { nodeFs, type StorageFs } from './storage-fs.js'

/** The file operations an atomic write needs; passed in so tests can make them fail. */
export type AtomicFs = Pick<StorageFs, 'open' | 'rename' | 'unlink'> &
  Partial<Pick<StorageFs, 'stat'>>

/** Temp files of atomic writes end so; an open removes any a crash left behind. */
export const tempSuffix = '.tmp'

/** Whether a file name is a temp file of an atomic write (`<name>.<pid>.<random>.tmp`). */
export function isTempName(name: string): boolean {
  return /\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)
}

/**
 * Writes a file so that a reader sees the old content or the new, never a mix, and the new
 * content survives a power cut once this resolves: temp file, fsync, rename, fsync the folder.
 * steno (lowdb's writer) does the rename but never fsyncs, hence this. Gives back the stamp of
 * the file written (a rename keeps size, modification time and inode).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  fs: AtomicFs = nodeFs,
  options: { syncFolder?: boolean; sync?: boolean; tempDir?: string } = {},
): Promise<FileStamp> {
  // A library keeps every temp file in its tmp/ folder (same disk, so the rename is atomic),
  // which its next open empties; elsewhere the temp file stands beside its target.
  const temp = `${options.tempDir ? `${options.tempDir}/${basename(path)}` : path}.${process.pid}.${randomBytes(4).toString('hex')}${tempSuffix}`
  let stamp: FileStamp
  try {
    const handle = await fs.open(temp, 'w')
    try {
      await handle.writeFile(data)
      if (options.sync !== false) await handle.sync()
      const info = await handle.stat()
      stamp = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino }
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path).catch(async (error: unknown) => {
      // A rename that reports a failure may still have happened (EIO after the fact): the file
      // at the path then is the temp file's inode, and the write landed.
      const now = await statOf(fs, path)
      if (now?.ino !== stamp.ino || now.size !== stamp.size) throw error
    })
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  // A batch syncs its folder once at the end instead (see syncFolder).
  if (options.syncFolder !== false && options.sync !== false) {
    // The rename has happened: the new content is what every reader now sees. A folder that
    // cannot be synced does not make that untrue, so it is retried once and then let be.
    await syncFolder(dirname(path), fs).catch(() => syncFolder(dirname(path), fs).catch(() => {}))
  }
  return stamp
}

/** Makes renames into a folder durable; Windows cannot open folders, and needs no such step. */
export async function syncFolder(
  folder: string,
  fs: Pick<StorageFs, 'open'> = nodeFs,
): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function statOf(fs: AtomicFs, path: string) {
  try {
    return await (fs.stat ?? nodeFs.stat)(path)
  } catch {
    return null
  }
}
