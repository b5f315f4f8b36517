import { randomBytes } from 'node:crypto'
import { userInfo } from 'node:os'
import { openDesk } from '../core/desk.js'
import { openDeskDoor } from '../core/door/desk-door.js'
import { logStrayFailures } from '../core/stray-failures.js'
import { createDispatch } from '../core/dispatch.js'
import { startScheduler } from '../core/scheduler.js'
import { ensureBuilt, buildOutputs, projectDictionary } from '../launch/build.js'
import { startDeskServer } from './server.js'
import { stopOnSignals } from './stop-on-signals.js'

/** A running browser host: its URL, and how to stop it cleanly (releasing the lock). */
export interface BrowserHost {
  url: string
  stop(): Promise<void>
}

/** Builds what is missing, opens the desk, and serves it on 127.0.0.1 behind a fresh token. */
export async function startBrowserHost(options: {
  dataDir: string
  port: number
  log: (line: string) => void
}): Promise<BrowserHost> {
  await ensureBuilt(options.log)
  const desk = await openDesk({
    dataDir: options.dataDir,
    purpose: 'the browser host',
    liveTeam: true,
    backupOnClose: true,
    systemUser: safeUserName(),
    warn: (message) => options.log(`Midad: warning: ${message}`),
    spellingDictionary: projectDictionary,
  })
  try {
    const dispatch = createDispatch(desk.handlers, (method, error) =>
      options.log(`Midad: ${method} failed unexpectedly: ${(error as Error).stack ?? error}`),
    )
    const server = await startDeskServer({
      dispatch,
      rendererDir: buildOutputs.renderer,
      token: randomBytes(24).toString('base64url'),
      port: options.port,
      // On a team desk, an image of another desk's article is fetched when first shown.
      readMedia: (articleId, file) => desk.context.media(articleId, file),
    })
    // The CLI's team commands ask the desk that holds the replica (midad team status…).
    const door = await openDeskDoor(options.dataDir, dispatch)
    // The host's scheduler publishes scheduled articles while it runs.
    const stopScheduler = startScheduler(desk.context, { log: options.log })
    return {
      url: server.url,
      stop: async () => {
        stopScheduler()
        await door.close()
        await server.close()
        await desk.close()
      },
    }
  } catch (error) {
    await desk.close()
    throw error
  }
}

/** The system user's name, or nothing where the OS has none for this process. */
export function safeUserName(): string | undefined {
  try {
    return userInfo().username
  } catch {
    return undefined
  }
}

/**
 * Runs the browser host until Ctrl+C or a terminate signal: prints its one line on stdout
 * (design.md) and gives back its URL for an opener.
 */
export async function serveUntilStopped(options: {
  dataDir: string
  port: number
  log: (line: string) => void
}): Promise<string> {
  logStrayFailures(process, (line) => options.log(`Midad: ${line}`))
  const host = await startBrowserHost(options)
  process.stdout.write(`Midad: ${host.url}\n`)
  stopOnSignals(host.stop)
  return host.url
}
