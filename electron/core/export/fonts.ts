import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let cached: Promise<string> | null = null

/** The faces an exported page carries, each only for the letters it draws. */
const faces = [
  {
    family: 'Noto Naskh Arabic',
    file: (weight: number) =>
      `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${weight}-normal.woff2`,
    range:
      'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,' +
      'U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
  },
  {
    // Latin words in Arabic copy: Noto Naskh Arabic's own Latin letters, drawn to go with its
    // Arabic ones (the desk shows them so too), not the reader's default serif.
    family: 'Noto Naskh Arabic',
    file: (weight: number) =>
      `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-${weight}-normal.woff2`,
    range:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,' +
      'U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
]

/**
 * @font-face rules with Noto Naskh Arabic, its Arabic and its Latin letters (regular and bold)
 * embedded as data URLs, so an exported HTML file is self-contained and looks the same
 * everywhere, Latin words included.
 */
export function embeddedFontCss(): Promise<string> {
  cached ??= Promise.all(
    faces.flatMap((face) =>
      [400, 700].map(async (weight) => {
        const data = (await readFile(require.resolve(face.file(weight)))).toString('base64')
        return (
          `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${weight};` +
          `font-display:swap;src:url(data:font/woff2;base64,${data}) format('woff2');` +
          `unicode-range:${face.range}}`
        )
      }),
    ),
  ).then((rules) => rules.join('\n'))
  return cached
}
