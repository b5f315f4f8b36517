import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ninjsValidator } from '../ninjs-schema.js'
import type { Article } from '../../../shared/article.js'
import { defaultSettings } from '../../../shared/settings.js'
import { newArticle } from '../../../electron/core/articles.js'
import type { MediaReader } from '../../../electron/core/media.js'
import { writeExport } from '../../../electron/core/export/write-exports.js'
import { tempDir } from '../temp-dir.js'

const png = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
)
const media: MediaReader = async () => ({ bytes: png, type: 'image/png' })
const settings = { ...defaultSettings, siteAddress: 'https://news.example', newsroomName: '' }

/** A story with no byline, a tag equal to its section, a kicker, a featured and a body image. */
function story(): Article {
  const article = newArticle(
    'abcdefabcdef',
    {
      headline: 'النفط يرتفع',
      kicker: 'عاجل',
      section: 'اقتصاد',
      tags: ['اقتصاد', 'نفط'],
      featuredImage: { file: 'featured.png', alt: 'حقل نفط', caption: 'حقل في البصرة' },
      body: {
        ops: [
          { insert: 'ارتفعت الأسعار.' },
          { insert: '\n', attributes: { direction: 'rtl', align: 'right' } },
          { insert: { image: 'chart.png' }, attributes: { alt: 'رسم', caption: '' } },
          { insert: '\n' },
        ],
      },
      publishedAt: '2026-11-30T09:00:00.000Z',
    },
    { at: new Date('2026-11-30T08:00:00Z'), by: 'tester' },
  )
  return { ...article, slug: 'oil-rises' }
}

async function exported() {
  const folder = await tempDir()
  await writeExport({
    articles: [story()],
    formats: ['html', 'ninjs', 'jsonfeed', 'rss'],
    folder,
    settings,
    now: new Date('2026-11-30T10:00:00Z'),
    media,
  })
  const read = (name: string) => readFile(join(folder, name), 'utf8')
  return { folder, read }
}

describe('metadata in the exports', () => {
  it('JSON-LD names the image, an author and a publisher even without a byline', async () => {
    const { read } = await exported()
    const html = await read('oil-rises.html')
    const jsonLd = JSON.parse(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!,
    )
    expect(jsonLd.image).toEqual(['https://news.example/oil-rises-featured.png'])
    expect(jsonLd.author).toEqual([{ '@type': 'Organization', name: 'news.example' }])
    expect(jsonLd.publisher).toEqual({ '@type': 'Organization', name: 'news.example' })
  })

  it('NINJS: the slug as slugline, the kicker as a headline role, each subject once, valid', async () => {
    const { read } = await exported()
    const ninjs = JSON.parse(await read('oil-rises.json'))
    expect(ninjs.slugline).toBe('oil-rises')
    expect(ninjs.headlines).toEqual([
      { role: 'main', value: 'النفط يرتفع' },
      { role: 'kicker', value: 'عاجل' },
    ])
    expect(ninjs.subjects).toEqual([{ name: 'اقتصاد' }, { name: 'نفط' }])
    expect(ninjs.bodies[0].value).toContain('src="https://news.example/oil-rises-chart.png"')
    const validate = ninjsValidator()
    expect(validate(ninjs), JSON.stringify(validate.errors)).toBe(true)
  })

  it('JSON Feed keeps body images (at their site address), the featured image and each tag once', async () => {
    const { read } = await exported()
    const [item] = JSON.parse(await read('feed.json')).items
    expect(item.content_html).toContain('<img src="https://news.example/oil-rises-chart.png"')
    expect(item.image).toBe('https://news.example/oil-rises-featured.png')
    expect(item.tags).toEqual(['اقتصاد', 'نفط'])
  })

  it.skipIf(!existsSync('/usr/bin/python3'))(
    'RSS is read by feedparser (Debian) with its title, link, date and each category once',
    async () => {
      const { folder } = await exported()
      const script = [
        'import json, sys, feedparser',
        'feed = feedparser.parse(sys.argv[1])',
        'e = feed.entries[0]',
        'print(json.dumps({"bozo": feed.bozo, "title": e.title, "link": e.link,',
        '  "published": e.published, "tags": [t.term for t in e.tags]}, ensure_ascii=False))',
      ].join('\n')
      const read = JSON.parse(
        execFileSync('/usr/bin/python3', ['-c', script, join(folder, 'feed.xml')]).toString(),
      )
      expect(read).toEqual({
        bozo: false,
        title: 'النفط يرتفع',
        link: 'https://news.example/oil-rises',
        published: 'Mon, 30 Nov 2026 09:00:00 GMT',
        tags: ['اقتصاد', 'نفط'],
      })
    },
  )
})
