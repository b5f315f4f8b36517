import { type Reason, reason, reasonText } from '../../../shared/reasons.js'
import { rm } from 'node:fs/promises'
import { extname } from 'node:path'
import type { Article } from '../../../shared/article.js'
import { importFormatByExtension } from '../../../shared/export-formats.js'
import type { ImportReport } from '../../../shared/transfer.js'
import { assignSlug, newArticle } from '../articles.js'
import type { DeskContext } from '../desk-context.js'
import { DeskFailure } from '../failure.js'
import { type DraftImage, type ImportedDraft, ImportError } from './draft.js'
import { type LinkedImageReader, settleImages } from './draft-images.js'
import { datedHeadline } from '../storage/library-index.js'
import { importDocx } from './import-docx.js'
import { importHtml } from './import-html.js'
import { importMarkdown } from './import-markdown.js'
import { importSiteText } from './import-site-text.js'

/** One file to import: its name (for its format and the report) and its bytes. */
export interface ImportSource {
  name: string
  bytes: Uint8Array
  /** Reads images the file links to by relative path, where its folder is at hand. */
  linkedImage?: LinkedImageReader
}

/** Reads one file into a draft, or throws ImportError naming what is wrong. */
export async function readDraft(source: ImportSource, timeZone: string): Promise<ImportedDraft> {
  const draft = await readFileDraft(source, timeZone)
  await settleImages(draft, source.linkedImage)
  return draft
}

async function readFileDraft(source: ImportSource, timeZone: string): Promise<ImportedDraft> {
  const extension = extname(source.name).slice(1).toLowerCase()
  const format = importFormatByExtension[extension]
  if (!format) {
    const known = Object.keys(importFormatByExtension)
      .map((e) => `.${e}`)
      .join(', ')
    throw new ImportError(reason('import-unknown-kind', { extension, known }))
  }
  if (format === 'docx') return importDocx(source.bytes)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(source.bytes)
  } catch {
    throw new ImportError(reason('import-not-text'))
  }
  if (format === 'text') return importSiteText(text, timeZone)
  if (format === 'html') return importHtml(text)
  return importMarkdown(text)
}

/**
 * Imports files as drafts. A file that fails is reported and the others still go in; the same
 * headline and date as an article already in the library is skipped unless allowed. The index
 * and the managed sections are written once, after the batch.
 */
export async function importSources(
  context: DeskContext,
  sources: ImportSource[],
  options: { allowDuplicates?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportReport> {
  return context.serially(async () => {
    const { store } = context
    const settings = context.settings()
    const report: ImportReport = { imported: [], duplicates: [], failed: [], warnings: [] }
    // This batch's own headlines and slugs; the library's are in the index's maps.
    const seen = new Set<string>()
    const batchSlugs = new Set<string>()
    const librarySlugs = store.takenSlugs(null)
    const taken = { has: (slug: string) => batchSlugs.has(slug) || librarySlugs.has(slug) }
    const sections = new Set(settings.sections)
    const pending: { file: string; article: Article; warnings: Reason[]; images: DraftImage[] }[] =
      []
    for (const [index, source] of sources.entries()) {
      try {
        const draft = await readDraft(source, settings.timeZone)
        const key = datedHeadline(draft.fields.headline, draft.fields.publishedAt)
        const known =
          seen.has(key) ||
          store.index.hasDatedHeadline(draft.fields.headline, draft.fields.publishedAt ?? null)
        if (known && !options.allowDuplicates) {
          report.duplicates.push({ file: source.name, headline: draft.fields.headline })
          continue
        }
        const article = draftToArticle(context, draft, taken, pending)
        seen.add(key)
        batchSlugs.add(article.slug)
        pending.push({
          file: source.name,
          article,
          warnings: draft.warnings,
          images: draft.images ?? [],
        })
      } catch (error) {
        if (!(error instanceof ImportError)) throw error
        report.failed.push({ file: source.name, reason: error.message, detail: error.reason })
      } finally {
        options.onProgress?.(index + 1, sources.length)
      }
    }
    // Parsing is done; the files are written a few at a time so their fsyncs overlap.
    let next = 0
    const writer = async () => {
      while (next < pending.length) {
        const { file, article, warnings, images } = pending[next++]!
        try {
          // The images first: an article is never stored naming an image not yet on disk.
          for (const image of images) {
            const stored = await store.addMedia(article.id, image.file, image.bytes)
            if (stored !== image.file) renameImage(article, image.file, stored)
          }
          await store.write(article, { batch: true })
          if (article.section) sections.add(article.section)
          report.imported.push({ file, id: article.id, headline: article.headline })
          for (const detail of warnings)
            report.warnings.push({ file, message: reasonText(detail), detail })
        } catch (error) {
          if (images.length)
            await rm(store.layout.media(article.id), { recursive: true, force: true })
          if (!(error instanceof DeskFailure)) throw error
          report.failed.push({
            file,
            reason: error.message,
            ...(error.details?.[0] ? { detail: error.details[0] } : {}),
          })
        }
      }
    }
    try {
      await Promise.all(Array.from({ length: 32 }, writer))
    } finally {
      if (pending.length) await store.finishBatch()
      if (sections.size > settings.sections.length) {
        await store
          .writeSettings({ ...store.settings(), sections: [...sections] })
          .catch((error: unknown) => {
            const detail = reason('import-sections-not-saved', { error: (error as Error).message })
            report.warnings.push({ file: '', message: reasonText(detail), detail })
          })
      }
    }
    return report
  })
}

function draftToArticle(
  context: DeskContext,
  draft: ImportedDraft,
  taken: { has(slug: string): boolean },
  pending: { article: Article }[],
): Article {
  // Ids of this batch are not in the index until it is written.
  let id = context.newId()
  while (pending.some((entry) => entry.article.id === id)) id = context.newId()
  const section = draft.fields.section || context.settings().sections[0] || ''
  const article = newArticle(id, { ...draft.fields, section }, context.stamp())
  article.event = 'imported'
  article.visits = draft.visits ?? 0
  article.comments = draft.comments ?? 0
  article.slug = assignSlug(article, null, false, taken)
  return article
}

/** Points the body (and the featured image) at the name an image was stored under. */
function renameImage(article: Article, from: string, to: string): void {
  article.body = {
    ops: article.body.ops.map((op) =>
      typeof op.insert !== 'string' && op.insert.image === from
        ? { ...op, insert: { image: to } }
        : op,
    ),
  }
  if (article.featuredImage?.file === from)
    article.featuredImage = { ...article.featuredImage, file: to }
}
