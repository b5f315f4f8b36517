import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
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
import { publicationTime } from './article-views.js'

const font = 'Noto Naskh Arabic'

function run(text: string, rtl: boolean, attributes: DeltaAttributes = {}, size = 26): TextRun {
  return new TextRun({
    text,
    rightToLeft: rtl,
    bold: attributes.bold === true,
    italics: attributes.italic === true,
    underline: attributes.underline === true ? {} : undefined,
    font: { ascii: font, hAnsi: font, cs: font },
    size,
    sizeComplexScript: size,
    boldComplexScript: attributes.bold === true,
    italicsComplexScript: attributes.italic === true,
  })
}

/** A right-to-left paragraph, as Word marks it: `w:bidi` on the paragraph, `w:rtl` on runs. */
function rtlParagraph(
  text: string,
  options: {
    size?: number
    bold?: boolean
    heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]
  },
) {
  return new Paragraph({
    bidirectional: true,
    alignment: AlignmentType.START,
    heading: options.heading,
    children: [run(text, true, { bold: options.bold ?? false }, options.size)],
  })
}

/** The article as DOCX for legal or print review: headline, metadata, and the body's paragraphs. */
export async function articleDocx(article: Article, settings: Settings): Promise<Uint8Array> {
  const when = formatSiteDate(new Date(publicationTime(article)), settings.timeZone)
  const meta = [article.section, article.byline, article.place, when].filter(Boolean).join(' — ')
  const children: Paragraph[] = []
  if (article.kicker) children.push(rtlParagraph(article.kicker, { size: 24, bold: true }))
  children.push(
    rtlParagraph(article.headline, { size: 40, bold: true, heading: HeadingLevel.TITLE }),
  )
  if (article.summary) children.push(rtlParagraph(article.summary, { size: 28 }))
  children.push(rtlParagraph(meta, { size: 22 }))
  for (const line of deltaLines(article.body)) {
    const rtl = line.attributes.direction === 'rtl'
    const runs: ParagraphChild[] = []
    for (const piece of line.runs) {
      if (typeof piece.insert !== 'string') continue
      const textRun = run(piece.insert, rtl, piece.attributes)
      const link = piece.attributes.link
      runs.push(isSafeLink(link) ? new ExternalHyperlink({ link, children: [textRun] }) : textRun)
    }
    if (runs.length === 0) continue
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
        bullet:
          line.attributes.list === 'bullet' || line.attributes.list === 'ordered'
            ? { level: 0 }
            : undefined,
        children: runs,
      }),
    )
  }
  const document = new Document({
    creator: article.byline || settings.newsroomName || 'Midad',
    title: article.headline,
    description: article.summary,
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
