import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

/**
 * `npm run bench [-- --articles N]`: the library bench (save, search, start, memory) at N
 * articles (default 10,000), the import/export bench (importing N files), house style and
 * spelling of a 10,000-word article, then the editor bench.
 */
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { articles: { type: 'string' }, only: { type: 'string' } },
})
const articles = values.articles ?? '10000'
if (!/^\d+$/.test(articles)) throw new Error('--articles takes a number')
const benches = ['library', 'import-export', 'proofing', 'team', 'editor'].filter(
  (name) => !values.only || values.only.split(',').includes(name),
)
for (const name of benches) {
  console.log(`\n== ${name} ==`)
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, `${name}.ts`)],
    {
      stdio: 'inherit',
      env: { BENCH_ARTICLES: articles, BENCH_IMPORT: articles, ...process.env },
    },
  )
  if (run.status !== 0) process.exit(run.status ?? 1)
}
