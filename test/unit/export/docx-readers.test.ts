import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../shared/settings.js'
import { articleDocx } from '../../../electron/core/export/docx.js'
import { importDocx } from '../../../electron/core/import/import-docx.js'
import { tempDir } from '../temp-dir.js'
import { bodyLines, carriedFields, hostileArticles } from './corpus.js'

// Debian's readers, which .ci/run installs; without them those checks are skipped, named so.
const python = '/usr/bin/python3'
const pandoc = '/usr/bin/pandoc'
const settings = { ...defaultSettings, siteAddress: 'https://news.example' }

describe('DOCX: read by Word’s readers as it was written, and back by ours', () => {
  const articles = hostileArticles().slice(0, 6)

  it('imports its own export with the same fields and paragraphs, lists and quotes', async () => {
    for (const article of articles) {
      const draft = await importDocx(await articleDocx(article, settings))
      expect(draft.fields, article.headline).toMatchObject(carriedFields(article))
      expect(bodyLines(draft.fields.body!), article.headline).toEqual(bodyLines(article.body))
    }
  })

  it('gives the same bytes for the same revision, whenever it is exported', async () => {
    const [article] = articles
    const first = await articleDocx(article!, settings)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(Buffer.from(await articleDocx(article!, settings)).equals(Buffer.from(first))).toBe(true)
  })

  it.skipIf(!existsSync(python))(
    'is read by python-docx (Debian): styles, numbering, link style, the revision’s dates',
    async () => {
      const [article] = articles
      const path = join(await tempDir(), 'story.docx')
      writeFileSync(path, await articleDocx(article!, settings))
      const script = [
        'import json, sys, docx',
        'd = docx.Document(sys.argv[1])',
        'ps = [{"style": p.style.name, "text": p.text,',
        '       "numbered": p._p.pPr is not None and p._p.pPr.numPr is not None}',
        '      for p in d.paragraphs if p.text.strip()]',
        'from docx.oxml.ns import qn',
        'links = [r.find(qn("w:rPr")).find(qn("w:rStyle")).get(qn("w:val"))',
        '         for p in d.paragraphs for h in p._p.findall(qn("w:hyperlink"))',
        '         for r in h.findall(qn("w:r"))]',
        'cp = d.core_properties',
        'print(json.dumps({"paragraphs": ps, "links": links, "created": cp.created.isoformat(),',
        '  "modified": cp.modified.isoformat(), "title": cp.title}, ensure_ascii=False))',
      ].join('\n')
      const read = JSON.parse(execFileSync(python, ['-c', script, path]).toString())
      const styleOf = (text: string) =>
        read.paragraphs.find((p: { text: string }) => p.text === text)
      expect(read.title).toBe(article!.headline)
      expect(styleOf(article!.headline).style).toBe('Title')
      expect(styleOf(article!.kicker).style).toBe('Kicker')
      expect(styleOf(article!.summary).style).toBe('Subtitle')
      expect(styleOf('اقتباس من الوزير').style).toBe('Quote')
      expect(styleOf('خطوة أولى').numbered).toBe(true)
      expect(styleOf('بند أول').numbered).toBe(true)
      expect(styleOf('مسافتان  بين كلمتين  هنا')).toBeTruthy()
      expect(read.links).toEqual(['Hyperlink'])
      // python-docx gives the package's UTC times without a zone.
      expect(read.created).toBe('2026-11-30T09:00:00')
      expect(read.modified).toBe('2026-11-30T09:00:00')
    },
  )

  it.skipIf(!existsSync(pandoc))(
    'is read by pandoc (Debian) with numbered and bulleted lists, the quote and the link',
    async () => {
      const [article] = articles
      const path = join(await tempDir(), 'story.docx')
      writeFileSync(path, await articleDocx(article!, settings))
      const ast = JSON.parse(execFileSync(pandoc, ['-f', 'docx', '-t', 'json', path]).toString())
      const kinds = (ast.blocks as { t: string }[]).map((block) => block.t)
      expect(kinds).toContain('OrderedList')
      expect(kinds).toContain('BulletList')
      expect(kinds).toContain('BlockQuote')
      expect(JSON.stringify(ast)).toContain('"https://example.org/')
    },
  )
})
