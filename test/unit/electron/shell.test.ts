import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { appFileFor, appIndexUrl } from '../../../electron/main/app-scheme.js'
import { guardContents, guardSession } from '../../../electron/main/guards.js'
import { isAllowedPermission } from '../../../electron/main/permissions.js'
import { isTrustedSender } from '../../../electron/main/trust.js'

const root = join(import.meta.dirname, '..', '..', '..')
const rendererDir = '/opt/Midad/resources/app.asar/out/renderer'

describe("the desktop app's own scheme", () => {
  it('serves the renderer folder’s files, with their types', () => {
    expect(appFileFor(appIndexUrl, rendererDir)).toEqual({
      path: `${rendererDir}/index.html`,
      type: 'text/html; charset=utf-8',
    })
    expect(appFileFor('midad://app/', rendererDir)?.path).toBe(`${rendererDir}/index.html`)
    expect(appFileFor('midad://app/assets/index-8z.js?v=1#x', rendererDir)).toMatchObject({
      path: `${rendererDir}/assets/index-8z.js`,
      type: 'text/javascript; charset=utf-8',
    })
    expect(appFileFor('midad://app/assets/noto-naskh.woff2', rendererDir)?.type).toBe('font/woff2')
  })

  it('serves nothing outside it, of another host or scheme, or of a kind the app has none of', () => {
    // A URL's own dots are resolved by the URL: they stay inside the folder.
    expect(appFileFor('midad://app/../../x.json', rendererDir)?.path).toBe(`${rendererDir}/x.json`)
    // Dots in any spelling, slashes and backslashes encoded: never a file outside the folder.
    for (const url of [
      'midad://app/%2e%2e/%2e%2e/etc/passwd.html',
      'midad://app/assets/..%2f..%2f..%2fsecret.js',
      'midad://app/assets%5c..%5c..%5cx.js',
      'midad://app/.%2e/.%2e/x.css',
    ]) {
      const file = appFileFor(url, rendererDir)
      expect(file === null || file.path.startsWith(`${rendererDir}/`), url).toBe(true)
    }
    for (const url of [
      'midad://app/assets%5c..%5c..%5cx.js',
      'midad://app/a%00.html',
      'midad://app/%E0%A4%A.html',
      'midad://other/index.html',
      'file:///opt/Midad/resources/app.asar/out/renderer/index.html',
      'midad-media://media/x/y.png',
      'midad://app/index.exe',
      'midad://app/.env',
      'not a url',
    ]) {
      expect(appFileFor(url, rendererDir), url).toBeNull()
    }
  })

  it('is the page IPC trusts, and a file:// page is not', () => {
    expect(isTrustedSender({ url: appIndexUrl, parent: null }, appIndexUrl)).toBe(true)
    const file = 'file:///opt/Midad/resources/app.asar/out/renderer/index.html'
    expect(isTrustedSender({ url: file, parent: null }, appIndexUrl)).toBe(false)
  })
})

describe('permissions', () => {
  it('grants notifications to our page only, and nothing else to anyone', () => {
    expect(isAllowedPermission('notifications', appIndexUrl, appIndexUrl)).toBe(true)
    expect(isAllowedPermission('notifications', 'midad://app/', appIndexUrl)).toBe(true)
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      expect(isAllowedPermission(permission, appIndexUrl, appIndexUrl), permission).toBe(false)
    }
    // Opaque origins share "null": a data: page is not our page.
    for (const url of [
      'data:text/html,<p>x',
      'https://news.example/',
      'file:///x',
      '',
      undefined,
    ]) {
      expect(isAllowedPermission('notifications', url, appIndexUrl), String(url)).toBe(false)
    }
  })

  it('are the handlers the session gets, for requests and for checks', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {}
    guardSession(
      {
        setPermissionRequestHandler: (handler) => (handlers.request = handler as never),
        setPermissionCheckHandler: (handler) => (handlers.check = handler as never),
      },
      appIndexUrl,
    )
    const answers: boolean[] = []
    const contents = { getURL: () => appIndexUrl }
    const request = handlers.request as unknown as (...args: unknown[]) => void
    request(contents, 'notifications', (ok: boolean) => answers.push(ok), {
      requestingUrl: appIndexUrl,
    })
    request(contents, 'media', (ok: boolean) => answers.push(ok), { requestingUrl: appIndexUrl })
    expect(answers).toEqual([true, false])
    const check = handlers.check as unknown as (...args: unknown[]) => boolean
    expect(check(contents, 'notifications', 'midad://app')).toBe(true)
    expect(check(contents, 'geolocation', 'midad://app')).toBe(false)
  })
})

describe('every web contents the app creates', () => {
  it('attaches no webview, navigates nowhere else, opens no window', () => {
    const on: Record<string, (event: { preventDefault: () => void }, url?: string) => void> = {}
    let openHandler: ((details: { url: string }) => { action: string }) | null = null
    const opened: string[] = []
    guardContents(
      {
        on: ((name: string, listener: never) => (on[name] = listener)) as never,
        setWindowOpenHandler: ((handler: never) => (openHandler = handler)) as never,
      },
      appIndexUrl,
      async (url) => void opened.push(url),
    )
    const prevented = (name: string, url?: string) => {
      let stopped = false
      on[name]!({ preventDefault: () => (stopped = true) }, url)
      return stopped
    }
    expect(prevented('will-attach-webview')).toBe(true)
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true)
    expect(prevented('will-redirect', 'file:///etc/passwd')).toBe(true)
    // The canary: our own page (a reload) is let through.
    expect(prevented('will-navigate', appIndexUrl)).toBe(false)
    expect(openHandler!({ url: 'https://news.example/a' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://news.example/a'])
  })
})

describe('packaging', () => {
  it('flips the fuses the checklist asks for', () => {
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config.asar).toBe(true)
    expect(config.files).toContain('assets/spelling/**')
  })
})
