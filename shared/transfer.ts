import { z } from 'zod'
import {
  articleFieldsPatchSchema,
  articleIdSchema,
  editingSeqSchema,
  editingSessionSchema,
  pathText,
} from './schemas.js'
import type { ArticleFields } from './article.js'
import type { Reason } from './reasons.js'
import { exportFormats } from './export-formats.js'

/** What an import did, file by file. */
export interface ImportReport {
  imported: { file: string; id: string; headline: string }[]
  duplicates: { file: string; headline: string }[]
  /** `reason` in English (the CLI's line); `detail` the same as data, for the UI to word. */
  failed: { file: string; reason: string; detail?: Reason }[]
  warnings: { file: string; message: string; detail?: Reason }[]
}

/** One file an export wrote. */
export interface ExportedFile {
  path: string
  bytes: number
  sha256: string
}

/** What an export wrote, and where. */
export interface ExportResult {
  folder: string
  files: ExportedFile[]
}

/** One exported file handed to the page, for a browser download. */
export interface DownloadFile {
  fileName: string
  mimeType: string
  base64: string
}

/** An export format name. */
export const exportFormatSchema = z.enum(exportFormats)

/** `import.files`: file contents as base64 (uploads in the browser host, dialogs in Electron). */
export const importFilesSchema = z.strictObject({
  files: z
    .array(
      z.strictObject({
        name: pathText(1024).min(1),
        base64: z.base64(),
      }),
    )
    .min(1)
    .max(1000),
  allowDuplicates: z.boolean().optional(),
  /**
   * Images the files link to by relative path, named by their path in the same chosen folder
   * (`archive/صور/a.png` for `archive/خبر.md` linking `صور/a.png`); only these can be read.
   */
  images: z
    .array(z.strictObject({ name: pathText(1024).min(1), base64: z.base64() }))
    .max(1000)
    .optional(),
})

/** `export.articles`: which articles, which formats, and where (default: the settings' folder). */
export const exportArticlesSchema = z.strictObject({
  ids: z.array(articleIdSchema).min(1).max(20_000),
  formats: z.array(exportFormatSchema).min(1),
  /** The settings' folder, or one inside the data dir (a relative path is taken from there). */
  folder: pathText(4096).min(1).optional(),
  bundle: z.boolean().optional(),
  zip: z.boolean().optional(),
})

/** `export.zip`: articles in formats, as one zip to download (the browser's way to a batch). */
export const exportZipSchema = z.strictObject({
  ids: z.array(articleIdSchema).min(1).max(20_000),
  formats: z.array(exportFormatSchema).min(1),
})

/** `export.download`: one article in one format (a feed of that one article, for the feeds). */
export const exportDownloadSchema = z.strictObject({
  id: articleIdSchema,
  format: exportFormatSchema,
})

/** `media.add`: an image for an article, copied into the library. */
export const mediaAddSchema = z.strictObject({
  articleId: articleIdSchema,
  fileName: pathText(255).min(1),
  base64: z.base64().max(21_000_000),
})

/** `recovery.put`: what the editor has not saved yet, kept by the host in the data dir. */
export const recoveryPutSchema = z.strictObject({
  id: articleIdSchema,
  baseRevision: z.number().int().min(1),
  changes: articleFieldsPatchSchema,
  /** Without one, the copy is the desk's single unnamed session's. */
  session: editingSessionSchema.optional(),
  seq: editingSeqSchema.optional(),
})

/** An unsaved copy found at start: text that never landed in its article. */
export interface RecoveryCopy {
  id: string
  /** The editing session the text came from. */
  session: string
  headline: string
  savedAt: string
  baseRevision: number
  /** The article's revision now; above `baseRevision`, it changed after the copy was made. */
  currentRevision: number
  changes: Partial<ArticleFields>
}
