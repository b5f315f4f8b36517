import { BrowserWindow } from 'electron'

/**
 * Prints a standalone HTML page to PDF in a hidden, sandboxed window with scripts off: the
 * exported page holds only our own escaped markup and embedded fonts.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, javascript: false },
  })
  try {
    await window.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
    )
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true })
    return new Uint8Array(pdf)
  } finally {
    window.destroy()
  }
}
