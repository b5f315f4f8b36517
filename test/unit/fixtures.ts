import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The site's real articles, beside the project in ../shared/fixtures/articles. */
export const fixtureFolder = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'articles',
)

/** Every fixture article: its file name and exact text. */
export function siteFixtures(): { name: string; text: string }[] {
  return readdirSync(fixtureFolder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(fixtureFolder, name), 'utf8') }))
}
