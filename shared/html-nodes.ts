import type { DeltaAttributes } from './article.js'

/**
 * Nodes as the shared HTML→Delta converter reads them, and what it reads from their attributes:
 * direction, the emphasis styles office suites write, Word's lists.
 */
export type HtmlNode =
  | { type: 'text'; data: string }
  | { type: 'element'; name: string; attribs: Record<string, string>; children: HtmlNode[] }

export type HtmlElement = Extract<HtmlNode, { type: 'element' }>

/** An element's direction: its `dir` (in any case), else a `direction` in its style. */
export function readDir(element: HtmlElement, style: Record<string, string>): 'rtl' | 'ltr' | null {
  for (const given of [element.attribs.dir, style.direction]) {
    const dir = given?.trim().toLowerCase()
    if (dir === 'rtl' || dir === 'ltr') return dir
  }
  return null
}

/** An element's inline style as property → value (lower-case names, values as written). */
export function styleOf(element: HtmlElement): Record<string, string> {
  const style: Record<string, string> = {}
  for (const declaration of (element.attribs.style ?? '').split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0) continue
    const name = declaration.slice(0, colon).trim().toLowerCase()
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
    if (name) style[name] = value
  }
  return style
}

/**
 * The emphasis an element gives its text, from its tag and from the styles Word, Google Docs and
 * LibreOffice write (`font-weight:700`, `font-style:italic`, `text-decoration:underline`); a
 * style says last (Google Docs wraps a whole paste in `<b style="font-weight:normal">`).
 */
export function emphasis(
  tag: string,
  style: Record<string, string>,
  inline: DeltaAttributes,
): DeltaAttributes {
  const next = { ...inline }
  if (tag === 'strong' || tag === 'b') next.bold = true
  if (tag === 'em' || tag === 'i') next.italic = true
  if (tag === 'u') next.underline = true
  const weight = style['font-weight']?.toLowerCase()
  if (weight) {
    if (/^(bold|bolder|[6-9]00)$/.test(weight)) next.bold = true
    else if (/^(normal|lighter|[1-5]00)$/.test(weight)) delete next.bold
  }
  const fontStyle = style['font-style']?.toLowerCase()
  if (fontStyle === 'italic' || fontStyle === 'oblique') next.italic = true
  else if (fontStyle === 'normal') delete next.italic
  const decoration = (style['text-decoration'] ?? style['text-decoration-line'])?.toLowerCase()
  if (decoration?.includes('underline')) next.underline = true
  else if (decoration === 'none') delete next.underline
  return next
}

/** A Word list paragraph's kind, from the number or bullet Word writes before its text. */
export function wordListKind(element: HtmlElement): 'ordered' | 'bullet' {
  const marker = findStyled(element.children, 'mso-list', /^ignore$/i)
  const text = marker ? textOf(marker).trim() : ''
  return /^[(]?([0-9\u0660-\u0669]+|[a-z]{1,3}|[\u0621-\u064a])[.)-]/i.test(text)
    ? 'ordered'
    : 'bullet'
}

/** The first element below whose style gives `property` a value matching `value`. */
function findStyled(nodes: HtmlNode[], property: string, value: RegExp): HtmlElement | null {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    if (value.test(styleOf(node)[property] ?? '')) return node
    const found = findStyled(node.children, property, value)
    if (found) return found
  }
  return null
}

/** The text below a node. */
export function textOf(node: HtmlNode): string {
  return node.type === 'text' ? node.data : node.children.map(textOf).join('')
}
