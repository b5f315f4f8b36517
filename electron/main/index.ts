import { bundledDictionary } from '../core/spelling/dictionary.js'
import { homedir, userInfo } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow, Menu, app, dialog, safeStorage, session, shell } from 'electron'
import { resolveDataDir } from '../core/data-dir.js'
import { type Desk, openDesk } from '../core/desk.js'
import { createDispatch } from '../core/dispatch.js'
import { openDeskDoor } from '../core/door/desk-door.js'
import { logStrayFailures } from '../core/stray-failures.js'
import { keychainSeal } from './keychain.js'
import { startScheduler } from '../core/scheduler.js'
import { bindDeskIpc } from './ipc.js'
import { serveMedia } from './media-protocol.js'
import { registerDeskSchemes, serveApp } from './app-protocol.js'
import { appIndexUrl } from './app-scheme.js'
import { guardApp, guardSession } from './guards.js'
import { menuTemplate } from './menu.js'
import { printHtmlToPdf } from './print-pdf.js'
import { createDeskWindow } from './window.js'

// Set before anything reads userData: it makes userData the default data dir (design.md).
app.setName('Midad')
registerDeskSchemes()

const dataFlag = process.argv.find((arg) => arg.startsWith('--data='))?.slice('--data='.length)
const dataDir = resolveDataDir(dataFlag, {
  platform: process.platform,
  env: process.env,
  homedir: homedir(),
})
// The renderer from our own scheme (electron-vite's dev server while developing).
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? appIndexUrl
const rendererDir = join(import.meta.dirname, '..', 'renderer')
const preloadPath = join(import.meta.dirname, '..', 'preload', 'index.cjs')
guardApp(app, rendererUrl, (url) => shell.openExternal(url))

let desk: Desk | null = null
let window: BrowserWindow | null = null
/** What the host started (IPC handlers, the scheduler), undone on quit before the desk closes. */
const started: (() => void)[] = []
const log = (message: string) => console.error(`Midad: ${message}`)
logStrayFailures(process, log)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.whenReady().then(start, (error: unknown) => fatal(String(error)))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    if (!desk) return
    event.preventDefault()
    for (const stop of started.splice(0).reverse()) stop()
    const closing = desk
    desk = null
    void closing.close().finally(() => app.quit())
  })
}

async function start(): Promise<void> {
  try {
    desk = await openDesk({
      dataDir,
      purpose: 'the desktop app',
      liveTeam: true,
      passwordKeeping: { seal: keychainSeal(safeStorage, process.platform) },
      backupOnClose: true,
      systemUser: userInfo().username,
      printPdf: printHtmlToPdf,
      // An export folder the editor picks: the core lets exports go there (export.chooseFolder).
      chooseFolder: async () => {
        const options: Electron.OpenDialogOptions = {
          properties: ['openDirectory', 'createDirectory'],
        }
        const picked = window
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options)
        return picked.canceled ? null : (picked.filePaths[0] ?? null)
      },
      warn: log,
      // The packaged app's root holds assets/ beside out/ (electron-builder.yml's files).
      spellingDictionary: bundledDictionary(join(import.meta.dirname, '..', '..')),
    })
  } catch (error) {
    return fatal((error as Error).message)
  }
  const settings = await desk.handlers['settings.get']()
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(settings.language)))
  // What the core did not expect is logged (the page gets an `io` failure).
  const dispatch = createDispatch(desk.handlers, (method, error) =>
    log(`${method} failed unexpectedly: ${(error as Error).stack ?? String(error)}`),
  )
  started.push(bindDeskIpc(dispatch, rendererUrl))
  // The CLI's team commands ask the desk that holds the replica (midad team status…).
  const door = await openDeskDoor(dataDir, dispatch).catch((error: unknown) => {
    log(`the CLI cannot reach this desk: ${(error as Error).message}`)
    return null
  })
  if (door) started.push(() => void door.close())
  guardSession(session.defaultSession, rendererUrl)
  serveApp(rendererDir)
  serveMedia(desk.context.media)
  started.push(startScheduler(desk.context, { log: (line) => console.log(line) }))
  window = createDeskWindow({
    rendererUrl,
    preloadPath,
    title: settings.language === 'en' ? 'Midad' : 'مداد',
  })
}

function fatal(message: string): void {
  dialog.showErrorBox('مداد — Midad', message)
  app.exit(1)
}
