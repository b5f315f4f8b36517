import { articleStates } from '../../../shared/article.js'
import { articleIdPattern } from '../../../shared/schemas.js'
import type { IndexRow } from './index-row.js'

// `library.json` is read at every start, and at 100,000 articles zod spends a few hundred
// milliseconds on its rows. These checks say exactly what `indexSnapshotSchema` says (a test
// holds them to it, case by case) in a fraction of the time; anything they refuse goes through
// the schema, which words why.

const rowKeys = [
  'id',
  'headline',
  'section',
  'state',
  'byline',
  'slug',
  'publishedAt',
  'updatedAt',
  'priority',
  'scheduledAt',
  'publishError',
  'tags',
  'stamp',
] as const
const states: ReadonlySet<unknown> = new Set(articleStates)

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const hasExactly = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(value).length === keys.length && keys.every((key) => Object.hasOwn(value, key))
const isText = (value: unknown): value is string => typeof value === 'string'
const isTime = (value: unknown) => typeof value === 'string' && value.length > 0
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value)

/** Whether a value is an index row as `indexRowSchema` has it. */
export function isIndexRow(value: unknown): value is IndexRow {
  if (!isPlainObject(value) || !hasExactly(value, rowKeys)) return false
  const { stamp, tags, priority } = value
  return (
    isText(value.id) &&
    articleIdPattern.test(value.id) &&
    isText(value.headline) &&
    isText(value.section) &&
    states.has(value.state) &&
    isText(value.byline) &&
    isText(value.slug) &&
    (value.publishedAt === null || isTime(value.publishedAt)) &&
    isTime(value.updatedAt) &&
    Number.isInteger(priority) &&
    (priority as number) >= 1 &&
    (priority as number) <= 6 &&
    (value.scheduledAt === null || isTime(value.scheduledAt)) &&
    (value.publishError === null || isText(value.publishError)) &&
    Array.isArray(tags) &&
    tags.every(isText) &&
    isPlainObject(stamp) &&
    hasExactly(stamp, ['size', 'mtimeMs', 'ino']) &&
    Number.isInteger(stamp.size) &&
    (stamp.size as number) >= 0 &&
    isNumber(stamp.mtimeMs) &&
    isNumber(stamp.ino)
  )
}

/** Whether a value is a `library.json` snapshot as `indexSnapshotSchema` has it. */
export function isIndexSnapshot(
  value: unknown,
): value is { version: 2; generation: number; articles: IndexRow[] } {
  return (
    isPlainObject(value) &&
    hasExactly(value, ['version', 'generation', 'articles']) &&
    value.version === 2 &&
    Number.isInteger(value.generation) &&
    (value.generation as number) >= 0 &&
    Array.isArray(value.articles) &&
    value.articles.every(isIndexRow)
  )
}
