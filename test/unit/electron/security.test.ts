import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../../electron/main/external-links.js'
import { menuTemplate } from '../../../electron/main/menu.js'
import { isAllowedNavigation, isTrustedSender } from '../../../electron/main/trust.js'
import { secureWebPreferences } from '../../../electron/main/web-preferences.js'

const renderer = 'file:///opt/Midad/resources/app.asar/out/renderer/index.html'

describe('web preferences', () => {
  it('sandbox and isolate the renderer, with no Node', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // Chromium's own spellchecker downloads dictionaries: the desk's is used instead.
      spellcheck: false,
    })
  })
})

describe('the IPC sender check', () => {
  it('trusts only the main frame of our own page', () => {
    expect(isTrustedSender({ url: renderer, parent: null }, renderer)).toBe(true)
    expect(isTrustedSender({ url: `${renderer}#article`, parent: null }, renderer)).toBe(true)
    expect(isTrustedSender({ url: renderer, parent: {} }, renderer)).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, renderer)).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, renderer)).toBe(false)
    expect(isTrustedSender({ url: 'not a url', parent: null }, renderer)).toBe(false)
    expect(isTrustedSender(null, renderer)).toBe(false)
  })
})

describe('the navigation guard', () => {
  it('allows reloading our page and nothing else', () => {
    expect(isAllowedNavigation(renderer, renderer)).toBe(true)
    expect(isAllowedNavigation('https://news.example/', renderer)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', renderer)).toBe(false)
    expect(isAllowedNavigation('javascript:alert(1)', renderer)).toBe(false)
  })
})

describe('external links', () => {
  it('lets only http, https and mailto out', () => {
    expect(isSafeExternalUrl('https://news.example/a')).toBe(true)
    expect(isSafeExternalUrl('mailto:desk@news.example')).toBe(true)
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'x', 7]) {
      expect(isSafeExternalUrl(bad), String(bad)).toBe(false)
    }
  })
})

describe('menus', () => {
  it('speak Arabic or English', () => {
    const labels = (language: 'ar' | 'en') => menuTemplate(language).map((item) => item.label)
    expect(labels('ar')).toEqual(['مداد', 'تحرير', 'عرض', 'نافذة'])
    expect(labels('en')).toEqual(['Midad', 'Edit', 'View', 'Window'])
  })
})
