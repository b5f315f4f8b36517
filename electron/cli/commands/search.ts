import type { openLibraryReader } from '../../core/library-reader.js'
import { libraryFilterSchema } from '../../../shared/schemas.js'
import { type CliIo, UsageError } from '../io.js'

/** The filters `midad search` takes as options, as text from the command line. */
type FilterOptions = Partial<Record<'section' | 'state' | 'tag' | 'byline' | 'from' | 'to', string>>

/** The options of `midad search` beside its words. */
export interface SearchOptions extends FilterOptions {
  limit?: string
  newest: boolean
}

/**
 * `midad search WORDS [--limit N] [filters] [--newest] [--json]`: the first page of ranked hits
 * (default 20) of articles holding every word (a quoted phrase together), ignoring tashkeel,
 * tatweel, alef forms, ى/ي, ة/ه, digit systems and the clitics و ف ب ك ل ال. Reads without the
 * lock, through the persisted search index.
 */
export async function searchCommand(
  library: ReturnType<typeof openLibraryReader>,
  words: string[],
  options: SearchOptions,
  json: boolean,
  io: CliIo,
): Promise<number> {
  const query = words.join(' ').trim()
  if (!query) throw new UsageError('search needs the words to look for')
  const limit = options.limit === undefined ? 20 : Number(options.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new UsageError('--limit takes a whole number from 1 to 1000')
  }
  const filter = libraryFilterSchema.safeParse({
    section: options.section,
    state: options.state,
    tag: options.tag,
    byline: options.byline,
    from: options.from,
    to: options.to,
  })
  if (!filter.success) {
    throw new UsageError(
      `a search filter is wrong: ${filter.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  }
  // The words on a command line are finished words: a space ends the last one.
  const results = await library.search({
    query: `${query} `,
    limit,
    sort: options.newest ? 'newest' : 'relevance',
    filter: filter.data,
  })
  if (json) io.out(JSON.stringify(results, null, 2))
  else for (const result of results) io.out(`${result.id}\t${result.headline}\t${result.snippet}`)
  if (!json && results.length === 0) io.err('nothing found')
  return 0
}
