import { existsSync } from 'node:fs'
import { chromium, defineConfig } from '@playwright/test'
import { chromiumArgs } from './test/e2e/host.js'

/** Chromium for the e2e tests: CHROMIUM_PATH, Debian's, or Playwright's own download. */
function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', chromium.executablePath()]
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)))
  if (!found) {
    throw new Error(
      `No Chromium for the e2e tests. Looked at: ${candidates.filter(Boolean).join(', ')}. ` +
        'Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
    )
  }
  return found
}

export default defineConfig({
  globalSetup: './test/e2e/global-setup.ts',
  // Playwright empties its output folder: keep it apart from the unit report beside it.
  outputDir: 'test-results/e2e-artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: [
    {
      name: 'browser-host',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        locale: 'ar-IQ',
        launchOptions: {
          executablePath: findChromium(),
          args: chromiumArgs,
        },
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
})
