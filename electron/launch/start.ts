import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { serveUntilStopped } from '../web/browser-host.js'
import { readHostOptions } from '../web/host-options.js'
import { ensureBuilt, projectRoot } from './build.js'
import { locateElectron } from './locate-electron.js'
import { openInBrowser } from './open-browser.js'
import { canConnect, downloadProbeTarget } from './reachability.js'

const log = (line: string) => process.stderr.write(`${line}\n`)
const electronDir = join(projectRoot, 'node_modules', 'electron')

/**
 * `npm start`: builds what is missing, then starts the desktop app. Where the Electron runtime
 * is missing and its download cannot even connect, says so in one line and opens the same desk
 * through the browser host instead.
 */
async function main(): Promise<number> {
  const options = readHostOptions(process.argv.slice(2), log)
  if (!options) return 2
  await ensureBuilt(log)
  let binary = locateElectron(electronDir, process.env)
  if (binary.path === null && (await canConnect(downloadProbeTarget(process.env)))) {
    log('Midad: downloading the Electron runtime (first start only)…')
    spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' })
    binary = locateElectron(electronDir, process.env)
  }
  if (binary.path !== null) {
    const args = [projectRoot, `--data=${options.dataDir}`]
    const app = spawn(binary.path, args, { stdio: 'inherit' })
    return new Promise((resolve) => app.on('exit', (code) => resolve(code ?? 0)))
  }

  log(
    `Midad: Electron cannot start here (${binary.reason}; its download cannot connect), so the desk opens in the browser instead.`,
  )
  openInBrowser(await serveUntilStopped({ ...options, log }), process.env)
  return 0
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code)
  },
  (error: unknown) => {
    log(`Midad: ${(error as Error).message ?? String(error)}`)
    process.exit(1)
  },
)
