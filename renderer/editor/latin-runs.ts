import type { Delta, DeltaOp } from '../../shared/article.js'
import { bidiPieces, hasLatinRun } from '../../shared/bidi.js'
import { touchedRanges } from './auto-direction.js'
import Inline from 'quill/blots/inline'
import { Quill } from './quill-setup.js'

type Line = NonNullable<ReturnType<Quill['getLine']>[0]>
/**
 * A Latin run inside right-to-left text, as the editor draws it: `<bdi dir="ltr">`, so that
 * `"OPEC+"` keeps its sign beside its letters. It is drawing only: the desk puts it on and takes
 * it off as the text changes, and it never reaches a saved Delta (`withoutLatinRuns`).
 */
class LatinRun extends Inline {
  static override blotName = 'latin'
  static override tagName = 'BDI'

  static override create(value?: unknown): HTMLElement {
    const node = super.create(value) as HTMLElement
    node.setAttribute('dir', 'ltr')
    return node
  }

  static override formats(): boolean {
    return true
  }
}

Quill.register(LatinRun, true)

/** The format's name, for the editor's list of formats. */
export const latinRunFormat = 'latin'

/** The Delta as saved: the same text and formats, without the drawing of Latin runs. */
export function withoutLatinRuns(delta: Delta): Delta {
  const ops: DeltaOp[] = []
  for (const op of delta.ops) {
    let plain = op
    if (op.attributes && latinRunFormat in op.attributes) {
      const attributes = { ...op.attributes }
      delete attributes[latinRunFormat]
      plain = Object.keys(attributes).length ? { ...op, attributes } : { insert: op.insert }
    }
    // The runs split the text into ops of their own: joined again where nothing else differs.
    const last = ops.at(-1)
    if (
      last &&
      typeof last.insert === 'string' &&
      typeof plain.insert === 'string' &&
      JSON.stringify(last.attributes ?? {}) === JSON.stringify(plain.attributes ?? {})
    ) {
      ops[ops.length - 1] = { ...last, insert: last.insert + plain.insert }
    } else ops.push(plain)
  }
  return { ops }
}

/** Where a line's text is drawn isolated now: `start:length` of each <bdi>, from its nodes. */
function drawnRuns(node: HTMLElement): string[] {
  const runs: string[] = []
  let at = 0
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
  let open: { element: Element; start: number } | null = null
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const bdi = text.parentElement?.closest('bdi') ?? null
    if (open && open.element !== bdi) {
      runs.push(`${open.start}:${at - open.start}`)
      open = null
    }
    if (bdi && !open) open = { element: bdi, start: at }
    at += text.textContent?.length ?? 0
  }
  if (open) runs.push(`${open.start}:${at - open.start}`)
  return runs
}

/**
 * Puts the Latin runs of one line in place, where they are not already (nothing else moves).
 * Read from the line's own nodes, so a keystroke costs the line, not the document; only a line
 * whose runs must change is found in the document and formatted.
 */
function drawLine(quill: Quill, line: Line, rightToLeft: boolean): void {
  const node = line.domNode as HTMLElement
  const text = node.textContent ?? ''
  // Most lines of Arabic copy hold no Latin and no drawn run; a line with an image is left
  // alone (its text offsets are not Quill's).
  if (!hasLatinRun(text) && !node.querySelector('bdi')) return
  if (node.querySelector('img')) return
  const rtl = rightToLeft || node.classList.contains('ql-direction-rtl')
  const wanted: string[] = []
  if (rtl) {
    let at = 0
    for (const piece of bidiPieces(text)) {
      if (piece.isolate) wanted.push(`${at}:${piece.text.length}`)
      at += piece.text.length
    }
  }
  if (wanted.join() === drawnRuns(node).join()) return
  const index = quill.getIndex(line)
  quill.formatText(index, text.length, latinRunFormat, false, 'silent')
  for (const run of wanted) {
    const [start, size] = run.split(':').map(Number)
    quill.formatText(index + start!, size!, latinRunFormat, true, 'silent')
  }
}

/** Past this length a document's Latin runs are drawn only where it is edited, not all at once. */
const wholeDocumentLimit = 200_000

/**
 * Keeps the Latin runs of right-to-left paragraphs (every line, with `rightToLeft`: a field that
 * is right to left throughout) drawn as written while the writer types:
 * only the lines a change touched are looked at; a loaded document is gone through a few lines
 * at a time when the editor is idle, so opening a long article waits for none of it.
 */
export function drawLatinRuns(
  quill: Quill,
  options: { rightToLeft?: boolean } = {},
): { stop: () => void; redraw: () => void } {
  const rightToLeft = options.rightToLeft ?? false
  let pending: Line[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const drainSome = () => {
    timer = undefined
    for (const line of pending.splice(0, 50))
      if (quill.root.contains(line.domNode)) drawLine(quill, line, rightToLeft)
    if (pending.length) timer = setTimeout(drainSome, 0)
  }
  const later = (lines: Line[]) => {
    if (quill.getLength() > wholeDocumentLimit) return
    pending.push(...lines)
    timer ??= setTimeout(drainSome, 0)
  }
  const onText = (delta: {
    ops: { retain?: unknown; insert?: unknown; delete?: number; attributes?: object }[]
  }) => {
    const lines = new Set<Line>()
    // Typed or deleted text, and formats changed (a paragraph's direction above all).
    const ranges = touchedRanges(delta.ops)
    let at = 0
    for (const op of delta.ops) {
      if (typeof op.retain !== 'number') {
        at += typeof op.insert === 'string' ? op.insert.length : op.insert ? 1 : 0
        continue
      }
      if (op.attributes) ranges.push({ index: at, length: op.retain, typed: null })
      at += op.retain
    }
    for (const range of ranges) {
      for (const line of quill.getLines(range.index, Math.max(1, range.length)) as Line[])
        lines.add(line)
      if (lines.size > 50) break
    }
    if (lines.size > 50) later(quill.getLines() as Line[])
    else for (const line of lines) drawLine(quill, line, rightToLeft)
  }
  quill.on('text-change', onText)
  later(quill.getLines() as Line[])
  return {
    stop: () => {
      clearTimeout(timer)
      pending = []
      quill.off('text-change', onText)
    },
    // After a silent change (a new text set from outside), which sends no text-change.
    redraw: () => later(quill.getLines() as Line[]),
  }
}
