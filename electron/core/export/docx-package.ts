import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { Article } from '../../../shared/article.js'

/** The custom properties a DOCX export carries: Midad's fields by name, empty ones left out. */
export function docxFields(article: Article): [string, string][] {
  const fields: [string, string][] = [
    ['midad:kicker', article.kicker],
    ['midad:summary', article.summary],
    ['midad:section', article.section],
    ['midad:byline', article.byline],
    ['midad:place', article.place],
    ['midad:source', article.source],
    ['midad:publishedAt', article.publishedAt ?? ''],
    ['midad:tags', JSON.stringify(article.tags)],
    ['midad:slug', article.slug],
  ]
  return fields.filter(([, value]) => value !== '' && value !== '[]')
}

/**
 * The paragraph styles the parts are written in, named as Word names its own (Title, Subtitle,
 * Quote, Caption) or plainly (Kicker, Article Meta), so Word lists them and an importer maps
 * them back to fields.
 */
export const paragraphStyles = [
  { id: 'Kicker', name: 'Kicker', basedOn: 'Normal', next: 'Normal', run: { bold: true } },
  { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal' },
  { id: 'ArticleMeta', name: 'Article Meta', basedOn: 'Normal', next: 'Normal' },
  { id: 'Correction', name: 'Correction', basedOn: 'Normal', next: 'Normal' },
  { id: 'FeaturedImage', name: 'Featured Image', basedOn: 'Normal', next: 'Normal' },
  { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { italics: true } },
  {
    id: 'Quote',
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    run: { italics: true },
    paragraph: { indent: { start: 720 } },
  },
]

/**
 * The same revision, the same bytes: the package's created and modified times and every zip
 * entry's time are the revision's, not the moment of export.
 */
export function stableDocx(docx: Uint8Array, revisionTime: string): Uint8Array {
  const entries = unzipSync(docx)
  const core = entries['docProps/core.xml']
  if (core) {
    const at = new Date(revisionTime).toISOString().replace(/\.\d+Z$/, 'Z')
    entries['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${at}$2`,
      ),
    )
  }
  // The library names each link's relationship at random; here they are numbered in order.
  const random = /(?<=")rId[A-Za-z0-9_-]{12,}(?=")/g
  const renamed = new Map<string, string>()
  const names = Object.keys(entries).filter((name) => /\.(xml|rels)$/.test(name))
  for (const name of names) {
    const text = strFromU8(entries[name]!)
    entries[name] = strToU8(
      text.replace(random, (id) => {
        if (!renamed.has(id)) renamed.set(id, `rIdLink${renamed.size + 1}`)
        return renamed.get(id)!
      }),
    )
  }
  return zipSync(entries, { mtime: new Date(revisionTime) })
}
