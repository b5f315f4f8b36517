import { join } from 'node:path'
import type { Article } from '../../shared/article.js'
import type { DeskContext, Handlers } from './desk.js'
import { renderArticle } from './export/render-export.js'
import { writeExport } from './export/write-exports.js'
import { importSources } from './import/import-files.js'

/** Where exports go when no folder is named: the settings' folder, else `exports/` in the data dir. */
export function exportFolder(context: DeskContext): string {
  return context.settings().exportFolder || join(context.store.layout.dataDir, 'exports')
}

/** Reads the articles to export, in the order asked. */
async function articlesFor(context: DeskContext, ids: string[]): Promise<Article[]> {
  const articles: Article[] = []
  for (const id of [...new Set(ids)]) articles.push(await context.store.read(id))
  return articles
}

/** import.* and export.*: files in, files out. Exporting changes no article. */
export function transferHandlers(context: DeskContext): Handlers<'import'> & Handlers<'export'> {
  return {
    'import.files': ({ files, allowDuplicates }) =>
      importSources(
        context,
        files.map((file) => ({ name: file.name, bytes: Buffer.from(file.base64, 'base64') })),
        { allowDuplicates },
      ),
    'export.articles': async ({ ids, formats, folder, bundle, zip }) =>
      writeExport({
        articles: await articlesFor(context, ids),
        formats,
        folder: folder ?? exportFolder(context),
        settings: context.settings(),
        bundle,
        zip,
        now: context.clock(),
        printPdf: context.printPdf,
      }),
    'export.download': async ({ id, format }) => {
      const article = await context.store.read(id)
      const file = await renderArticle(article, format, context.settings(), context.printPdf)
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        base64: Buffer.from(file.bytes).toString('base64'),
      }
    },
  }
}
