import type { Article } from '../../../shared/article.js'
import type { LibraryNotice } from '../../../shared/notices.js'
import { writeFileAtomic } from './atomic-write.js'
import type { LibraryLayout } from './layout.js'
import type { Revisions } from './revisions.js'
import type { StorageFs } from './storage-fs.js'

/**
 * A damaged article file: a writing open moves it to quarantine and writes its newest intact
 * revision in its place; a reading one shows that revision (in memory) and leaves the disk
 * alone. Says what happened, for the desk's notice.
 */
export async function recoverArticle(
  library: { fs: StorageFs; layout: LibraryLayout; revisions: Revisions; repair: boolean },
  damaged: { id: string; path: string; reason: string },
  quarantine: (path: string) => Promise<string | null>,
): Promise<{ article: Article | null; inMemory: boolean; notice: LibraryNotice }> {
  const { id, path, reason } = damaged
  const revision = await library.revisions.newestIntact(id)
  const quarantined = library.repair ? await quarantine(path) : null
  if (!revision) {
    return {
      article: null,
      inMemory: false,
      notice: { kind: 'article-lost', id, quarantined, reason },
    }
  }
  const writeBack = library.repair && quarantined !== null
  if (writeBack) {
    await writeFileAtomic(path, JSON.stringify(revision, null, 2), library.fs, {
      tempDir: library.layout.temp,
    })
  }
  return {
    article: revision,
    inMemory: !writeBack,
    notice: {
      kind: 'article-restored',
      id,
      headline: revision.headline,
      revision: revision.revision,
      quarantined,
      reason,
    },
  }
}
