import { relative, sep } from 'node:path'
import type { LibraryLayout } from './layout.js'
import type { StorageFs } from './storage-fs.js'

/**
 * Moves a damaged file (or a folder standing where a file should be) into `quarantine/`, byte
 * for byte, under a name that says where it was and when: never repaired in place, never
 * overwritten. Gives back where it went, or null when even the move failed (a read-only disk):
 * then the file stays where it was, untouched.
 */
export async function quarantine(
  fs: StorageFs,
  layout: LibraryLayout,
  path: string,
  now: Date,
): Promise<string | null> {
  const where = relative(layout.dataDir, path).split(sep).join('__')
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  try {
    await fs.mkdir(layout.quarantine, { recursive: true })
    for (let n = 1; ; n++) {
      const target = `${layout.quarantine}/${stamp}${n > 1 ? `-${n}` : ''}-${where}`
      const taken = await fs.stat(target).then(
        () => true,
        () => false,
      )
      if (taken) continue
      await fs.rename(path, target)
      return target
    }
  } catch {
    return null
  }
}
