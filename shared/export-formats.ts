/** Every export format (design.md, Export files). */
export const exportFormats = [
  'text',
  'html',
  'ninjs',
  'markdown',
  'docx',
  'jsonfeed',
  'rss',
  'pdf',
] as const

/** One export format. */
export type ExportFormat = (typeof exportFormats)[number]

/** Formats that write one file per article, and that file's extension. */
export const articleFileExtension: Partial<Record<ExportFormat, string>> = {
  text: 'txt',
  html: 'html',
  ninjs: 'json',
  markdown: 'md',
  docx: 'docx',
  pdf: 'pdf',
}

/** Formats that write one file for the whole batch. */
export const feedFileName: Partial<Record<ExportFormat, string>> = {
  jsonfeed: 'feed.json',
  rss: 'feed.xml',
}

/** The media type of each format's file, for downloads. */
export const exportMimeType: Record<ExportFormat, string> = {
  text: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  ninjs: 'application/json',
  markdown: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jsonfeed: 'application/feed+json',
  rss: 'application/rss+xml',
  pdf: 'application/pdf',
}

/** Import formats, by file extension. */
export const importFormatByExtension: Record<string, 'text' | 'html' | 'markdown' | 'docx'> = {
  txt: 'text',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  docx: 'docx',
}
