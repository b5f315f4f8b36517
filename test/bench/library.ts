import { spawn, spawnSync } from 'node:child_process'
import { chromium } from '@playwright/test'
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { paragraphsToDelta } from '../../shared/delta.js'
import { newArticle } from '../../electron/core/articles.js'
import { openDesk } from '../../electron/core/desk.js'
import { newArticleId } from '../../electron/core/id.js'
import { chromiumArgs, findChromium } from '../e2e/host.js'

/**
 * `npm run bench -- --articles N` (default 10,000): a generated library of realistic Arabic
 * articles, and what issue #11 asks of it, each figure beside its same-run baseline and the
 * target for this machine. Figures only: nothing here passes or fails.
 */
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { articles: { type: 'string' } },
  strict: false,
})
const count = Number(values.articles ?? process.env.BENCH_ARTICLES ?? 10_000)
const large = count >= 50_000
const root = join(import.meta.dirname, '../..')

const fixture = await readFile(
  join(root, '../shared/fixtures/articles/kadhimi-security-coordination.txt'),
  'utf8',
)
const vocabulary = [...new Set(fixture.split(/[\s،.:"()]+/u).filter((w) => w.length > 1))]
// Words the fixture lacks, so that the library has a newsroom's spread of words.
for (let n = 0; n < 4000; n++) vocabulary.push(`كلمة${n.toString(36)}`)
let seed = 7
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]!
const sentence = (n: number) => Array.from({ length: n }, word).join(' ')

const ms = (start: number) => performance.now() - start
const p = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!
const line = (label: string, figure: string, baseline: string, target: string) =>
  console.log(`${label}: ${figure} | baseline ${baseline} | target ${target}`)

const work = await mkdtemp(join(tmpdir(), 'midad-bench-library-'))
const dataDir = join(work, 'library')
try {
  // The library, written straight to article files (as an older desk or a restore would leave it).
  await mkdir(join(dataDir, 'articles'), { recursive: true })
  let t = performance.now()
  const ids: string[] = []
  const start = Date.parse('2016-01-01T00:00:00Z')
  for (let n = 0; n < count; n++) {
    const id = newArticleId()
    ids.push(id)
    const at = new Date(start + n * 3_000_000)
    const article = newArticle(
      id,
      {
        headline: sentence(8),
        kicker: sentence(3),
        summary: sentence(20),
        section: ['العراق', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة'][n % 5]!,
        tags: [word(), word()],
        body: paragraphsToDelta(Array.from({ length: 8 }, () => sentence(60))),
      },
      { at, by: 'bench' },
    )
    await writeFile(join(dataDir, 'articles', `${id}.json`), JSON.stringify(article, null, 2))
  }
  console.log(
    `${count.toLocaleString('en')} generated articles (${(ms(t) / 1000).toFixed(1)} s to write); node ${process.version}`,
  )

  // Baseline: a plain scan of every article file.
  t = performance.now()
  for (const name of await readdir(join(dataDir, 'articles'))) {
    await readFile(join(dataDir, 'articles', name), 'utf8')
  }
  const scan = ms(t)

  // The first open builds the index and the search index from the files.
  t = performance.now()
  let desk = await openDesk({ dataDir, purpose: 'npm run bench' })
  await desk.close()
  line(
    'first open (index and search index built from the files)',
    `${(ms(t) / 1000).toFixed(1)} s`,
    `plain scan ${(scan / 1000).toFixed(1)} s`,
    'none set',
  )

  // Saves: p95 of 200 saves, beside the single-file store (every article in one JSON, fsynced).
  desk = await openDesk({ dataDir, purpose: 'npm run bench' })
  const saves: number[] = []
  for (let n = 0; n < 200; n++) {
    const id = ids[Math.floor(random() * ids.length)]!
    const current = await desk.handlers['articles.get'](id)
    t = performance.now()
    await desk.handlers['articles.save']({
      id,
      baseRevision: current.revision,
      changes: { kicker: sentence(3) },
    })
    saves.push(ms(t))
  }
  const sample = await Promise.all(
    ids.slice(0, Math.min(ids.length, 2_000)).map((id) => desk.handlers['articles.get'](id)),
  )
  const whole = Array.from({ length: count }, (_, n) => sample[n % sample.length])
  const singleFile: number[] = []
  for (let n = 0; n < 3; n++) {
    t = performance.now()
    // Stringified a thousand articles at a time: 100,000 of them are more than one string holds.
    const handle = await open(join(work, 'single.json'), 'w')
    await handle.write('{"articles":[')
    for (let at = 0; at < whole.length; at += 1000) {
      const piece = whole.slice(at, at + 1000).map((article) => JSON.stringify(article))
      await handle.write(`${at ? ',' : ''}${piece.join(',')}`)
    }
    await handle.write(']}')
    await handle.sync()
    await handle.close()
    singleFile.push(ms(t))
  }
  const save95 = p(saves, 0.95)
  const single = p(singleFile, 0.5)
  line(
    'articles.save p95',
    `${save95.toFixed(1)} ms (p50 ${p(saves, 0.5).toFixed(1)} ms)`,
    `single-file store ${single.toFixed(0)} ms, ratio 1/${Math.round(single / save95)}`,
    '≤ 10 ms, ≤ 1/50 of the single-file store',
  )
  await desk.close()

  // A fresh browser host: start to URL line, the first search, warm searches, memory.
  const startHost = async (data: string) => {
    const host = spawn(
      process.execPath,
      [join(root, 'electron/launch/serve.mjs'), '--data', data],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      host.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const match = /Midad: (http:\S+)/.exec(out)
        if (match) resolve(match[1]!)
      })
      host.on('exit', (code) => reject(new Error(`host exited ${code}`)))
    })
    return { host, url }
  }
  // Once on an empty library first: a host builds the app when its sources changed, and that
  // build is not the library's opening.
  const warmup = await startHost(join(work, 'empty'))
  warmup.host.kill('SIGTERM')
  await new Promise((resolve) => warmup.host.on('exit', resolve))
  t = performance.now()
  const { host, url } = await startHost(dataDir)
  const toUrl = ms(t)
  const nodeStart = performance.now()
  await new Promise((resolve) => spawn(process.execPath, ['-e', '0']).on('exit', resolve))
  const nodeAlone = ms(nodeStart)
  const { origin, searchParams } = new URL(url)
  const call = async (method: string, ...args: unknown[]) => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${searchParams.get('token')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(args),
    })
    return (await response.json()) as { ok: boolean; value: unknown }
  }
  line(
    'browser host: start to URL line',
    `${(toUrl / 1000).toFixed(2)} s`,
    `node -e 0 ${(nodeAlone / 1000).toFixed(2)} s`,
    large ? '≤ 3 s' : '≤ 1.5 s',
  )
  t = performance.now()
  await call('articles.search', { query: 'كلمةلاتوجد ' })
  const first = ms(t)
  line(
    'first search after the URL line (a word no article has)',
    `${first.toFixed(1)} ms`,
    `plain scan ${(scan / 1000).toFixed(1)} s, ratio 1/${Math.round(scan / first)}`,
    `${large ? '≤ 100 ms' : '≤ 50 ms'}, ≤ 1/10 of the plain scan`,
  )
  const warm: number[] = []
  for (let n = 0; n < 40; n++) {
    const query = `${word()} ${n % 3 === 0 ? word().slice(0, 3) : word() + ' '}`
    t = performance.now()
    await call('articles.search', { query, limit: 20 })
    warm.push(ms(t))
  }
  const warm95 = p(warm, 0.95)
  line(
    'warm search p95 (20 hits with snippets, over HTTP)',
    `${warm95.toFixed(1)} ms`,
    `plain scan ratio 1/${Math.round(scan / warm95)}`,
    `${large ? '≤ 30 ms' : '≤ 10 ms'}, ≤ 1/100 of the plain scan`,
  )
  t = performance.now()
  await call('articles.page', { offset: 0, limit: 50 })
  line('articles.page, first 50 rows', `${ms(t).toFixed(1)} ms`, '—', 'none set')
  const status = await readFile(`/proc/${host.pid}/status`, 'utf8').catch(() => '')
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
  line(
    'browser host memory after load and searches (RSS)',
    `${rss.toFixed(0)} MB`,
    '—',
    large ? '≤ 300 MB' : 'none set at 10,000',
  )
  host.kill('SIGTERM')
  await new Promise((resolve) => host.on('exit', resolve))

  // A fresh host again, and Chromium (started beforehand) opening its URL: to the first row.
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
  const page = await browser.newPage({ locale: 'ar-IQ' })
  t = performance.now()
  const again = await startHost(dataDir)
  const toUrlAgain = ms(t)
  t = performance.now()
  await page.goto(again.url)
  await page.getByRole('navigation', { name: 'المكتبة' }).locator('li').first().waitFor()
  // Painted: the frame after the row is in the page.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))))
  const painted = ms(t)
  line(
    'browser host: start to URL line (second start)',
    `${(toUrlAgain / 1000).toFixed(2)} s`,
    `node -e 0 ${(nodeAlone / 1000).toFixed(2)} s`,
    large ? '≤ 3 s' : '≤ 1.5 s',
  )
  line(
    'URL line to the first library row painted (Chromium)',
    `${(painted / 1000).toFixed(2)} s`,
    '—',
    large ? '≤ 1.5 s' : '≤ 1.0 s',
  )
  await browser.close()
  again.host.kill('SIGTERM')
  await new Promise((resolve) => again.host.on('exit', resolve))

  // The CLI: its fixed cost (the package's bin and npm's script), and a search's first page.
  const median = (command: string, args: string[]) => {
    const times: number[] = []
    for (let n = 0; n < 5; n++) {
      const start = performance.now()
      const run = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
      if (run.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${run.stderr}`)
      times.push(ms(start))
    }
    return p(times, 0.5) / 1000
  }
  const bin = join(root, 'electron/cli/bin.mjs')
  const node = median(process.execPath, ['-e', '0'])
  const help = median(process.execPath, [bin, '--help'])
  line(
    'midad --help (the bin)',
    `${help.toFixed(2)} s`,
    `node -e 0 ${node.toFixed(2)} s`,
    '≤ node -e 0 + 0.3 s',
  )
  const npmHelp = median('npm', ['run', '-s', 'midad', '--', '--help'])
  line(
    'npm run -s midad -- --help',
    `${npmHelp.toFixed(2)} s`,
    `node -e 0 ${node.toFixed(2)} s`,
    '≤ 0.5 s',
  )
  const cliSearch = median(process.execPath, [
    bin,
    'search',
    word(),
    '--data',
    dataDir,
    '--limit',
    '20',
  ])
  line(
    'midad search (first page of 20)',
    `${cliSearch.toFixed(2)} s`,
    `plain scan ${(scan / 1000).toFixed(1)} s`,
    'none set',
  )
} finally {
  await rm(work, { recursive: true, force: true })
}
