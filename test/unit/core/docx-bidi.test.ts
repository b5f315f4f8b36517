import { unzipSync } from 'fflate'
import { parseDocument } from 'htmlparser2'
import { type Element, isTag } from 'domhandler'
import { describe, expect, it } from 'vitest'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { defaultSettings } from '../../../shared/settings.js'
import { newArticle } from '../../../electron/core/articles.js'
import { articleDocx } from '../../../electron/core/export/docx.js'

/** Every w:r of the document: its text, whether it is marked right to left, its Latin font. */
function runsOf(xml: string) {
  const found: { text: string; rtl: boolean; latinFont: string }[] = []
  const walk = (nodes: Element['children']) => {
    for (const node of nodes) {
      if (!isTag(node)) continue
      if (node.name === 'w:r') {
        const text = node.children
          .filter(isTag)
          .filter((child) => child.name === 'w:t')
          .map((child) => child.children.map((t) => ('data' in t ? t.data : '')).join(''))
          .join('')
        const properties = node.children.filter(isTag).find((child) => child.name === 'w:rPr')
        const fonts = properties?.children.filter(isTag).find((child) => child.name === 'w:rFonts')
        found.push({
          text,
          // <w:rtl/> marks a run right to left; <w:rtl w:val="false"/> says it is not.
          rtl: Boolean(
            properties?.children
              .filter(isTag)
              .some((child) => child.name === 'w:rtl' && child.attribs['w:val'] !== 'false'),
          ),
          latinFont: fonts?.attribs['w:ascii'] ?? '',
        })
      } else walk(node.children)
    }
  }
  walk(parseDocument(xml, { xmlMode: true }).children)
  return found
}

describe('DOCX and mixed scripts', () => {
  it('gives each Latin run in Arabic text a run of its own, not right to left, in a Latin face', async () => {
    const article = newArticle(
      'a1',
      {
        headline: 'قالت "OPEC+" إن الإنتاج ارتفع',
        body: paragraphsToDelta(['ذكرت شبكة (CNN) أن النسبة 12% فقط.']),
      },
      { at: new Date('2026-12-01T09:00:00Z'), by: 'tester' },
    )
    const docx = unzipSync(await articleDocx(article, defaultSettings))
    const runs = runsOf(new TextDecoder().decode(docx['word/document.xml']))
    const latin = runs.filter((run) => /[A-Z%]/.test(run.text))
    expect(latin.map(({ text, rtl }) => ({ text, rtl }))).toEqual([
      { text: '"OPEC+"', rtl: false },
      { text: '(CNN)', rtl: false },
      { text: '12%', rtl: false },
    ])
    expect(runs.find((run) => run.text.startsWith('قالت'))?.rtl).toBe(true)
    expect(new Set(runs.map((run) => run.latinFont))).toEqual(new Set(['Noto Serif']))
  })
})
