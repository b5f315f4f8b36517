import { join } from 'node:path'
import type { BackupEntry } from '../../../shared/revisions.js'
import type { LibraryLayout } from './layout.js'
import type { StorageFs } from './storage-fs.js'

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
async function sizeOf(fs: StorageFs, path: string): Promise<number> {
  const info = await fs.stat(path)
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const entry of await fs.readdir(path)) total += await sizeOf(fs, join(path, entry))
  return total
}

/** How many article files a folder of them holds (none when it is missing). */
async function articlesIn(fs: StorageFs, folder: string): Promise<number> {
  const names = await fs.readdir(folder).catch(() => [] as string[])
  return names.filter((name) => name.endsWith('.json')).length
}

const exists = (fs: StorageFs, path: string) =>
  fs.stat(path).then(
    () => true,
    () => false,
  )

/**
 * Rolling backups in `backups/backup-<time>/`: whole copies, file by file (never a hard link,
 * which would share the bytes a damaged file then changes in both), written into a temp name
 * and renamed when complete, so a backup cut off halfway is never listed. The newest `keep` stay.
 */
export class Backups {
  constructor(
    private readonly layout: LibraryLayout,
    private readonly clock: () => Date,
    private readonly fs: StorageFs,
  ) {}

  /** Makes a backup of the library as it is now; its name. */
  async make(keep: number): Promise<BackupEntry> {
    const at = this.clock()
    let name = nameAt(at)
    const taken = new Set((await this.list()).map((b) => b.name))
    // Two in the same second: the second waits its turn by a second in its name.
    for (let n = 1; taken.has(name); n++) name = nameAt(new Date(at.getTime() + n * 1000))
    const { fs } = this
    const folder = join(this.layout.backups, name)
    const partial = `${folder}.partial`
    try {
      await fs.rm(partial, { recursive: true, force: true })
      await fs.mkdir(partial, { recursive: true })
      for (const part of parts(this.layout)) {
        if (await exists(fs, part.path)) {
          await fs.cp(part.path, join(partial, part.name), { recursive: true })
        }
      }
      await fs.rename(partial, folder)
    } catch (error) {
      // A backup cut off is not a backup: its half goes, and the failure is the answer.
      await fs.rm(partial, { recursive: true, force: true }).catch(() => undefined)
      throw error
    }
    for (const old of (await this.list()).slice(Math.max(1, keep))) {
      await fs.rm(join(this.layout.backups, old.name), { recursive: true, force: true })
    }
    return this.entry(name, at)
  }

  private async entry(name: string, at: Date): Promise<BackupEntry> {
    const folder = join(this.layout.backups, name)
    return {
      name,
      at: at.toISOString(),
      bytes: await sizeOf(this.fs, folder),
      articles: await articlesIn(this.fs, join(folder, 'articles')),
    }
  }

  /** The backups there are, newest first, with their time and size. */
  async list(): Promise<BackupEntry[]> {
    let names: string[]
    try {
      names = await this.fs.readdir(this.layout.backups)
    } catch {
      return []
    }
    const found: BackupEntry[] = []
    for (const name of names) {
      const time = backupName.exec(name)?.[1]
      if (!time) continue
      const iso = time.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')
      found.push(await this.entry(name, new Date(iso)))
    }
    return found.sort((a, b) => b.at.localeCompare(a.at))
  }

  /**
   * Puts a backup's parts in place of the library's: the library as it was is backed up first
   * (so a restore can itself be undone), then each part is replaced whole. A restore that fails
   * halfway puts that first backup back, so the library is either the backup or as it was. The
   * caller opens the library again afterwards: the index is rebuilt from the restored files.
   */
  async restore(name: string, keep: number): Promise<{ before: BackupEntry }> {
    if (!backupName.test(name)) throw new Error(`${name} is not a backup's name`)
    const folder = join(this.layout.backups, name)
    await this.fs.stat(folder)
    const before = await this.make(keep + 1)
    try {
      await this.replaceParts(folder)
    } catch (error) {
      await this.replaceParts(join(this.layout.backups, before.name)).catch(() => {
        throw new Error(
          `restoring ${name} failed (${(error as Error).message}) and so did putting the library ` +
            `back: it is whole in backups/${before.name}`,
        )
      })
      throw error
    }
    // The derived files go, so the next open rebuilds them from the restored truth. The restore
    // has landed already: one that stays is checked against the article files at that open
    // and repaired from them, as after any crash, so failing to remove it is not a failure.
    await this.removeDerived().catch(() => undefined)
    return { before }
  }

  private async removeDerived(): Promise<void> {
    const { fs, layout } = this
    await fs.rm(layout.index, { force: true })
    await fs.rm(layout.searchIndex, { recursive: true, force: true })
    for (const entry of await fs.readdir(layout.dataDir)) {
      if (/^library\.\d+\.journal$/.test(entry)) await fs.rm(join(layout.dataDir, entry))
    }
  }

  private async replaceParts(folder: string): Promise<void> {
    for (const part of parts(this.layout)) {
      const from = join(folder, part.name)
      const there = await exists(this.fs, from)
      await this.fs.rm(part.path, { recursive: true, force: true })
      if (there) await this.fs.cp(from, part.path, { recursive: true })
    }
  }
}
