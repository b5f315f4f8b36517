import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkHouseStyle } from '../../shared/house-style.js'
import { parseSiteText } from '../../shared/site-text.js'
import { defaultSettings } from '../../shared/settings.js'
import { distinctWords } from '../../shared/spelling.js'
import { loadSpeller } from '../../electron/core/spelling/speller.js'
import { projectDictionary } from '../../electron/launch/build.js'
import { fixtureFolder } from '../unit/fixtures.js'

/**
 * `npm run bench`: house style and spelling of a 10,000-word article made of the site's own
 * copy (its errors included), each beside a baseline measured in the same run (one pass over
 * the same text; the same words looked up in a Set) and the target for this machine.
 * Figures only: nothing here passes or fails.
 */
const words = Number(process.env.BENCH_WORDS ?? 10_000)
const runs = 15

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0
const timed = (work: () => unknown) => {
  const t = process.hrtime.bigint()
  work()
  return ms(t)
}
const report = (label: string, time: number, baseline: number, target: string) =>
  console.log(
    `${label}: ${time.toFixed(1)} ms | baseline ${baseline.toFixed(1)} ms | ratio ${(time / Math.max(baseline, 0.01)).toFixed(1)}× | target ${target}`,
  )

const site = await readFile(join(fixtureFolder, 'kadhimi-security-coordination.txt'), 'utf8')
const parsed = parseSiteText(site, defaultSettings.timeZone)
if (!parsed.ok) throw new Error(parsed.message)
const copy = parsed.article.paragraphs

// Paragraphs of the site's copy until the article has `words` words, each with ten made-up
// words of its own, so the spellchecker meets new words throughout (most of the article's
// distinct words, nearly all misspelled: harder than real copy).
const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي'
const madeUp = (n: number) => {
  let word = 'ال'
  for (let k = n + letters.length; k > 0; k = Math.floor(k / letters.length))
    word += letters[k % letters.length]
  return word
}
const paragraphs: string[] = [parsed.article.headline]
let count = 0
for (let i = 0; count < words; i++) {
  const extra = Array.from({ length: 10 }, (_, k) => madeUp(i * 10 + k)).join(' ')
  const text = `${copy[i % copy.length]!} ${extra}`
  paragraphs.push(text)
  count += text.split(/\s+/).length
}
console.log(
  `${count} words in ${paragraphs.length - 1} paragraphs, ${distinctWords(paragraphs).length} distinct; node ${process.version}`,
)

// House style: the whole article, as the editor checks it when typing pauses.
const style = Array.from({ length: runs }, () => timed(() => checkHouseStyle(paragraphs)))
const pass = Array.from({ length: runs }, () =>
  timed(() => paragraphs.reduce((n, p) => n + (p.match(/[\p{L}\p{M}]+/gu)?.length ?? 0), 0)),
)
const findings = checkHouseStyle(paragraphs).length
report(
  `house style, whole article (${findings} findings), median of ${runs}`,
  median(style),
  median(pass),
  '≤ 100 ms',
)

// Spelling: the dictionary loaded once per desk, then what a check costs with nothing known.
const t = process.hrtime.bigint()
const speller = await loadSpeller(projectDictionary)
console.log(`spelling: dictionary loaded in ${ms(t).toFixed(0)} ms (once per desk, on first use)`)
const known = new Set(distinctWords(paragraphs).slice(0, 100))
const lookup = (texts: string[]) => distinctWords(texts).filter((key) => known.has(key))

const whole = Array.from({ length: 5 }, () => {
  speller.know([]) // forgets every answer: each run starts cold
  return timed(() => speller.misspelled(distinctWords(paragraphs)))
})
const wholeBaseline = median(Array.from({ length: 5 }, () => timed(() => lookup(paragraphs))))
report('spelling, whole article, cold, median of 5', median(whole), wholeBaseline, '≤ 2,000 ms')

const sample = paragraphs.slice(1, 101)
const one = sample.map((paragraph) => {
  speller.know([])
  return timed(() => speller.misspelled(distinctWords([paragraph])))
})
const oneBaseline = sample.map((paragraph) => timed(() => lookup([paragraph])))
report('spelling, one paragraph, cold, p95 of 100', p95(one), p95(oneBaseline), '≤ 20 ms')

const misspelled = speller.misspelled(distinctWords(paragraphs)).length
const warm = Array.from({ length: 5 }, () =>
  timed(() => speller.misspelled(distinctWords(paragraphs))),
)
report(
  `spelling, whole article, answers kept (${misspelled} misspelled), median of 5`,
  median(warm),
  wholeBaseline,
  'none (what a settled edit costs the desk)',
)
