import type { CliIo } from './io.js'

/**
 * A progress line on stderr for long work: shown only past a few items, at most every 5%, so
 * that a log stays short; `done()` ends it.
 */
export function progressLine(label: string, total: number, io: CliIo) {
  let shown = -1
  const update = (done: number) => {
    if (total <= 5) return
    const percent = Math.floor((done * 100) / total)
    if (percent < shown + 5 && done !== total) return
    shown = percent
    io.err(`${label} ${done}/${total} (${percent}%)`)
  }
  return Object.assign(update, { done: () => undefined })
}
