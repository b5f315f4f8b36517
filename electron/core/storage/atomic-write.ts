import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { dirname } from 'node:path'

/** The file operations an atomic write needs; passed in so tests can make them fail. */
export type AtomicFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink'>

/**
 * Writes a file so that a reader sees the old content or the new, never a mix, and the new
 * content survives a power cut once this resolves: temp file, fsync, rename, fsync the folder.
 * steno (lowdb's writer) does the rename but never fsyncs, hence this.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  fs: AtomicFs = fsp,
  options: { syncFolder?: boolean } = {},
): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    const handle = await fs.open(temp, 'w')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path)
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  // A batch syncs its folder once at the end instead (see syncFolder).
  if (options.syncFolder !== false) await syncFolder(dirname(path), fs)
}

/** Makes renames into a folder durable; Windows cannot open folders, and needs no such step. */
export async function syncFolder(folder: string, fs: AtomicFs = fsp): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
