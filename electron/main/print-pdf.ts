import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow } from 'electron'

/**
 * Prints a standalone HTML page to PDF in a hidden, sandboxed window with scripts off: the
 * exported page holds only our own escaped markup and embedded fonts. Loaded from a temp file
 * of its own: Chromium refuses a `data:` URL past 2 MB (an article with a photo).
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'midad-print-'))
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, javascript: false },
  })
  try {
    const page = join(folder, 'article.html')
    await writeFile(page, html)
    await window.loadFile(page)
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true })
    return new Uint8Array(pdf)
  } finally {
    window.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}
