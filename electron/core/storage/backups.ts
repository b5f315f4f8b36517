import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupEntry } from '../../../shared/revisions.js'
import type { LibraryLayout } from './layout.js'

/**
 * What a backup holds: the parts of the library that are the truth (the article files, their
 * revisions, images, the trash, recovery copies) and the settings. The index and the search
 * index are derived: the next open rebuilds them from what is restored.
 */
const parts = (layout: LibraryLayout) => [
  { name: 'articles', path: layout.articles },
  { name: 'revisions', path: layout.revisionsRoot },
  { name: 'media', path: layout.mediaRoot },
  { name: 'trash', path: layout.trash },
  { name: 'recovery', path: layout.recoveryFolder },
  { name: 'settings.json', path: layout.settings },
]

const backupName = /^backup-(\d{8}T\d{6}Z)$/

const nameAt = (at: Date) =>
  `backup-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`

/** The size of a folder's files, all the way down. */
async function sizeOf(path: string): Promise<number> {
  const info = await stat(path)
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry))
  return total
}

/**
 * Rolling backups in `backups/backup-<time>/`: whole copies, file by file (never a hard link,
 * which would share the bytes a damaged file then changes in both), written into a temp name
 * and renamed when complete, so a backup cut off halfway is never listed. The newest `keep` stay.
 */
export class Backups {
  constructor(
    private readonly layout: LibraryLayout,
    private readonly clock: () => Date,
  ) {}

  /** Makes a backup of the library as it is now; its name. */
  async make(keep: number): Promise<BackupEntry> {
    const at = this.clock()
    let name = nameAt(at)
    const taken = new Set((await this.list()).map((b) => b.name))
    // Two in the same second: the second waits its turn by a second in its name.
    for (let n = 1; taken.has(name); n++) name = nameAt(new Date(at.getTime() + n * 1000))
    const folder = join(this.layout.backups, name)
    const partial = `${folder}.partial`
    await rm(partial, { recursive: true, force: true })
    await mkdir(partial, { recursive: true })
    for (const part of parts(this.layout)) {
      const exists = await stat(part.path).then(
        () => true,
        () => false,
      )
      if (exists) await cp(part.path, join(partial, part.name), { recursive: true })
    }
    await rename(partial, folder)
    for (const old of (await this.list()).slice(Math.max(1, keep))) {
      await rm(join(this.layout.backups, old.name), { recursive: true, force: true })
    }
    return { name, at: at.toISOString(), bytes: await sizeOf(folder) }
  }

  /** The backups there are, newest first, with their time and size. */
  async list(): Promise<BackupEntry[]> {
    let names: string[]
    try {
      names = await readdir(this.layout.backups)
    } catch {
      return []
    }
    const found: BackupEntry[] = []
    for (const name of names) {
      const time = backupName.exec(name)?.[1]
      if (!time) continue
      const iso = time.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')
      found.push({
        name,
        at: new Date(iso).toISOString(),
        bytes: await sizeOf(join(this.layout.backups, name)),
      })
    }
    return found.sort((a, b) => b.at.localeCompare(a.at))
  }

  /**
   * Puts a backup's parts in place of the library's: the library as it was is backed up first
   * (so a restore can itself be undone), then each part is replaced whole. The caller opens the
   * library again afterwards: the index is rebuilt from the restored files.
   */
  async restore(name: string, keep: number): Promise<{ before: BackupEntry }> {
    if (!backupName.test(name)) throw new Error(`${name} is not a backup's name`)
    const folder = join(this.layout.backups, name)
    await stat(folder)
    const before = await this.make(keep + 1)
    for (const part of parts(this.layout)) {
      const from = join(folder, part.name)
      const exists = await stat(from).then(
        () => true,
        () => false,
      )
      await rm(part.path, { recursive: true, force: true })
      if (exists) await cp(from, part.path, { recursive: true })
    }
    // The derived files go: the next open rebuilds them from the restored truth.
    await rm(this.layout.index, { force: true })
    await rm(this.layout.searchIndex, { recursive: true, force: true })
    for (const entry of await readdir(this.layout.dataDir)) {
      if (/^library\.\d+\.journal$/.test(entry)) await rm(join(this.layout.dataDir, entry))
    }
    return { before }
  }
}
