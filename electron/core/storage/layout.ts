import { join } from 'node:path'

/** Where each part of the library lives inside a data dir (design.md, Data on disk). */
export function libraryLayout(dataDir: string) {
  return {
    dataDir,
    index: join(dataDir, 'library.json'),
    /** Journals of index changes since the snapshot, one per generation. */
    indexJournal: (generation: number) => join(dataDir, `library.${generation}.journal`),
    settings: join(dataDir, 'settings.json'),
    /** The search index: derived, rebuilt from the articles when missing, damaged or stale. */
    searchIndex: join(dataDir, 'search'),
    /** The copy of the settings kept at each change: what a damaged settings.json comes back from. */
    settingsCopy: join(dataDir, 'settings.copy.json'),
    articles: join(dataDir, 'articles'),
    article: (id: string) => join(dataDir, 'articles', `${id}.json`),
    revisionsRoot: join(dataDir, 'revisions'),
    revisions: (id: string) => join(dataDir, 'revisions', id),
    revision: (id: string, revision: number) =>
      join(dataDir, 'revisions', id, `${String(revision).padStart(6, '0')}.json`),
    trash: join(dataDir, 'trash'),
    mediaRoot: join(dataDir, 'media'),
    media: (id: string) => join(dataDir, 'media', id),
    recoveryFolder: join(dataDir, 'recovery'),
    /** One copy per article and editing session, so two sessions never overwrite each other. */
    recovery: (id: string, session: string) => join(dataDir, 'recovery', `${id}.${session}.json`),
    trashed: (id: string) => join(dataDir, 'trash', `${id}.json`),
    quarantine: join(dataDir, 'quarantine'),
    /** Whole copies of the library (storage/backups.ts), one folder each. */
    backups: join(dataDir, 'backups'),
    /** A team desk's link to its team database, the password kept apart, and the replica. */
    teamLink: join(dataDir, 'team', 'link.json'),
    teamPassword: join(dataDir, 'team', 'password'),
    /** The same password sealed by the OS keychain (the desktop app's safeStorage). */
    teamSealedPassword: join(dataDir, 'team', 'password.sealed'),
    teamReplica: join(dataDir, 'team', 'replica'),
    team: join(dataDir, 'team'),
    /** Temp files of atomic writes: emptied by every writing open. */
    temp: join(dataDir, 'tmp'),
  }
}

/** The paths of one data dir. */
export type LibraryLayout = ReturnType<typeof libraryLayout>

/** The name of a revision file for a revision number. */
export function revisionFileName(revision: number): string {
  return `${String(revision).padStart(6, '0')}.json`
}
