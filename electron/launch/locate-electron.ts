import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the Electron runtime is, or why there is none; never starts a download. */
export type ElectronBinary = { path: string } | { path: null; reason: string }

/**
 * Finds the Electron binary the way the `electron` package would, without requiring it
 * (requiring it starts a download when the binary is missing): ELECTRON_OVERRIDE_DIST_PATH,
 * else `node_modules/electron/dist` as named by its `path.txt`.
 */
export function locateElectron(
  electronPackageDir: string,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ElectronBinary {
  const pathFile = join(electronPackageDir, 'path.txt')
  const named = exists(pathFile) ? read(pathFile).trim() : null
  const executable = named ?? defaultExecutable(platform)
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable)
    return exists(path)
      ? { path }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${executable}` }
  }
  if (!named) {
    return {
      path: null,
      reason: 'its runtime was never downloaded (node_modules/electron has no path.txt)',
    }
  }
  const path = join(electronPackageDir, 'dist', named)
  return exists(path)
    ? { path }
    : { path: null, reason: `the Electron runtime is missing: ${path}` }
}

function defaultExecutable(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe'
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  return 'electron'
}
