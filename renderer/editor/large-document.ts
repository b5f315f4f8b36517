import type Quill from 'quill'
import type { Delta as QuillDelta } from 'quill'

type Op = QuillDelta['ops'][number]

interface ListNode {
  prev: ListNode | null
  next: ListNode | null
}
interface LinkedList {
  head: ListNode | null
  remove(node: ListNode): void
}

// Called for every pair of neighbouring ops on every edit: primitives are compared directly.
function sameAttributes(a: Op['attributes'], b: Op['attributes']): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  for (const key of keys) {
    const x = a[key]
    const y = b[key]
    if (x === y) continue
    if (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y))
      return false
  }
  return true
}

/**
 * The document's Delta in one pass. Quill builds it by concatenating each line's Delta to the
 * whole so far, which copies the whole each time: quadratic in the number of lines. Quill
 * calls it on every edit that is not plain ASCII typing — every Arabic keystroke.
 * (Known upstream: slab/quill#2149.) Lines cache their own Deltas, so those are never changed.
 */
function documentDelta(quill: Quill, Delta: typeof QuillDelta): QuillDelta {
  const ops: Op[] = []
  for (const line of quill.scroll.lines()) {
    for (const op of (line as unknown as { delta(): QuillDelta }).delta().ops) {
      const last = ops[ops.length - 1]
      if (
        last &&
        typeof last.insert === 'string' &&
        typeof op.insert === 'string' &&
        sameAttributes(last.attributes, op.attributes)
      ) {
        ops[ops.length - 1] = { ...last, insert: last.insert + op.insert }
      } else ops.push(op)
    }
  }
  return new Delta(ops)
}

/**
 * Parchment's child lists check whether a node is already in the list by walking the whole
 * list before every insertion, so building a document of n paragraphs costs n². A node with no
 * neighbours that is not the head cannot be in the list: that case skips the walk, which is
 * every newly built line. Behaviour is otherwise the library's own. Set on this editor's own
 * list of lines only (Parchment 3.0.0's `insertBefore` calls `this.remove`): no prototype is
 * touched, so other editors on the page stay plain Quill. No upstream issue was found for this
 * walk (searched slab/parchment and slab/quill); the tripwire tests fail if it stops applying.
 */
function skipWalkForNewNodes(list: LinkedList): void {
  const remove = list.remove.bind(list)
  list.remove = (node: ListNode) => {
    if (node.prev === null && node.next === null && list.head !== node) return
    remove(node)
  }
}

const sameInsert = (a: Op['insert'], b: Op['insert']) =>
  a === b ||
  (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))

const sameOp = (a: Op, b: Op) =>
  sameInsert(a.insert, b.insert) && sameAttributes(a.attributes, b.attributes)

const opLength = (op: Op) => (typeof op.insert === 'string' ? op.insert.length : 1)

type Cursor = Parameters<QuillDelta['diff']>[1]

/**
 * What changed between two versions of the document, diffing only the ops between their common
 * first and last ops. Quill's own diff walks every op of both versions on every edit that is not
 * plain ASCII typing; after one keystroke almost all of them are the same.
 */
export function changeBetween(
  before: QuillDelta,
  after: QuillDelta,
  cursor: Cursor,
  Delta: typeof QuillDelta,
): QuillDelta {
  const a = before.ops
  const b = after.ops
  let start = 0
  let offset = 0
  while (start < a.length && start < b.length && sameOp(a[start]!, b[start]!)) {
    offset += opLength(a[start]!)
    start++
  }
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && sameOp(a[endA - 1]!, b[endB - 1]!)) {
    endA--
    endB--
  }
  // The selection disambiguates the diff ("aa" to "aaa": which a was typed?); it moves with the
  // ops left out in front.
  const shifted =
    typeof cursor === 'object'
      ? {
          oldRange: { ...cursor.oldRange, index: cursor.oldRange.index - offset },
          newRange: { ...cursor.newRange, index: cursor.newRange.index - offset },
        }
      : typeof cursor === 'number'
        ? cursor - offset
        : undefined
  const middle = new Delta(a.slice(start, endA)).diff(new Delta(b.slice(start, endB)), shifted)
  // Chopped as Quill's own: a change that only retains is no change (no text-change event).
  return new Delta().retain(offset).concat(middle).chop()
}

interface QuillEditor {
  delta: QuillDelta
  getDelta(): QuillDelta
  update(change: QuillDelta | null, mutations?: MutationRecord[], cursor?: Cursor): QuillDelta
}

/** The Quill and Parchment versions these changes were written against and tested with. */
export const fittedFor = { quill: '2.0.3', parchment: '3.0.0' }

/**
 * Makes Quill linear where it is quadratic or walks the whole document on each edit. Each
 * change is set on this editor's own objects (its list of lines, its editor), never on a
 * prototype; test/unit/renderer/large-document.test.ts holds a tripwire for each.
 */
export function fitForLongArticles(quill: Quill, Delta: typeof QuillDelta): void {
  skipWalkForNewNodes(quill.scroll.children as unknown as LinkedList)
  const editor = (quill as unknown as { editor: QuillEditor }).editor
  editor.getDelta = () => documentDelta(quill, Delta)
  // Quill's update diffs the document before the edit with the one after, by calling `diff` on
  // the one before: for the length of that call, that one diffs by `changeBetween`.
  const update = editor.update.bind(editor)
  editor.update = (change, mutations, cursor) => {
    const before = editor.delta
    before.diff = (after, at) => changeBetween(before, after, at, Delta)
    try {
      return update(change, mutations, cursor)
    } finally {
      delete (before as Partial<QuillDelta>).diff
    }
  }
}

/**
 * Replaces the whole document with markup of Quill's own blots (`quillHtml`) as one user
 * change. The blots are built while the markup is still off the page and linked into the
 * document before the page takes the markup in one move. Quill is then told of the lines that
 * left: told of the new ones, it would sort them all by document position only to find each in
 * place. Its update works out the change (text-change, undo) as for any edit.
 */
export function replaceDocument(quill: Quill, html: string): void {
  const scroll = quill.scroll
  // Anything typed and not yet taken up by Quill is taken up first, as its own change.
  quill.update('user')
  const holder = document.createElement('div')
  holder.innerHTML = html
  const nodes = Array.from(holder.childNodes)
  const lines = nodes.map((node) => scroll.create(node))
  for (const line of lines) {
    scroll.children.insertBefore(line, null)
    line.parent = scroll
  }
  const leaving = Array.from(quill.root.childNodes)
  quill.root.replaceChildren(...nodes)
  scroll.observer.takeRecords()
  for (const line of lines) line.attach()
  const removal = {
    type: 'childList',
    target: quill.root,
    addedNodes: [],
    removedNodes: leaving,
    previousSibling: null,
    nextSibling: null,
  }
  scroll.update([removal as unknown as MutationRecord])
}
