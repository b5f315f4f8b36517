import { checkArticle } from '../../../shared/content-profile.js'
import { articleIdSchema } from '../../../shared/schemas.js'
import type { openLibraryReader } from '../../core/library-reader.js'
import { type CliIo, UsageError } from '../io.js'

/**
 * `midad check ID... [--json]`: each article against the content profile, as the desk checks
 * before it may become ready. Exit 1 when any article has a finding, like a linter.
 */
export async function checkCommand(
  library: ReturnType<typeof openLibraryReader>,
  ids: string[],
  json: boolean,
  io: CliIo,
): Promise<number> {
  if (ids.length === 0) throw new UsageError('check needs at least one article id')
  for (const id of ids) {
    if (!articleIdSchema.safeParse(id).success) throw new UsageError(`${id} is not an article id`)
  }
  const settings = await library.settings()
  const findings = []
  for (const id of ids) {
    const article = await library.get(id)
    for (const finding of checkArticle(article, settings.contentProfile, settings.sections)) {
      findings.push({ id, ...finding })
    }
  }
  if (json) io.out(JSON.stringify(findings, null, 2))
  for (const finding of findings) io.err(`${finding.id}: ${finding.message}`)
  return findings.length ? 1 : 0
}
