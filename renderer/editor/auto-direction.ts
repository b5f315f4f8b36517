import { firstStrong } from '../../shared/bidi.js'
import type { Quill } from './quill-setup.js'

type Line = NonNullable<ReturnType<Quill['getLine']>[0]>

/** The index ranges a change touched, in the document after it, with any text it typed. */
export function touchedRanges(ops: { retain?: unknown; insert?: unknown; delete?: number }[]) {
  const ranges: { index: number; length: number; typed: string | null }[] = []
  let at = 0
  for (const op of ops) {
    if (typeof op.retain === 'number') at += op.retain
    else if (op.insert !== undefined) {
      const typed = typeof op.insert === 'string' ? op.insert : null
      const length = typed?.length ?? 1
      // Inserts one after another are one range: a paste is one, however many ops it has
      // (each range costs a walk of the document's lines).
      const last = ranges.at(-1)
      if (last && last.index + last.length === at && last.length > 0) {
        last.length += length
        last.typed = last.typed !== null && typed !== null ? last.typed + typed : null
      } else ranges.push({ index: at, length, typed })
      at += length
    } else if (op.delete) ranges.push({ index: at, length: 0, typed: null })
  }
  return ranges
}

/**
 * A paragraph's direction follows its first strong letter whenever that letter's direction
 * changes through the writer's typing (a new paragraph after an English one turns right to left
 * as soon as Arabic is typed into it); set by hand (Ctrl+Shift+X), it stays until then. Pasted
 * and loaded paragraphs keep the direction they came with. Only the lines a change touched are
 * looked at; what each said last is kept per line, so nothing grows with the document.
 */
export function followFirstStrongLetter(quill: Quill): () => void {
  const seen = new WeakMap<Line, 'rtl' | 'ltr' | null>()
  const remember = (range: { index: number } | null) => {
    const [line] = range ? quill.getLine(range.index) : [null]
    if (line && !seen.has(line)) seen.set(line, firstStrong(line.domNode.textContent ?? ''))
  }
  const onSelection = (range: { index: number } | null) => remember(range)
  const onText = (
    delta: { ops: { retain?: unknown; insert?: unknown; delete?: number }[] },
    _old: unknown,
    source: string,
  ) => {
    if (source !== 'user') return
    for (const range of touchedRanges(delta.ops)) {
      // Typing touches a line or two; a paste or an undo of many lines keeps the directions it
      // brings, and is not walked line by line (finding each line's place costs a walk too).
      const typing = range.typed !== null && !range.typed.includes('\n')
      const lines = quill.getLines(range.index, Math.max(1, range.length)) as Line[]
      if (lines.length > 3 && !typing) continue
      for (const line of lines) {
        let before = seen.get(line)
        if (before === undefined && !typing) continue
        // The line's own text, read from its nodes: no walk of the document on a keystroke.
        const text = (line.domNode as HTMLElement).textContent ?? ''
        const now = firstStrong(text)
        // Letters typed into a line not seen yet (the new one after Enter): its text without them.
        if (before === undefined && range.typed) before = firstStrong(text.replace(range.typed, ''))
        seen.set(line, now)
        // Lines a paste made keep the direction they came with.
        if (before === undefined || now === null || now === before) continue
        const index = quill.getIndex(line)
        const formats = quill.getFormat(index, 0)
        if ((formats.direction === 'rtl') === (now === 'rtl')) continue
        // The alignment follows only where it was the old direction's own.
        const ownAlign = now === 'rtl' ? !formats.align : formats.align === 'right'
        quill.formatLine(
          index,
          1,
          now === 'rtl'
            ? { direction: 'rtl', ...(ownAlign ? { align: 'right' } : {}) }
            : { direction: false, ...(ownAlign ? { align: false } : {}) },
          'user',
        )
      }
    }
  }
  quill.on('selection-change', onSelection)
  quill.on('text-change', onText)
  remember(quill.getSelection())
  return () => {
    quill.off('selection-change', onSelection)
    quill.off('text-change', onText)
  }
}
