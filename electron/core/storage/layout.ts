import { join } from 'node:path'

/** Where each part of the library lives inside a data dir (design.md, Data on disk). */
export function libraryLayout(dataDir: string) {
  return {
    dataDir,
    index: join(dataDir, 'library.json'),
    settings: join(dataDir, 'settings.json'),
    articles: join(dataDir, 'articles'),
    article: (id: string) => join(dataDir, 'articles', `${id}.json`),
    revisions: (id: string) => join(dataDir, 'revisions', id),
    revision: (id: string, revision: number) =>
      join(dataDir, 'revisions', id, `${String(revision).padStart(6, '0')}.json`),
    trash: join(dataDir, 'trash'),
    media: (id: string) => join(dataDir, 'media', id),
    recoveryFolder: join(dataDir, 'recovery'),
    recovery: (id: string) => join(dataDir, 'recovery', `${id}.json`),
    trashed: (id: string) => join(dataDir, 'trash', `${id}.json`),
  }
}

/** The paths of one data dir. */
export type LibraryLayout = ReturnType<typeof libraryLayout>
