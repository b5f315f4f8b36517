import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseSiteText, serializeSiteText } from '../../shared/site-text.js'
import { defaultSettings } from '../../shared/settings.js'
import { openDesk } from '../../electron/core/desk.js'
import { articleHtmlPage } from '../../electron/core/export/html-page.js'
import { writeExport } from '../../electron/core/export/write-exports.js'
import { importSources } from '../../electron/core/import/import-files.js'
import { fixtureFolder } from '../unit/fixtures.js'

/**
 * `npm run bench`: import 10,000 site-format articles and export 1,000 to HTML, each printed
 * as articles per second beside a baseline measured in the same run, and the target.
 * Figures only: nothing here passes or fails.
 */
const importCount = Number(process.env.BENCH_IMPORT ?? 10_000)
const exportCount = Number(process.env.BENCH_EXPORT ?? 1_000)
const zone = defaultSettings.timeZone
const fixture = join(fixtureFolder, 'kadhimi-security-coordination.txt')

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9
const rate = (count: number, time: number) =>
  `${Math.round(count / time).toLocaleString('en')} articles/s`
const report = (label: string, count: number, time: number, baseline: number, target: string) =>
  console.log(
    `${label}: ${time.toFixed(2)} s, ${rate(count, time)} | baseline ${baseline.toFixed(2)} s, ${rate(count, baseline)} | ratio ${(time / baseline).toFixed(1)}× | target ${target}`,
  )

const work = await mkdtemp(join(tmpdir(), 'midad-bench-'))
try {
  const parsed = parseSiteText(await readFile(fixture, 'utf8'), zone)
  if (!parsed.ok) throw new Error(parsed.message)
  const source = join(work, 'articles')
  await import('node:fs/promises').then((fs) => fs.mkdir(source))
  const start = Date.parse(parsed.article.publishedAt)
  for (let i = 0; i < importCount; i++) {
    const text = serializeSiteText(
      {
        ...parsed.article,
        headline: `${parsed.article.headline} ${i + 1}`,
        publishedAt: new Date(start + i * 60_000).toISOString(),
      },
      zone,
    )
    await writeFile(join(source, `${String(i).padStart(5, '0')}.txt`), text)
  }
  const names = (await readdir(source)).sort()
  console.log(
    `${importCount} site-format articles, ${exportCount} exported to HTML; node ${process.version}`,
  )

  let t = process.hrtime.bigint()
  for (const name of names) parseSiteText(await readFile(join(source, name), 'utf8'), zone)
  const readParse = seconds(t)

  const desk = await openDesk({ dataDir: join(work, 'library'), purpose: 'npm run bench' })
  t = process.hrtime.bigint()
  for (let i = 0; i < names.length; i += 500) {
    const batch = await Promise.all(
      names
        .slice(i, i + 500)
        .map(async (name) => ({ name, bytes: await readFile(join(source, name)) })),
    )
    const result = await importSources(desk.context, batch)
    if (result.failed.length) throw new Error(JSON.stringify(result.failed[0]))
  }
  report(
    'import',
    importCount,
    seconds(t),
    readParse,
    `≤ 10 s for 10,000, 100,000 ≤ 10× the 10,000 time (read and parse without storing as the baseline)`,
  )

  const ids = desk.context.store.summaries.slice(0, exportCount).map((entry) => entry.id)
  const articles = await Promise.all(ids.map((id) => desk.context.store.read(id)))
  t = process.hrtime.bigint()
  for (const article of articles) await articleHtmlPage(article, defaultSettings)
  const renderOnly = seconds(t)
  t = process.hrtime.bigint()
  await writeExport({
    articles,
    formats: ['html'],
    folder: join(work, 'exports'),
    settings: defaultSettings,
    now: new Date(),
  })
  report(
    'export html',
    articles.length,
    seconds(t),
    renderOnly,
    '≤ 10 s for 1,000 (rendering without writing as the baseline)',
  )

  await desk.close()
} finally {
  await rm(work, { recursive: true, force: true })
}
