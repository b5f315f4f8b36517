import type { Delta, DeltaAttributes } from '../../shared/article.js'
import { deltaLines } from '../../shared/delta.js'
import { escapeHtml, isSafeLink } from '../../shared/render-html.js'

function lineClasses(attributes: DeltaAttributes): string {
  const classes: string[] = []
  if (attributes.direction === 'rtl') classes.push('ql-direction-rtl')
  if (typeof attributes.align === 'string') classes.push(`ql-align-${attributes.align}`)
  return classes.length ? ` class="${classes.join(' ')}"` : ''
}

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
    for (const run of line.runs) {
      if (typeof run.insert !== 'string') {
        const file = run.insert.image
        if (typeof file !== 'string') continue
        const alt =
          typeof run.attributes.alt === 'string' ? ` alt="${escapeHtml(run.attributes.alt)}"` : ''
        inner += `<img data-file="${escapeHtml(file)}" src="${escapeHtml(imageUrl(file))}"${alt}>`
        continue
      }
      let html = escapeHtml(run.insert)
      const a = run.attributes
      if (a.underline) html = `<u>${html}</u>`
      if (a.italic) html = `<em>${html}</em>`
      if (a.bold) html = `<strong>${html}</strong>`
      if (isSafeLink(a.link))
        html = `<a href="${escapeHtml(a.link)}" rel="noopener noreferrer" target="_blank">${html}</a>`
      inner += html
    }
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
