import { expect, test } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startTeamServer } from '../unit/team/team-server.js'
import { type RunningHost, api, freshDataDir, startHost } from './host.js'

// Two browser hosts on two data dirs, joined to one team server (`npm run team-server`).
test('two desks on one team: a story crosses within 2 s, a same-field collision is chosen in the UI, and each says who else has a story open', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const serverData = await freshDataDir()
  let server = await startTeamServer(serverData.dir)
  const port = Number(new URL(server.url).port)
  const url = `${server.url}newsroom`
  const dirs = [await freshDataDir(), await freshDataDir()]
  const hosts: RunningHost[] = []
  for (const dir of dirs) hosts.push(await startHost(dir.dir))
  const [hostA, hostB] = hosts as [RunningHost, RunningHost]
  const pageA = await browser.newPage()
  const pageB = await browser.newPage()
  try {
    // Desk A joins from Settings, as an editor would; desk B through the same contract.
    await pageA.goto(hostA.url)
    await pageA.getByRole('button', { name: 'الإعدادات' }).click()
    await pageA.getByLabel('عنوان قاعدة الفريق').fill(url)
    await pageA.getByRole('button', { name: 'انضمام إلى الفريق' }).click()
    const teamRegion = pageA.getByRole('region', { name: 'العمل مع الفريق' })
    await expect(teamRegion).toContainText('منضمّة إلى')
    await teamRegion.getByRole('button', { name: 'زامن الآن' }).click()
    await expect(teamRegion.getByRole('status')).toContainText('تمت المزامنة')
    await pageB.goto(hostB.url)
    await api(pageB, hostB, 'team.join', { url })
    await expect(pageB.locator('.team-status')).toHaveAttribute('data-team', 'online', {
      timeout: 10_000,
    })

    // A story saved on A is in B's library within 2 s.
    let story = await api(pageA, hostA, 'articles.create', {
      headline: 'خبر يعبر بين الطاولتين',
      body: { ops: [{ insert: 'نص الخبر.\n' }] },
    })
    await expect(pageB.getByRole('button', { name: /خبر يعبر بين الطاولتين/ })).toBeVisible({
      timeout: 2_000,
    })

    // A picture added on A is not copied to B with the story: B's host fetches it from the
    // team when it is first asked for, and serves the same bytes.
    const picture = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'icon.png'))
    const { file } = await api(pageA, hostA, 'media.add', {
      articleId: story.id,
      fileName: 'صورة.png',
      base64: picture.toString('base64'),
    })
    story = await api(pageA, hostA, 'articles.save', {
      id: story.id,
      baseRevision: story.revision,
      changes: { featuredImage: { file, caption: '', alt: 'صورة' } },
    })
    await expect
      .poll(async () => (await api(pageB, hostB, 'articles.get', story.id)).featuredImage?.file)
      .toBe(file)
    const onDiskB = join(dirs[1]!.dir, 'media', story.id, file)
    expect(existsSync(onDiskB)).toBe(false)
    const served = await pageB.request.get(
      `${hostB.origin}/media/${story.id}/${encodeURIComponent(file)}?token=${hostB.token}`,
    )
    expect(served.status()).toBe(200)
    expect(Buffer.from(await served.body()).equals(picture)).toBe(true)
    expect(existsSync(onDiskB)).toBe(true)

    // The story open on B, with nothing unsaved: a change made on A shows in it.
    await pageB.getByRole('button', { name: /خبر يعبر بين الطاولتين/ }).click()
    story = await api(pageA, hostA, 'articles.save', {
      id: story.id,
      baseRevision: story.revision,
      changes: { source: 'وكالة الأنباء' },
    })
    await expect(pageB.getByLabel('المصدر', { exact: true })).toHaveValue('وكالة الأنباء', {
      timeout: 3_000,
    })

    // Offline on both: the server stops, each desk changes the same field its own way.
    await server.stop()
    await expect(pageA.locator('.team-status')).toHaveAttribute('data-team', 'offline', {
      timeout: 15_000,
    })
    await expect(pageA.locator('.team-status')).toContainText('غير متصل منذ')
    const onB = await api(pageB, hostB, 'articles.get', story.id)
    await api(pageA, hostA, 'articles.save', {
      id: story.id,
      baseRevision: story.revision,
      changes: { kicker: 'تمهيد الطاولة الأولى' },
    })
    await api(pageB, hostB, 'articles.save', {
      id: story.id,
      baseRevision: onB.revision,
      changes: { kicker: 'تمهيد الطاولة الثانية' },
    })
    server = await startTeamServer(serverData.dir, port)

    // Both desks list the collision; B's editor takes A's kicker from the dialog.
    const conflicts = pageB.getByRole('button', { name: /تعارضات: 1/ })
    await expect(conflicts).toBeVisible({ timeout: 45_000 })
    await conflicts.click()
    const dialog = pageB.getByRole('dialog', { name: 'تعارضات الفريق' })
    const field = dialog.getByRole('group', { name: /العنوان الفرعي/ })
    await expect(field.getByRole('radio', { name: /نسختي/ })).toBeChecked()
    await expect(field).toContainText('تمهيد الطاولة الثانية')
    await expect(field).toContainText('تمهيد الطاولة الأولى')
    await field.getByRole('radio', { name: /نسختهم/ }).check()
    await dialog.getByRole('button', { name: 'اعتماد الاختيار' }).click()
    await expect(dialog).toContainText('لا تعارضات')
    await expect
      .poll(async () => (await api(pageA, hostA, 'articles.get', story.id)).kicker, {
        timeout: 15_000,
      })
      .toBe('تمهيد الطاولة الأولى')
    expect((await api(pageB, hostB, 'articles.get', story.id)).kicker).toBe('تمهيد الطاولة الأولى')
    await expect.poll(async () => (await api(pageA, hostA, 'team.status')).conflicts).toBe(0)

    // B still has the story open: opened on A too, A is told so (and nothing is locked); once
    // B opens another, A stops saying it.
    await pageA.getByRole('button', { name: 'العودة إلى المكتب' }).click()
    await pageA.getByRole('button', { name: /خبر يعبر بين الطاولتين/ }).click()
    const presence = pageA.locator('.presence-notice')
    await expect(presence).toContainText('مفتوحة للتحرير الآن أيضًا', { timeout: 8_000 })
    await expect(pageA.getByLabel('المصدر', { exact: true })).toBeEditable()
    await pageB.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await pageB.getByRole('button', { name: 'مقال جديد' }).click()
    await expect(presence).toHaveCount(0, { timeout: 8_000 })
  } finally {
    await pageA.close()
    await pageB.close()
    for (const host of hosts) await host.stop()
    await server.stop()
    for (const dir of [...dirs, serverData]) await dir.remove()
  }
})
