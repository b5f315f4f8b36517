import { reason } from '../../../shared/reasons.js'
import type { Article } from '../../../shared/article.js'
import {
  type ExportFormat,
  articleFileExtension,
  exportMimeType,
} from '../../../shared/export-formats.js'
import type { Settings } from '../../../shared/settings.js'
import { fitFileName, safeFileStem } from '../../../shared/slug.js'
import { DeskFailure } from '../failure.js'
import type { MediaReader } from '../media.js'
import {
  articleImageFiles,
  articleSiteText,
  embeddedImages,
  exportImageName,
} from './article-views.js'
import { articleDocx } from './docx.js'
import { articleHtmlPage } from './html-page.js'
import { articleMarkdown } from './markdown.js'
import { articleNinjs } from './ninjs.js'

/** One exported file, in memory. */
export interface RenderedFile {
  fileName: string
  mimeType: string
  bytes: Uint8Array
  /** Whose file it is in an export folder: an article's id, or `feeds` for the batch's feeds. */
  owner?: string
}

const utf8 = (text: string) => new TextEncoder().encode(text)

/** `<slug>.<ext>`, safe on every platform; the id stands in for a missing slug. */
export function exportFileName(article: Article, extension: string): string {
  return fitFileName(safeFileStem(article.slug || article.id), `.${extension}`)
}

/** Prints a standalone HTML page to PDF: only a host with a browser engine (Electron) has one. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>

/** Renders one article in one per-article format. */
export async function renderArticle(
  article: Article,
  format: ExportFormat,
  settings: Settings,
  printPdf?: PdfPrinter,
  media?: MediaReader,
): Promise<RenderedFile> {
  const extension = articleFileExtension[format]
  if (!extension)
    throw DeskFailure.of(
      'invalid-input',
      `${format} is a feed of many articles, not one article's file`,
      reason('feed-not-article', { format }),
    )
  const file = (bytes: Uint8Array): RenderedFile => ({
    fileName: exportFileName(article, extension),
    mimeType: exportMimeType[format],
    bytes,
  })
  switch (format) {
    case 'text':
      return file(utf8(articleSiteText(article, settings)))
    case 'html':
      return file(utf8(await articleHtmlPage(article, settings, media)))
    case 'ninjs':
      return file(utf8(`${JSON.stringify(articleNinjs(article, settings), null, 2)}\n`))
    case 'markdown':
      // On its own (a download), the file holds its images as data URLs, as the HTML page does.
      return file(utf8(articleMarkdown(article, settings, await embeddedImages(article, media))))
    case 'docx':
      return file(await articleDocx(article, settings, media))
    default:
      // The PDF is the HTML page (the preview's renderer) printed by the desktop app.
      if (printPdf) return file(await printPdf(await articleHtmlPage(article, settings, media)))
      throw DeskFailure.of(
        'refused',
        'PDF export needs the desktop app (it prints the preview); use html and print it, or run Midad with Electron',
        reason('pdf-needs-desktop'),
      )
  }
}

/**
 * The article as Markdown for a folder, bundle or zip: its library images as files beside it
 * (`<slug>-<file>`), which the Markdown links to and `midad import` reads back.
 */
export async function renderMarkdownWithImages(
  article: Article,
  settings: Settings,
  media?: MediaReader,
): Promise<RenderedFile[]> {
  const images: RenderedFile[] = []
  const names = new Map<string, string>()
  for (const file of articleImageFiles(article)) {
    const found = media ? await media(article.id, file) : null
    if (!found || names.has(file)) continue
    const fileName = exportImageName(article, file)
    names.set(file, fileName)
    images.push({ fileName, mimeType: found.type, bytes: found.bytes })
  }
  const markdown = articleMarkdown(article, settings, (file) => names.get(file) ?? null)
  return [
    {
      fileName: exportFileName(article, articleFileExtension.markdown ?? 'md'),
      mimeType: exportMimeType.markdown,
      bytes: utf8(markdown),
    },
    ...images,
  ]
}
