import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openDesk } from '../../electron/core/desk.js'
import { paragraphsToDelta } from '../../shared/delta.js'
import { freshDataDir, startHost } from './host.js'

test('a schedule that passed while the desk was closed is shown in the banner, and only it', async ({
  page,
}) => {
  const data = await freshDataDir()
  try {
    // Scheduled for a morning the desk was closed through; other stories beside it.
    const morning = new Date('2026-01-05T06:00:00Z')
    const desk = await openDesk({ dataDir: data.dir, purpose: 'a test', clock: () => morning })
    const { handlers } = desk
    await handlers['settings.update']({ exportFolder: join(data.dir, 'out') })
    const article = await handlers['articles.create']({
      headline: 'خبر فات موعده',
      body: paragraphsToDelta(['نص الخبر']),
    })
    await handlers['queue.move']({ id: article.id, to: 'in_review' })
    await handlers['queue.move']({ id: article.id, to: 'ready' })
    await handlers['queue.move']({ id: article.id, to: 'scheduled', at: '2026-01-05T06:05:00Z' })
    for (const headline of ['مسودة أولى', 'مسودة ثانية']) {
      await handlers['articles.create']({ headline })
    }
    await desk.close()

    const host = await startHost(data.dir)
    try {
      await page.goto(host.url)
      const banner = page.getByRole('alert', { name: 'مقالات فات موعد نشرها' })
      await expect(banner).toContainText('خبر فات موعده')
      await expect(banner).not.toContainText('مسودة')
    } finally {
      await host.stop()
    }
  } finally {
    await data.remove()
  }
})
