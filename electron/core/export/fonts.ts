import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let cached: Promise<string> | null = null

/**
 * @font-face rules with Noto Naskh Arabic (regular and bold, Arabic subset) embedded as data
 * URLs, so an exported HTML file is self-contained and looks the same everywhere.
 */
export function embeddedFontCss(): Promise<string> {
  cached ??= Promise.all(
    [400, 700].map(async (weight) => {
      const path = require.resolve(
        `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${weight}-normal.woff2`,
      )
      const data = (await readFile(path)).toString('base64')
      return (
        `@font-face{font-family:'Noto Naskh Arabic';font-style:normal;font-weight:${weight};` +
        `font-display:swap;src:url(data:font/woff2;base64,${data}) format('woff2');` +
        `unicode-range:U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,` +
        `U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC}`
      )
    }),
  ).then((rules) => rules.join('\n'))
  return cached
}
