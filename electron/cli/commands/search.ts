import { findAll } from '../../../shared/search-text.js'
import type { openLibraryReader } from '../../core/library-reader.js'
import { type CliIo, UsageError } from '../io.js'

/** A short piece of text around a match, for a search result. */
function snippet(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 40)
  const to = Math.min(text.length, end + 40)
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`
}

/**
 * `midad search QUERY [--json]`: articles whose headline or text holds the query, ignoring
 * tashkeel, tatweel, alef forms, ى/ي, ة/ه and digit systems; newest first. Reads without the lock.
 */
export async function searchCommand(
  library: ReturnType<typeof openLibraryReader>,
  words: string[],
  json: boolean,
  io: CliIo,
): Promise<number> {
  const query = words.join(' ').trim()
  if (!query) throw new UsageError('search needs the words to look for')
  const results: { id: string; headline: string; snippet: string }[] = []
  for (const row of await library.list()) {
    const article = await library.get(row.id)
    const inHeadline = findAll(article.headline, query, { ignoreMarks: true })[0]
    if (inHeadline) {
      results.push({
        id: article.id,
        headline: article.headline,
        snippet: article.text[0] ? snippet(article.text[0], 0, 0) : '',
      })
      continue
    }
    const text = article.text.join('\n')
    const match = findAll(text, query, { ignoreMarks: true })[0]
    if (match)
      results.push({
        id: article.id,
        headline: article.headline,
        snippet: snippet(text, match.start, match.end),
      })
  }
  if (json) io.out(JSON.stringify(results, null, 2))
  else for (const result of results) io.out(`${result.id}\t${result.headline}\t${result.snippet}`)
  if (!json && results.length === 0) io.err('nothing found')
  return 0
}
