import { mkdir, readdir, unlink } from 'node:fs/promises'
import type { Article, ArticleFields } from '../../shared/article.js'
import type { RecoveryCopy } from '../../shared/transfer.js'
import type { DeskContext, Handlers } from './desk.js'
import { DeskFailure } from './failure.js'
import { JsonFile } from './storage/json-file.js'
import type { LibraryLayout } from './storage/layout.js'

interface StoredCopy {
  id: string
  baseRevision: number
  savedAt: string
  changes: Partial<ArticleFields>
}

/** Removes an article's recovery copy. */
export async function dropRecoveryCopy(layout: LibraryLayout, id: string): Promise<void> {
  await unlink(layout.recovery(id)).catch(() => undefined)
}

/** Whether everything a copy holds is already in the article: it has nothing left to offer. */
function landed(copy: StoredCopy, article: Article): boolean {
  return Object.entries(copy.changes).every(
    ([key, value]) => JSON.stringify(article[key as keyof Article]) === JSON.stringify(value),
  )
}

/**
 * After a save, drops the article's recovery copy if the save carried all of it. A save by
 * someone else leaves a copy whose text did not land, so it is still offered.
 */
export async function dropLandedCopy(layout: LibraryLayout, article: Article): Promise<void> {
  try {
    const copy = await new JsonFile<StoredCopy>(layout.recovery(article.id)).read()
    if (copy && landed(copy, article)) await dropRecoveryCopy(layout, article.id)
  } catch (error) {
    if (!(error instanceof DeskFailure)) throw error
  }
}

/**
 * Recovery copies of unsaved text, kept in the data dir by the host (never only in browser
 * storage): the editor sends them every few seconds while text is unsaved, and the next start
 * offers any copy newer than its article.
 */
export function recoveryHandlers(context: DeskContext): Handlers<'recovery'> {
  const { store } = context
  return {
    'recovery.put': ({ id, baseRevision, changes }) =>
      context.serially(async () => {
        await store.read(id)
        await mkdir(store.layout.recoveryFolder, { recursive: true })
        const savedAt = context.clock().toISOString()
        await new JsonFile<StoredCopy>(store.layout.recovery(id)).write({
          id,
          baseRevision,
          savedAt,
          changes,
        })
        return { savedAt }
      }),
    'recovery.list': async () => {
      let names: string[]
      try {
        names = await readdir(store.layout.recoveryFolder)
      } catch {
        return []
      }
      const copies: RecoveryCopy[] = []
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        try {
          const copy = await new JsonFile<StoredCopy>(
            `${store.layout.recoveryFolder}/${name}`,
          ).read()
          if (!copy || !store.has(copy.id)) continue
          const article = await store.read(copy.id)
          // Offered while its text has not landed in the article, however old it is.
          if (landed(copy, article)) continue
          copies.push({
            id: copy.id,
            headline: copy.changes.headline ?? article.headline,
            savedAt: copy.savedAt,
            baseRevision: copy.baseRevision,
            currentRevision: article.revision,
            changes: copy.changes,
          })
        } catch (error) {
          // A damaged copy is left on disk and not offered.
          if (!(error instanceof DeskFailure)) throw error
        }
      }
      return copies
    },
    'recovery.discard': (id) =>
      context.serially(async () => {
        await dropRecoveryCopy(store.layout, id)
        return { id }
      }),
  }
}
