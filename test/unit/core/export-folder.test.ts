import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.js'
import { createDispatch } from '../../../electron/core/dispatch.js'
import { tempDir } from '../temp-dir.js'

describe('where a window may export to', () => {
  it('the settings folder or inside the data dir; elsewhere, relative escapes and null bytes refused', async () => {
    const dataDir = await tempDir()
    const elsewhere = await tempDir()
    const configured = join(await tempDir(), 'site-exports')
    const desk = await openDesk({ dataDir, purpose: 'test' })
    try {
      const call = createDispatch(desk.handlers)
      const { id } = await desk.handlers['articles.create']({ headline: 'خبر' })
      const exported = (folder?: string) =>
        call('export.articles', [{ ids: [id], formats: ['text'], ...(folder ? { folder } : {}) }])

      // Refused: what a page could name to write anywhere; nothing is written there.
      for (const folder of [
        elsewhere,
        join(elsewhere, 'x'),
        '../outside',
        '/tmp',
        join(dataDir, '..'),
      ]) {
        const result = await exported(folder)
        expect(result, folder).toMatchObject({
          ok: false,
          error: { code: 'invalid-input', details: [{ code: 'export-folder-not-allowed' }] },
        })
      }
      expect(existsSync(join(elsewhere, 'x'))).toBe(false)
      expect(existsSync(join(dataDir, '..', 'outside'))).toBe(false)
      const nul = await exported(join(dataDir, 'a\0b'))
      expect(nul).toMatchObject({ ok: false, error: { code: 'invalid-input' } })

      // Allowed: inside the data dir (a relative path is taken from it, not from the process's
      // working directory), and the settings' folder wherever it is.
      expect(await exported('exports/today')).toMatchObject({ ok: true })
      expect(existsSync(join(dataDir, 'exports', 'today'))).toBe(true)
      expect(existsSync(join(process.cwd(), 'exports', 'today'))).toBe(false)
      expect(await exported(join(dataDir, 'other'))).toMatchObject({ ok: true })
      await desk.handlers['settings.update']({ exportFolder: configured })
      expect(await exported(configured)).toMatchObject({ ok: true })
      expect(await exported()).toMatchObject({ ok: true })
      expect(existsSync(configured)).toBe(true)
      const badSetting = await call('settings.update', [{ exportFolder: '/tmp/a\0b' }])
      expect(badSetting).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      // Where there is no folder dialog (the browser host), choosing one is refused.
      expect(await call('export.chooseFolder', [])).toMatchObject({
        ok: false,
        error: { code: 'refused', details: [{ code: 'folder-needs-desktop' }] },
      })
    } finally {
      await desk.close()
    }
  })

  it('a folder the editor chose in the desktop dialog, and only once chosen', async () => {
    const dataDir = await tempDir()
    const picked = join(await tempDir(), 'chosen')
    let answer: string | null = null
    const desk = await openDesk({ dataDir, purpose: 'test', chooseFolder: async () => answer })
    try {
      const call = createDispatch(desk.handlers)
      const { id } = await desk.handlers['articles.create']({ headline: 'خبر' })
      const exported = () =>
        call('export.articles', [{ ids: [id], formats: ['text'], folder: picked }])
      expect(await exported()).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      // Cancelled: nothing is allowed.
      expect(await call('export.chooseFolder', [])).toEqual({ ok: true, value: { folder: null } })
      expect(await exported()).toMatchObject({ ok: false })
      answer = picked
      expect(await call('export.chooseFolder', [])).toEqual({ ok: true, value: { folder: picked } })
      expect(await exported()).toMatchObject({ ok: true })
      expect(existsSync(picked)).toBe(true)
    } finally {
      await desk.close()
    }
  })
})
