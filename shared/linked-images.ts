/** The largest image the library takes. */
export const maxImageBytes = 15 * 1024 * 1024

/** Image files the desk takes, by extension (the desk checks their bytes again). */
const imageExtensions = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp'])

export const isImageFile = (name: string) =>
  imageExtensions.has(name.split('.').pop()?.toLowerCase() ?? '')

/**
 * The relative paths a Markdown or HTML text seems to link images by (`![…](path)`,
 * `src="path"`), resolved against the file's own path in the chosen folder. A generous scan:
 * the desk reads the file properly and uses only the images it really links to.
 */
export function linkedImagePaths(text: string, fileName: string): string[] {
  const folder = fileName.includes('/') ? fileName.slice(0, fileName.lastIndexOf('/')) : ''
  // The chosen folder is the first part of the file's path; nothing above it is sent.
  const chosen = fileName.includes('/') ? `${fileName.split('/')[0]}/` : ''
  const found = new Set<string>()
  const candidates = [
    // `![alt](path "title")` or, for paths with spaces, `![alt](<path> "title")`.
    ...text.matchAll(/!\[[^\]]*\]\(\s*(?:<([^>\n]+)>|([^)\s]+))/g),
    ...text.matchAll(/src\s*=\s*["']([^"']+)["']/gi),
    // A featured image named in front matter: `image: "path"`.
    ...text.matchAll(/^image:[ \t]*["']?([^"'\r\n]+?)["']?[ \t]*$/gm),
  ]
  for (const [, angled, plain] of candidates) {
    const raw = angled ?? plain
    if (!raw || /^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(raw)) continue
    let path: string
    try {
      path = decodeURIComponent(raw.split(/[?#]/)[0] ?? '')
    } catch {
      continue
    }
    const resolved = normalize(folder ? `${folder}/${path}` : path)
    if (resolved?.startsWith(chosen)) found.add(resolved)
  }
  return [...found]
}

/** `a/./b/../c.png` → `a/c.png`; null when the path climbs out of the chosen folder. */
function normalize(path: string): string | null {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else parts.push(part)
  }
  return parts.join('/')
}
