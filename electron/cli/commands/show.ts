import { articleIdSchema } from '../../../shared/schemas.js'
import type { openLibraryReader } from '../../core/library-reader.js'
import { type CliIo, UsageError } from '../io.js'

/** `midad show ID [--json]`: one article as stored. */
export async function showCommand(
  library: ReturnType<typeof openLibraryReader>,
  id: string | undefined,
  json: boolean,
  io: CliIo,
): Promise<number> {
  if (id === undefined) throw new UsageError('show needs an article id')
  if (!articleIdSchema.safeParse(id).success) throw new UsageError(`${id} is not an article id`)
  const article = await library.get(id)
  if (json) {
    io.out(JSON.stringify(article, null, 2))
    return 0
  }
  io.out(article.headline)
  io.out(
    `${article.id} · ${article.state} · ${article.section} · revision ${article.revision} · ${article.updatedAt}`,
  )
  io.out('')
  io.out(article.text.join('\n\n'))
  return 0
}
