// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { Delta as DeltaType } from '../../../shared/article.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  changeBetween,
  fitForLongArticles,
  fittedFor,
  replaceDocument,
} from '../../../renderer/editor/large-document.js'
import { quillHtml } from '../../../renderer/editor/quill-html.js'
import {
  Delta,
  type Quill,
  createEditor,
  setMediaResolver,
} from '../../../renderer/editor/quill-setup.js'

const rtl = { direction: 'rtl', align: 'right' }

/** An article with every kind of line and run the editor keeps. */
const article = () =>
  new Delta()
    .insert('عنوان فرعي')
    .insert('\n', { header: 2, ...rtl })
    .insert('دعا رئيس ')
    .insert('الوزراء', { bold: true })
    .insert(' إلى ')
    .insert('تنسيق', { italic: true, underline: true })
    .insert(' في Baghdad عام 2021 ')
    .insert('رابط', { link: 'https://news.example/a' })
    .insert('\n', rtl)
    .insert('\n', rtl)
    .insert('بند أول')
    .insert('\n', { list: 'bullet', ...rtl })
    .insert('بند ثان')
    .insert('\n', { list: 'ordered', ...rtl })
    .insert('A quote in English')
    .insert('\n', { blockquote: true })
    .insert({ image: 'صورة.png' }, { alt: 'وصف', caption: 'تعليق "الصورة"' })
    .insert('\n')
    .insert('سطر أخير')
    .insert('\n', rtl)

function editor(fit: boolean): Quill {
  const element = document.createElement('div')
  document.body.append(element)
  const quill = createEditor(element, '')
  if (fit) fitForLongArticles(quill, Delta)
  quill.setContents(article(), 'silent')
  return quill
}

type Editor = { getDelta(): DeltaType }
const editorOf = (quill: Quill) => (quill as unknown as { editor: Editor }).editor

/** Types into the text node holding `text`, as the browser does: one characterData change. */
function typeInto(quill: Quill, text: string, at: number, typed: string) {
  const walker = document.createTreeWalker(quill.root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data
    if (!data.includes(text)) continue
    const offset = data.indexOf(text) + at
    ;(node as Text).data = data.slice(0, offset) + typed + data.slice(offset)
    return quill.update('user')
  }
  throw new Error(`no text node holds ${text}`)
}

const installed = (name: string) =>
  (
    JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../../node_modules', name, 'package.json'),
        'utf8',
      ),
    ) as { version: string }
  ).version

type Internals = {
  scroll: { children: object; lines(): { delta(): DeltaType }[] }
  editor: { delta: DeltaType; getDelta(): DeltaType; update: unknown }
}
const internals = (quill: Quill) => quill as unknown as Internals

// Tripwires: the changes in large-document.ts reach into Quill's and Parchment's insides; each
// test here fails when an upgrade moves what a change relies on, or the change stops applying.
describe('the changes to Quill, kept honest', () => {
  it('were written for the Quill and Parchment installed (re-check them on an upgrade)', () => {
    expect({ quill: installed('quill'), parchment: installed('parchment') }).toEqual(fittedFor)
  })

  it('find the private members they rely on in plain Quill', () => {
    const plain = internals(editor(false))
    expect(typeof plain.editor.getDelta).toBe('function')
    expect(typeof plain.editor.update).toBe('function')
    expect(plain.editor.delta.ops.length).toBeGreaterThan(0)
    expect(typeof plain.scroll.lines).toBe('function')
    expect(typeof plain.scroll.lines()[0]!.delta).toBe('function')
    const list = plain.scroll.children as { remove?: unknown; insertBefore?: unknown }
    expect(typeof list.remove).toBe('function')
    // Parchment's insertBefore goes through `this.remove`, which the change replaces.
    expect(String(list.insertBefore)).toMatch(/this\.remove\(/)
  })

  it('take effect on the fitted editor and on no other', () => {
    const fitted = internals(editor(true))
    const plain = internals(editor(false))
    const prototypeOf = (value: object) => Object.getPrototypeOf(value) as object
    // Set on the fitted editor's own objects...
    expect(Object.hasOwn(fitted.scroll.children, 'remove')).toBe(true)
    expect(Object.hasOwn(fitted.editor, 'getDelta')).toBe(true)
    expect(Object.hasOwn(fitted.editor, 'update')).toBe(true)
    // ...and nowhere else: a plain editor made after it is Quill's own.
    expect(Object.hasOwn(plain.scroll.children, 'remove')).toBe(false)
    expect(Object.hasOwn(plain.editor, 'getDelta')).toBe(false)
    expect(prototypeOf(plain.scroll.children)).toBe(prototypeOf(fitted.scroll.children))
  })
})

describe('Quill fitted for long articles', () => {
  it('builds the same document Delta as Quill itself', () => {
    const plain = editor(false)
    const fitted = editor(true)
    expect(editorOf(fitted).getDelta()).toEqual(editorOf(plain).getDelta())
    expect(fitted.getContents().ops).toEqual(article().ops)
  })

  it('records Arabic and Latin typing as the same changes and contents as Quill', () => {
    const plain = editor(false)
    const fitted = editor(true)
    const changes: { plain: unknown[]; fitted: unknown[] } = { plain: [], fitted: [] }
    plain.on('text-change', (change) => changes.plain.push(change.ops))
    fitted.on('text-change', (change) => changes.fitted.push(change.ops))
    for (const quill of [plain, fitted]) {
      typeInto(quill, 'الوزراء', 3, 'ب')
      typeInto(quill, 'سطر أخير', 8, ' جديد')
      typeInto(quill, 'Baghdad', 7, 's')
      typeInto(quill, 'بند ثان', 0, 'ال')
    }
    expect(changes.fitted).toEqual(changes.plain)
    expect(changes.fitted).toHaveLength(4)
    expect(fitted.getContents()).toEqual(plain.getContents())
    expect(fitted.getText()).toContain('الوبزراء')
    expect(fitted.getText()).toContain('سطر أخير جديد')
  })

  it('keeps undo working after typing', () => {
    const fitted = editor(true)
    const before = fitted.getContents()
    typeInto(fitted, 'عنوان', 5, 'ات')
    expect(fitted.getText()).toContain('عنوانات')
    fitted.history.undo()
    expect(fitted.getContents()).toEqual(before)
  })
})

describe('the diff of two versions of a document', () => {
  const cases: [string, InstanceType<typeof Delta>, InstanceType<typeof Delta>][] = [
    ['a letter typed', article(), article().compose(new Delta().retain(14).insert('ب'))],
    ['a word deleted', article(), article().compose(new Delta().retain(11).delete(4))],
    [
      'a format set',
      article(),
      article().compose(new Delta().retain(20).retain(5, { bold: true })),
    ],
    ['a line split', article(), article().compose(new Delta().retain(30).insert('\n', rtl))],
    ['the first letter', article(), new Delta().insert('ا').concat(article())],
    ['the whole replaced', article(), new Delta().insert('نص آخر\n')],
    ['nothing changed', article(), article()],
  ]
  for (const [name, before, after] of cases) {
    it(`gives a change that turns one into the other: ${name}`, () => {
      const change = changeBetween(before, after, undefined, Delta)
      expect(before.compose(change)).toEqual(after)
    })
  }

  it('places an ambiguous insertion where the cursor was, as Quill does', () => {
    const before = new Delta().insert('مقدمة ').insert('نص', { bold: true }).insert(' ااا\n')
    const after = new Delta().insert('مقدمة ').insert('نص', { bold: true }).insert(' اااا\n')
    // The cursor was after the first alef of three: the new one is the second.
    const cursor = { oldRange: { index: 10, length: 0 }, newRange: { index: 11, length: 0 } }
    const change = changeBetween(before, after, cursor, Delta)
    expect(change.ops).toEqual([{ retain: 10 }, { insert: 'ا' }])
    expect(change).toEqual(before.diff(after, cursor))
  })
})

describe('replacing a whole document (large pastes)', () => {
  it('shows the new document, as one user change that undo takes back', () => {
    setMediaResolver((file) => `/media/x/${file}`)
    const quill = editor(true)
    const before = quill.getContents()
    const pasted = new Delta()
      .insert('لصق ')
      .insert('غامق', { bold: true })
      .insert('رابط غامق مائل', { bold: true, italic: true, link: 'https://news.example/b' })
      .insert('مسطر', { underline: true, bold: true })
      .insert('\n', rtl)
      .insert('بند')
      .insert('\n', { list: 'bullet', ...rtl })
    const next = before.slice(0, 11).concat(pasted).concat(before.slice(11))
    const seen: { change: unknown; source: string }[] = []
    quill.on('text-change', (change, _old, source) => seen.push({ change, source }))
    replaceDocument(
      quill,
      quillHtml(next as never, (file) => `/media/x/${file}`),
    )
    expect(quill.getContents()).toEqual(next)
    // The page holds what Quill itself would have made of that document, nothing to tidy later.
    const reference = editor(true)
    reference.setContents(next, 'silent')
    expect(quill.root.innerHTML).toBe(reference.root.innerHTML)
    expect(seen).toHaveLength(1)
    expect(seen[0]?.source).toBe('user')
    expect(before.compose(seen[0]?.change as never)).toEqual(next)
    // Every block on the page is a blot of the document, in order.
    const lines = quill.scroll.children.map((blot) => blot.domNode)
    const children = Array.from(quill.root.children)
    expect(lines.length).toBe(children.length)
    expect(lines.every((node, index) => node === children[index])).toBe(true)
    quill.history.undo()
    expect(quill.getContents()).toEqual(before)
  })
})
