// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DeltaOp } from '../../../shared/article.js'
import { htmlToDeltaOps, textToDeltaOps } from '../../../renderer/editor/paste.js'
import {
  blocksToDelta,
  htmlToBlocks,
  sanitizeImportedHtml,
} from '../../../electron/core/import/html-to-delta.js'

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'paste', name), 'utf8')

/** Each line of a Delta: its text, its direction and list, and the runs that carry emphasis. */
function lines(ops: DeltaOp[]) {
  const out: { text: string; dir: string; list?: string; marked: string[] }[] = []
  let text = ''
  let marked: string[] = []
  for (const op of ops) {
    if (typeof op.insert !== 'string') continue
    if (op.insert === '\n') {
      const { direction, list } = op.attributes ?? {}
      out.push({
        text,
        dir: direction === 'rtl' ? 'rtl' : 'ltr',
        ...(list ? { list: String(list) } : {}),
        marked,
      })
      text = ''
      marked = []
      continue
    }
    text += op.insert
    const { bold, italic, underline } = op.attributes ?? {}
    const marks = [bold && 'b', italic && 'i', underline && 'u'].filter(Boolean).join('')
    if (marks) marked.push(`${marks}:${op.insert}`)
  }
  return out
}

const story = [
  { text: 'بغداد – أعلنت الحكومة اليوم خطة جديدة.', dir: 'rtl', marked: ['b:بغداد', 'i:اليوم'] },
]
const english = { text: 'An English line from the wire.', dir: 'ltr', marked: [] }

describe('pasting from the programs editors copy from', () => {
  it('Word: dir=RTL and direction:rtl, its lists (bullets and numbers left out), emphasis', () => {
    expect(lines(htmlToDeltaOps(fixture('word.html')))).toEqual([
      ...story,
      { text: 'وقال المتحدث إن الخطة تبدأ غدًا.', dir: 'rtl', marked: [] },
      { text: 'البند الأول', dir: 'rtl', list: 'bullet', marked: [] },
      { text: 'البند الثاني', dir: 'rtl', list: 'bullet', marked: [] },
      { text: 'الخطوة الأولى', dir: 'rtl', list: 'ordered', marked: [] },
      { text: 'الخطوة الثانية', dir: 'rtl', list: 'ordered', marked: [] },
      english,
    ])
  })

  it('Google Docs: its whole-paste <b style="font-weight:normal"> is not bold; 700 and italic spans are', () => {
    expect(lines(htmlToDeltaOps(fixture('google-docs.html')))).toEqual([
      ...story,
      { text: 'وقال المتحدث إن الخطة تبدأ غدًا.', dir: 'rtl', marked: ['u:وقال المتحدث'] },
      { text: 'المحافظة', dir: 'rtl', marked: [] },
      { text: 'عدد السكان', dir: 'rtl', marked: [] },
      english,
    ])
  })

  it('LibreOffice: the body’s dir holds for every paragraph and table cell, font-weight:bold is bold', () => {
    expect(lines(htmlToDeltaOps(fixture('libreoffice.html')))).toEqual([
      ...story,
      { text: 'وقال المتحدث إن الخطة تبدأ غدًا.', dir: 'rtl', marked: ['b:وقال'] },
      { text: 'المحافظة', dir: 'rtl', marked: [] },
      { text: 'عدد السكان', dir: 'rtl', marked: [] },
      english,
    ])
  })

  it('a news site with no dir at all: each paragraph by its first strong letter', () => {
    expect(lines(htmlToDeltaOps(fixture('news-site.html')))).toEqual([
      { text: 'أعلنت الحكومة خطة جديدة', dir: 'rtl', marked: [] },
      ...story,
      { text: 'وقال المتحدث لوكالة (CNN) إن الخطة تبدأ غدًا.', dir: 'rtl', marked: [] },
      english,
      { text: 'اقرأ أيضًا', dir: 'rtl', marked: [] },
    ])
  })

  it('plain text: a paragraph a line, each by its first strong letter', () => {
    expect(lines(textToDeltaOps('سطر عربي\r\nAn English line\n\n«اقتباس» آخر\n'))).toEqual([
      { text: 'سطر عربي', dir: 'rtl', marked: [] },
      { text: 'An English line', dir: 'ltr', marked: [] },
      { text: '', dir: 'rtl', marked: [] },
      { text: '«اقتباس» آخر', dir: 'rtl', marked: [] },
    ])
  })

  it('imports the same files the same way (the core parser, after its sanitiser)', () => {
    for (const name of ['word.html', 'google-docs.html', 'news-site.html']) {
      const html = fixture(name)
      const imported = blocksToDelta(htmlToBlocks(sanitizeImportedHtml(html)).blocks).ops
      expect(lines(imported), name).toEqual(lines(htmlToDeltaOps(html)))
    }
  })
})
