import { defineConfig } from '@playwright/test'
import { chromiumArgs, findChromium } from './test/e2e/host.js'

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
