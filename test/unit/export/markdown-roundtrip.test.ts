import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { articleMarkdown } from '../../../electron/core/export/markdown.js'
import { importMarkdown } from '../../../electron/core/import/import-markdown.js'
import { defaultSettings } from '../../../shared/settings.js'
import { bodyLines, carriedFields, hostileArticles } from './corpus.js'

const settings = { ...defaultSettings, siteAddress: 'https://news.example' }
// The readers are Debian's packages, which .ci/run installs; a machine without them skips
// those checks (named as skipped in the report) rather than failing on a missing program.
const pandoc = '/usr/bin/pandoc'
// Debian's own Python, where python3-yaml is (not a Python a developer put first on the PATH).
const python = '/usr/bin/python3'

describe('Markdown: text stays text, and the round trip gives the article back', () => {
  const articles = hostileArticles()

  it('imports its own export with the same fields and the same paragraphs, code point for code point', () => {
    for (const article of articles) {
      const markdown = articleMarkdown(article, settings)
      const draft = importMarkdown(markdown)
      const where = `headline ${JSON.stringify(article.headline)}`
      expect(draft.fields, where).toMatchObject(carriedFields(article))
      const back = bodyLines(draft.fields.body!)
      expect(back, where).toEqual(bodyLines(article.body))
      // The headline is in the front matter once, never a heading of the text.
      expect(markdown.split('\n').filter((l) => l.startsWith('# '))).toEqual([])
    }
  })

  it('renders with HTML allowed (marked defaults) without a single element the writer did not make', () => {
    const made = new Set(['h2', 'p', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'a'])
    for (const article of articles) {
      const html = marked.parse(articleMarkdown(article, settings).split(/^---$/m)[2]!, {
        async: false,
      })
      const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]!))
      expect(
        [...tags].filter((tag) => !made.has(tag)),
        article.headline,
      ).toEqual([])
      // One link: the one the writer made, with its address.
      expect([...html.matchAll(/<a /g)]).toHaveLength(1)
    }
  })

  it.skipIf(!existsSync(python))(
    'has front matter that PyYAML (Debian) reads as the same fields',
    () => {
      const script = [
        'import json, sys, yaml',
        'out = []',
        'for text in json.load(sys.stdin):',
        '    out.append(yaml.safe_load(text.split("\\n---\\n")[0][4:]))',
        'print(json.dumps(out, ensure_ascii=False, default=str))',
      ].join('\n')
      const files = articles.map((article) => articleMarkdown(article, settings))
      const read = JSON.parse(
        execFileSync(python, ['-c', script], { input: JSON.stringify(files) }).toString(),
      )
      articles.forEach((article, index) => {
        expect(read[index], article.headline).toMatchObject({
          title: article.headline,
          kicker: article.kicker,
          summary: article.summary,
          author: article.byline,
          place: article.place,
          tags: article.tags,
          date: article.publishedAt,
        })
      })
    },
  )

  it.skipIf(!existsSync(pandoc))(
    'has a body that pandoc (Debian) reads as the same blocks and words',
    () => {
      for (const article of articles.slice(0, 4)) {
        const body = articleMarkdown(article, settings).split(/^---$/m)[2]!
        const ast = JSON.parse(
          execFileSync(pandoc, ['-f', 'gfm', '-t', 'json'], { input: body }).toString(),
        ) as { blocks: PandocNode[] }
        // Each block as its kind and its text: a paragraph read as a heading or an item fails.
        const blocks: string[] = []
        const walk = (list: PandocNode[], kind = 'p') => {
          for (const block of list) {
            const c = block.c as unknown[]
            if (block.t === 'Para' || block.t === 'Plain')
              blocks.push(`${kind} ${unmarked(inlineText(c as PandocNode[]))}`)
            else if (block.t === 'Header')
              blocks.push(`h${c[0]} ${unmarked(inlineText(c[2] as PandocNode[]))}`)
            else if (block.t === 'BlockQuote') walk(c as PandocNode[], 'quote')
            else if (block.t === 'BulletList')
              for (const item of c as PandocNode[][]) walk(item, 'bullet')
            else if (block.t === 'OrderedList')
              for (const item of c[1] as PandocNode[][]) walk(item, 'ordered')
            else blocks.push(`a ${block.t} nobody wrote`)
          }
        }
        walk(ast.blocks)
        // pandoc keeps a run of spaces as one Space: the words are compared, spaces squeezed.
        const squeeze = (text: string) => text.replace(/ +/g, ' ').trim()
        const kindOf = (l: ReturnType<typeof bodyLines>[number]) =>
          l.header ? `h${Number(l.header) + 1}` : l.blockquote ? 'quote' : (l.list ?? 'p')
        expect(blocks, article.headline).toEqual(
          bodyLines(article.body).map((l) => `${kindOf(l)} ${squeeze(l.text)}`),
        )
      }
    },
  )
})

/**
 * The direction mark Midad puts before a paragraph whose first letter would mislead is the
 * writer's direction (a bidi-aware reader draws it so), not a word.
 */
const unmarked = (text: string) => text.replace(/^[\u200E\u200F]/, '')

interface PandocNode {
  t: string
  c?: unknown
}

/** The text of pandoc inlines: strings, spaces, and the text inside emphasis, links, quotes. */
function inlineText(nodes: PandocNode[]): string {
  return nodes
    .map((node): string => {
      if (node.t === 'Str') return node.c as string
      if (node.t === 'Space' || node.t === 'SoftBreak') return ' '
      if (node.t === 'Strong' || node.t === 'Emph') return inlineText(node.c as PandocNode[])
      if (node.t === 'Link') return inlineText((node.c as unknown[])[1] as PandocNode[])
      return `[${node.t}]`
    })
    .join('')
}
