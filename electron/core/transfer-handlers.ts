import { isAbsolute, join, posix, relative, resolve } from 'node:path'
import { reason } from '../../shared/reasons.js'
import { DeskFailure } from './failure.js'
import type { Article } from '../../shared/article.js'
import type { DeskContext, Handlers } from './desk-context.js'
import { renderArticle } from './export/render-export.js'
import { renderExport, writeExport } from './export/write-exports.js'
import { refuseClashes, renderBundle, zipBundle } from './export/bundle.js'
import type { RenderedFile } from './export/render-export.js'
import { feedFileName } from '../../shared/export-formats.js'
import { importSources } from './import/import-files.js'
import { linkedAmong } from './import/draft-images.js'
import type { MediaReader } from './media.js'

/** Where exports go when no folder is named: the settings' folder, else `exports/` in the data dir. */
export function exportFolder(context: DeskContext): string {
  return context.settings().exportFolder || join(context.store.layout.dataDir, 'exports')
}

/**
 * The folder an export asked for by a window (IPC or HTTP) may write to: the settings' export
 * folder, one the editor chose in the desktop app's dialog, or a folder inside the data dir (a relative path is taken from the data dir, never
 * from the process's working directory). Anything else is refused: a page must not be able to
 * write files wherever it names. (The CLI's `--out` is the terminal user's own choice.)
 */
export function allowedExportFolder(context: DeskContext, asked: string | undefined): string {
  const configured = resolve(exportFolder(context))
  if (asked === undefined) return configured
  const dataDir = resolve(context.store.layout.dataDir)
  const wanted = resolve(dataDir, asked)
  const inside = (folder: string) => {
    const path = relative(folder, wanted)
    return path === '' || (!path.startsWith('..') && !isAbsolute(path))
  }
  if (wanted === configured || inside(dataDir) || context.chosenFolders.has(wanted)) return wanted
  throw DeskFailure.of(
    'invalid-input',
    `exports go to the settings' folder or inside the data dir, not to ${asked}`,
    reason('export-folder-not-allowed', { folder: asked }),
  )
}

const mediaOf =
  (context: DeskContext): MediaReader =>
  (articleId, file) =>
    context.media(articleId, file)

/** Reads the articles to export, in the order asked. */
async function articlesFor(context: DeskContext, ids: string[]): Promise<Article[]> {
  const articles: Article[] = []
  for (const id of [...new Set(ids)]) articles.push(await context.store.read(id))
  return articles
}

/** A rendered file as the contract sends it to a window to save. */
const downloadOf = (file: RenderedFile) => ({
  fileName: file.fileName,
  mimeType: file.mimeType,
  base64: Buffer.from(file.bytes).toString('base64'),
})

/** What rendering the given articles needs from the desk. */
function renderRequest(context: DeskContext, articles: Article[]) {
  return {
    articles,
    settings: context.settings(),
    now: context.clock(),
    printPdf: context.printPdf,
    media: mediaOf(context),
  }
}

/** import.*, export.* and media.*: files in, files out. Exporting changes no article. */
export function transferHandlers(
  context: DeskContext,
): Handlers<'import'> & Handlers<'export'> & Handlers<'media'> {
  return {
    'media.add': ({ articleId, fileName, base64 }) =>
      context.serially(async () => {
        await context.store.read(articleId)
        const file = await context.store.addMedia(
          articleId,
          fileName,
          Buffer.from(base64, 'base64'),
        )
        return { file }
      }),
    'import.files': ({ files, allowDuplicates, images = [] }) => {
      const attached = new Map(
        images.map((image) => [
          posix.normalize(image.name),
          new Uint8Array(Buffer.from(image.base64, 'base64')),
        ]),
      )
      return importSources(
        context,
        files.map((file) => ({
          name: file.name,
          bytes: Buffer.from(file.base64, 'base64'),
          linkedImage: attached.size ? linkedAmong(attached, file.name) : undefined,
        })),
        { allowDuplicates },
      )
    },
    'export.articles': async ({ ids, formats, folder, bundle, zip }) =>
      writeExport({
        articles: await articlesFor(context, ids),
        formats,
        folder: allowedExportFolder(context, folder),
        settings: context.settings(),
        bundle,
        zip,
        now: context.clock(),
        printPdf: context.printPdf,
        media: mediaOf(context),
      }),
    'export.chooseFolder': async () => {
      if (!context.chooseFolder)
        throw DeskFailure.of(
          'refused',
          'choosing a folder needs the desktop app',
          reason('folder-needs-desktop'),
        )
      const chosen = await context.chooseFolder()
      if (chosen === null) return { folder: null }
      const folder = resolve(chosen)
      context.chosenFolders.add(folder)
      return { folder }
    },
    'export.download': async ({ id, format }) => {
      const article = await context.store.read(id)
      // A feed downloads as the feed of this one article; every other format as its file.
      const [file] = feedFileName[format]
        ? await renderExport({ ...renderRequest(context, [article]), formats: [format] })
        : [
            await renderArticle(
              article,
              format,
              context.settings(),
              context.printPdf,
              mediaOf(context),
            ),
          ]
      return downloadOf(file!)
    },
    'export.zip': async ({ ids, formats }) => {
      const request = { ...renderRequest(context, await articlesFor(context, ids)), formats }
      const rendered = await renderExport(request)
      refuseClashes(rendered)
      const bundle = await renderBundle(request, rendered)
      return downloadOf({
        fileName: `${bundle.name}.zip`,
        mimeType: 'application/zip',
        bytes: zipBundle(bundle),
      })
    },
  }
}
