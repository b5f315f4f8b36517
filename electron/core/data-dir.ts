import { join } from 'node:path'

/** What decides the default data dir; passed in so each platform can be tested anywhere. */
export interface DataDirContext {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  homedir: string
}

/**
 * The data dir: `--data DIR` beats `MIDAD_DATA_DIR`, which beats the platform's default, the
 * same folder Electron's `userData` is for an app named Midad.
 */
export function resolveDataDir(flag: string | undefined, context: DataDirContext): string {
  if (flag) return flag
  if (context.env.MIDAD_DATA_DIR) return context.env.MIDAD_DATA_DIR
  const { platform, env, homedir } = context
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', 'Midad')
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir, 'AppData', 'Roaming'), 'Midad')
  return join(env.XDG_CONFIG_HOME || join(homedir, '.config'), 'Midad')
}
