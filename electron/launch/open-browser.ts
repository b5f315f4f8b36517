import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

/** The command that opens a URL in the user's browser here, or null when there is none. */
export function browserOpener(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  hasCommand: (name: string) => boolean,
): { command: string; args: (url: string) => string[] } | null {
  if (platform === 'darwin') return { command: 'open', args: (url) => [url] }
  if (platform === 'win32') {
    return { command: 'cmd', args: (url) => ['/c', 'start', '""', url.replace(/&/g, '^&')] }
  }
  // A server or a CI machine has no display: there is nothing to open a browser on.
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null
  return hasCommand('xdg-open') ? { command: 'xdg-open', args: (url) => [url] } : null
}

/** Whether an executable is on PATH. */
export function onPath(name: string, env: Record<string, string | undefined>): boolean {
  return (env.PATH ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, name), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

/** Opens the URL without waiting on the opener; true when one was started. */
export function openInBrowser(url: string, env: Record<string, string | undefined>): boolean {
  const opener = browserOpener(process.platform, env, (name) => onPath(name, env))
  if (!opener) return false
  const child = spawn(opener.command, opener.args(url), { detached: true, stdio: 'ignore' })
  child.on('error', () => undefined)
  child.unref()
  return true
}
