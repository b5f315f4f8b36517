import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Adds up the unit (Vitest) and e2e (Playwright) JSON reports into one closing line,
 * `N passed, N failed, N skipped`, for CI. Counts only what the reports say ran.
 */
const results = join(import.meta.dirname, '..', 'test-results')

async function readJson(name: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(results, name), 'utf8'))
  } catch {
    return null
  }
}

const unit = (await readJson('unit.json')) as {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
} | null
const e2e = (await readJson('e2e.json')) as {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number }
} | null

const passed = (unit?.numPassedTests ?? 0) + (e2e ? e2e.stats.expected + e2e.stats.flaky : 0)
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0)
const skipped = (unit ? unit.numPendingTests + unit.numTodoTests : 0) + (e2e?.stats.skipped ?? 0)
if (!unit) process.stderr.write('no unit test report (test-results/unit.json)\n')
if (!e2e) process.stderr.write('no e2e test report (test-results/e2e.json)\n')
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`)
