import type { Delta } from './article.js'
import { type InlineRun, deltaLines } from './delta.js'
import {
  escapeBlockStart,
  escapeDestination,
  escapeInline,
  escapeTitle,
} from './markdown-escape.js'
import { isSafeLink } from './render-html.js'
import { firstStrong } from './bidi.js'

/** The marks a Markdown paragraph starts with when its direction is not its first letter's. */
export const rlm = '\u200F'
export const lrm = '\u200E'

/** Where an exported Markdown file finds a library image, or null to leave the image out. */
export type MarkdownImagePath = (file: string) => string | null

function renderImage(run: InlineRun, imagePath?: MarkdownImagePath): string {
  const file = typeof run.insert === 'string' ? null : run.insert.image
  const path = typeof file === 'string' ? imagePath?.(file) : null
  if (!path) return ''
  const alt = typeof run.attributes.alt === 'string' ? run.attributes.alt : ''
  const caption = typeof run.attributes.caption === 'string' ? run.attributes.caption : ''
  // The caption travels as the image's title, which CommonMark has and a reader can show.
  const title = caption ? ` "${escapeTitle(caption)}"` : ''
  return `![${escapeInline(alt)}](<${escapeDestination(path)}>${title})`
}

function renderRun(run: InlineRun, imagePath?: MarkdownImagePath): string {
  if (typeof run.insert !== 'string') return renderImage(run, imagePath)
  let text = escapeInline(run.insert)
  const a = run.attributes
  // Emphasis markers must hug the text: keep outer spaces outside them.
  const wrap = (marker: string) => {
    const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/su.exec(text) ?? ['', '', text, '']
    text = core ? `${lead}${marker}${core}${marker}${trail}` : text
  }
  if (a.bold) wrap('**')
  if (a.italic) wrap('*')
  if (isSafeLink(a.link)) text = `[${text}](<${escapeDestination(a.link.trim())}>)`
  return text
}

/**
 * The article body as CommonMark: headings, quotes, lists, emphasis, links, and library images
 * where `imagePath` says the export puts them.
 */
export function renderBodyMarkdown(body: Delta, imagePath?: MarkdownImagePath): string {
  const blocks: string[] = []
  let counter = 0
  let previousList: unknown = null
  for (const line of deltaLines(body)) {
    const text = line.runs.map((run) => renderRun(run, imagePath)).join('')
    if (!text.trim()) continue
    const list = line.attributes.list ?? null
    // A paragraph that starts like a block of another kind stays a paragraph.
    let block = escapeBlockStart(text)
    // Markdown has no direction: where the first strong letter would give the wrong one (an
    // Arabic paragraph that opens with a Latin name), a mark at its start gives the right one.
    const plain = line.runs
      .map((run) => (typeof run.insert === 'string' ? run.insert : ''))
      .join('')
    const wanted = line.attributes.direction === 'rtl' ? 'rtl' : 'ltr'
    if ((firstStrong(plain) ?? 'rtl') !== wanted) block = (wanted === 'rtl' ? rlm : lrm) + block
    const header = Number(line.attributes.header ?? 0)
    if (header >= 1 && header <= 3) block = `${'#'.repeat(header + 1)} ${block}`
    else if (line.attributes.blockquote) block = `> ${block}`
    else if (list === 'bullet') block = `- ${block}`
    else if (list === 'ordered')
      block = `${(counter = list === previousList ? counter + 1 : 1)}. ${block}`
    // Items of one list stay together; everything else is its own paragraph.
    if (list && list === previousList) blocks[blocks.length - 1] += `\n${block}`
    else blocks.push(block)
    previousList = list
  }
  return blocks.join('\n\n')
}
