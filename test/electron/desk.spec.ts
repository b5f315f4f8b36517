import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { locateElectron } from '../../electron/launch/locate-electron.js'

const projectRoot = join(import.meta.dirname, '..', '..')
const binary = locateElectron(join(projectRoot, 'node_modules', 'electron'), process.env)

// The Electron runtime is on neither npm nor Debian: where it was never downloaded (as on our
// CI machines) this spec cannot run, and says why instead of pretending.
const skipReason = binary.path === null ? `no Electron runtime here: ${binary.reason}` : ''
if (skipReason) process.stderr.write(`Electron specs skipped: ${skipReason}\n`)
test.skip(Boolean(skipReason), skipReason)

test('the desktop app keeps an article across a relaunch', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'midad-electron-'))
  const launch = () =>
    electron.launch({
      executablePath: binary.path ?? '',
      args: [projectRoot, `--data=${dataDir}`],
      env: { ...process.env, MIDAD_DATA_DIR: dataDir },
    })
  try {
    let app = await launch()
    let window = await app.firstWindow()
    await expect(window.locator('html')).toHaveAttribute('dir', 'rtl')
    expect(await window.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
      'undefined',
    )
    await window.getByRole('button', { name: 'مقال جديد' }).click()
    await window.getByLabel('العنوان').fill('مقال من سطح المكتب')
    await expect(window.locator('.save-status')).toHaveAttribute('data-status', 'saved')
    await app.close()

    app = await launch()
    window = await app.firstWindow()
    await expect(window.getByRole('navigation', { name: 'المكتبة' })).toContainText(
      'مقال من سطح المكتب',
    )
    await app.close()
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('the desktop shell: its own scheme, no permission but notifications, no pop-up, no Node', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'midad-electron-'))
  try {
    const app = await electron.launch({
      executablePath: binary.path ?? '',
      args: [projectRoot, `--data=${dataDir}`],
      env: { ...process.env, MIDAD_DATA_DIR: dataDir },
    })
    const page = await app.firstWindow()
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    expect(await page.evaluate(() => location.href)).toBe('midad://app/index.html')
    const shell = await page.evaluate(async () => ({
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      popup: window.open('https://news.example/') === null,
      process: typeof (globalThis as { process?: unknown }).process,
      csp: Boolean(document.querySelector('meta[http-equiv="Content-Security-Policy"]')),
    }))
    expect(shell).toEqual({ geolocation: 'denied', popup: true, process: 'undefined', csp: true })
    // Navigation away is refused: the page is still ours.
    await page.evaluate(() => (location.href = 'https://news.example/')).catch(() => undefined)
    await page.waitForTimeout(500)
    expect(await page.evaluate(() => location.protocol)).toBe('midad:')
    await app.close()
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})
