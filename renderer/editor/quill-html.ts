import type { Delta, DeltaAttributes } from '../../shared/article.js'
import { deltaLines } from '../../shared/delta.js'
import { escapeHtml, isSafeLink } from '../../shared/render-html.js'

function lineClasses(attributes: DeltaAttributes): string {
  const classes: string[] = []
  if (attributes.direction === 'rtl') classes.push('ql-direction-rtl')
  if (typeof attributes.align === 'string') classes.push(`ql-align-${attributes.align}`)
  return classes.length ? ` class="${classes.join(' ')}"` : ''
}

interface Wrapper {
  open: string
  close: string
}

/** A run's inline wrappers, outermost first, in Quill's own order (Inline.order). */
function wrappers(attributes: DeltaAttributes): Wrapper[] {
  const list: Wrapper[] = []
  if (attributes.bold) list.push({ open: '<strong>', close: '</strong>' })
  if (attributes.italic) list.push({ open: '<em>', close: '</em>' })
  if (attributes.underline) list.push({ open: '<u>', close: '</u>' })
  if (isSafeLink(attributes.link))
    list.push({
      open: `<a href="${escapeHtml(attributes.link)}" rel="noopener noreferrer" target="_blank">`,
      close: '</a>',
    })
  return list
}

const closeAll = (open: Wrapper[]) =>
  open
    .map((wrapper) => wrapper.close)
    .reverse()
    .join('')

/**
 * A document as the markup Quill's own blots produce, so Quill can adopt it from the DOM in one
 * pass (used for very large pastes, where building it op by op takes seconds). Every text is
 * escaped; links are http, https or mailto only; images are library files.
 */
export function quillHtml(body: Delta, imageUrl: (file: string) => string): string {
  const out: string[] = []
  let list = false
  for (const line of deltaLines(body)) {
    let inner = ''
    // Runs side by side share the wrappers they have in common, as Quill merges them.
    let open: Wrapper[] = []
    for (const run of line.runs) {
      if (typeof run.insert !== 'string') {
        inner += closeAll(open)
        open = []
        const file = run.insert.image
        if (typeof file !== 'string') continue
        const { alt, caption } = run.attributes
        const described =
          (typeof alt === 'string' && alt ? ` alt="${escapeHtml(alt)}"` : '') +
          (typeof caption === 'string' && caption
            ? ` data-caption="${escapeHtml(caption)}" title="${escapeHtml(caption)}"`
            : '')
        inner += `<img data-file="${escapeHtml(file)}" src="${escapeHtml(imageUrl(file))}"${described}>`
        continue
      }
      const wanted = wrappers(run.attributes)
      let kept = 0
      while (kept < open.length && kept < wanted.length && open[kept]!.open === wanted[kept]!.open)
        kept++
      inner += closeAll(open.slice(kept))
      inner += wanted
        .slice(kept)
        .map((wrapper) => wrapper.open)
        .join('')
      open = wanted
      inner += escapeHtml(run.insert)
    }
    inner += closeAll(open)
    inner ||= '<br>'
    const kind = line.attributes.list
    if (kind === 'bullet' || kind === 'ordered') {
      if (!list) out.push('<ol>')
      list = true
      out.push(`<li data-list="${kind}"${lineClasses(line.attributes)}>${inner}</li>`)
      continue
    }
    if (list) out.push('</ol>')
    list = false
    const header = Number(line.attributes.header ?? 0)
    const tag =
      header >= 1 && header <= 6 ? `h${header}` : line.attributes.blockquote ? 'blockquote' : 'p'
    out.push(`<${tag}${lineClasses(line.attributes)}>${inner}</${tag}>`)
  }
  if (list) out.push('</ol>')
  return out.join('')
}
