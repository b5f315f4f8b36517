import type { openLibraryReader } from '../../core/library-reader.js'
import { createSearch } from '../../core/search.js'
import { type CliIo, UsageError } from '../io.js'

/**
 * `midad search WORDS [--json]`: articles whose headline or text holds every word (a quoted
 * phrase together), ignoring tashkeel, tatweel, alef forms, ى/ي, ة/ه and digit systems; newest
 * first. Reads without the lock.
 */
export async function searchCommand(
  library: ReturnType<typeof openLibraryReader>,
  words: string[],
  json: boolean,
  io: CliIo,
): Promise<number> {
  const query = words.join(' ').trim()
  if (!query) throw new UsageError('search needs the words to look for')
  const results = await createSearch({
    ...library,
    onUnreadable: (id, message) => io.err(`${id} left out: ${message}`),
  })(query, Number.MAX_SAFE_INTEGER)
  if (json) io.out(JSON.stringify(results, null, 2))
  else for (const result of results) io.out(`${result.id}\t${result.headline}\t${result.snippet}`)
  if (!json && results.length === 0) io.err('nothing found')
  return 0
}
