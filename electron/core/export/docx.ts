import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx'
import type { Article, DeltaAttributes } from '../../../shared/article.js'
import { deltaLines } from '../../../shared/delta.js'
import { isSafeLink } from '../../../shared/render-html.js'
import type { Settings } from '../../../shared/settings.js'
import { formatSiteDate } from '../../../shared/site-date.js'
import { bidiPieces } from '../../../shared/bidi.js'
import { imageSize } from 'image-size'
import type { MediaReader } from '../media.js'
import { correctionLabel, corrections, publicationTime } from './article-views.js'
import { docxFields, paragraphStyles, stableDocx } from './docx-package.js'

// Arabic in Noto Naskh Arabic, Latin in the serif drawn to go with it (both in fonts-noto-core
// on Debian, and free to install elsewhere): a Latin run in Naskh is replaced by a larger face.
const arabicFont = 'Noto Naskh Arabic'
const latinFont = 'Noto Serif'

function run(
  text: string,
  rtl: boolean,
  attributes: DeltaAttributes = {},
  size = 26,
  style?: string,
): TextRun {
  return new TextRun({
    text,
    style,
    rightToLeft: rtl,
    bold: attributes.bold === true,
    italics: attributes.italic === true,
    underline: attributes.underline === true ? {} : undefined,
    font: { ascii: latinFont, hAnsi: latinFont, cs: arabicFont },
    size,
    sizeComplexScript: size,
    boldComplexScript: attributes.bold === true,
    italicsComplexScript: attributes.italic === true,
  })
}

/**
 * A text as runs: in a right-to-left paragraph each Latin run with its own signs (`"OPEC+"`,
 * `(CNN)`, `12%`) is a run without `w:rtl`, so Word and LibreOffice draw it as written.
 */
function runs(
  text: string,
  rtl: boolean,
  attributes: DeltaAttributes = {},
  size = 26,
  style?: string,
): TextRun[] {
  if (!rtl) return [run(text, false, attributes, size, style)]
  return bidiPieces(text).map((piece) => run(piece.text, !piece.isolate, attributes, size, style))
}

/** A right-to-left paragraph, as Word marks it: `w:bidi` on the paragraph, `w:rtl` on runs. */
function rtlParagraph(
  text: string,
  options: {
    size?: number
    bold?: boolean
    heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]
    /** One of the paragraph styles below: what an importer (ours, mammoth) reads the part by. */
    style?: string
  },
) {
  return new Paragraph({
    bidirectional: true,
    alignment: AlignmentType.START,
    heading: options.heading,
    style: options.style,
    children: runs(text, true, { bold: options.bold ?? false }, options.size),
  })
}

/** Word shows PNG, JPEG and GIF (not WebP); images are scaled down to the text's width. */
const wordImageTypes: Record<string, 'png' | 'jpg' | 'gif'> = { png: 'png', jpg: 'jpg', gif: 'gif' }
const columnPixels = 600

/**
 * A library image as Word paragraphs: the picture (its alt text as the description, the caption
 * as the title), then the caption under it. Nothing for an image that is missing or that Word
 * cannot show.
 */
async function imageParagraphs(
  article: Article,
  image: { file: string; alt: string; caption: string },
  media?: MediaReader,
  style?: string,
): Promise<Paragraph[]> {
  const found = media ? await media(article.id, image.file) : null
  if (!found) return []
  let size: { width?: number; height?: number; type?: string }
  try {
    size = imageSize(found.bytes)
  } catch {
    return []
  }
  const type = wordImageTypes[size.type ?? '']
  if (!type || !size.width || !size.height) return []
  const scale = Math.min(1, columnPixels / size.width)
  const picture = new ImageRun({
    type,
    data: found.bytes,
    transformation: {
      width: Math.round(size.width * scale),
      height: Math.round(size.height * scale),
    },
    altText: { name: image.file, description: image.alt, title: image.caption },
  })
  const paragraphs = [
    new Paragraph({ alignment: AlignmentType.CENTER, style, children: [picture] }),
  ]
  if (image.caption) paragraphs.push(rtlParagraph(image.caption, { size: 20, style: 'Caption' }))
  return paragraphs
}

/**
 * The article as DOCX for legal or print review: headline, metadata, the featured image, and
 * the body's paragraphs and images.
 */
export async function articleDocx(
  article: Article,
  settings: Settings,
  media?: MediaReader,
): Promise<Uint8Array> {
  const when = formatSiteDate(new Date(publicationTime(article)), settings.timeZone)
  const meta = [article.section, article.byline, article.place, when].filter(Boolean).join(' — ')
  const children: Paragraph[] = []
  if (article.kicker)
    children.push(rtlParagraph(article.kicker, { size: 24, bold: true, style: 'Kicker' }))
  children.push(
    rtlParagraph(article.headline, { size: 40, bold: true, heading: HeadingLevel.TITLE }),
  )
  if (article.summary) children.push(rtlParagraph(article.summary, { size: 28, style: 'Subtitle' }))
  children.push(rtlParagraph(meta, { size: 22, style: 'ArticleMeta' }))
  if (article.featuredImage)
    children.push(
      ...(await imageParagraphs(article, article.featuredImage, media, 'FeaturedImage')),
    )
  // Each numbered list counts from 1: a new instance of the numbering whenever one begins.
  let listInstance = 0
  let previousList: unknown = null
  for (const line of deltaLines(article.body)) {
    const rtl = line.attributes.direction === 'rtl'
    const list = line.attributes.list ?? null
    if (list === 'ordered' && previousList !== 'ordered') listInstance++
    previousList = list
    const lineRuns: ParagraphChild[] = []
    const images: Paragraph[] = []
    for (const piece of line.runs) {
      if (typeof piece.insert !== 'string') {
        const file = piece.insert.image
        const text = (name: string) => {
          const value = piece.attributes[name]
          return typeof value === 'string' ? value : ''
        }
        if (typeof file === 'string')
          images.push(
            ...(await imageParagraphs(
              article,
              { file, alt: text('alt'), caption: text('caption') },
              media,
            )),
          )
        continue
      }
      const link = piece.attributes.link
      if (isSafeLink(link)) {
        // Word's own Hyperlink style: blue and underlined, as a reader expects a link to look.
        const children = runs(piece.insert, rtl, piece.attributes, 26, 'Hyperlink')
        lineRuns.push(new ExternalHyperlink({ link, children }))
      } else lineRuns.push(...runs(piece.insert, rtl, piece.attributes))
    }
    if (lineRuns.length === 0) {
      children.push(...images)
      continue
    }
    const header = Number(line.attributes.header ?? 0)
    children.push(
      new Paragraph({
        bidirectional: rtl,
        alignment: AlignmentType.START,
        heading:
          header === 1
            ? HeadingLevel.HEADING_1
            : header === 2
              ? HeadingLevel.HEADING_2
              : header === 3
                ? HeadingLevel.HEADING_3
                : undefined,
        style: line.attributes.blockquote ? 'Quote' : undefined,
        bullet: list === 'bullet' ? { level: 0 } : undefined,
        numbering:
          list === 'ordered'
            ? { reference: 'midad-ordered', level: 0, instance: listInstance }
            : undefined,
        children: lineRuns,
      }),
      // An image in a line of text follows that line.
      ...images,
    )
  }
  // Corrections close the story: the label in bold, its date, the note in italics.
  for (const c of corrections(article)) {
    const when = formatSiteDate(new Date(c.at), settings.timeZone)
    children.push(
      new Paragraph({
        bidirectional: true,
        alignment: AlignmentType.START,
        style: 'Correction',
        children: [
          ...runs(correctionLabel, true, { bold: true }, 22),
          ...runs(` (${when}): `, true, {}, 22),
          ...runs(c.note, true, { italic: true }, 22),
        ],
      }),
    )
  }
  const document = new Document({
    creator: article.byline || settings.newsroomName || 'Midad',
    title: article.headline,
    description: article.summary,
    keywords: article.tags.join(', '),
    subject: article.section,
    // Every field as it is, for an importer to read back (ours does: import-docx.ts).
    customProperties: docxFields(article).map(([name, value]) => ({ name, value })),
    styles: { paragraphStyles },
    numbering: {
      config: [
        {
          reference: 'midad-ordered',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [{ children }],
  })
  return stableDocx(new Uint8Array(await Packer.toBuffer(document)), article.updatedAt)
}
