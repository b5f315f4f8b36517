import type { ArticleSummary } from '../../../shared/article.js'
import type { openLibraryReader } from '../../core/library-reader.js'
import type { CliIo } from '../io.js'

/** One row of `midad list --json` (design.md's CLI shape). */
export type ListRow = Pick<ArticleSummary, 'id' | 'headline' | 'section' | 'state' | 'updatedAt'>

/** `midad list [--json]`: the library, newest first, trash excluded. */
export async function listCommand(
  library: ReturnType<typeof openLibraryReader>,
  json: boolean,
  io: CliIo,
): Promise<number> {
  const rows = (await library.list()).map(
    ({ id, headline, section, state, updatedAt }): ListRow => ({
      id,
      headline,
      section,
      state,
      updatedAt,
    }),
  )
  if (json) {
    io.out(JSON.stringify(rows, null, 2))
    return 0
  }
  if (rows.length === 0) io.err('the library is empty')
  for (const row of rows) {
    io.out([row.id, row.state, row.updatedAt, row.section, row.headline].join('\t'))
  }
  return 0
}
