import { damageReasons } from '../../../shared/damage.js'
import type { z } from 'zod'
import { describeIssues } from '../../../shared/schemas.js'
import { type ArticleGlance, articleGlanceSchema } from '../../../shared/stored-schemas.js'
import { errnoCode } from '../failure.js'
import type { StorageFs } from './storage-fs.js'

/** A stored file as read: its value, nothing there, or damage (with the reason, in English). */
export type StoredRead<T> =
  { status: 'ok'; value: T } | { status: 'missing' } | { status: 'damaged'; reason: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads a JSON file and validates it by its schema. Every kind of damage is told apart from a
 * missing file: empty, not UTF-8, not JSON (truncated, zero-filled, trailing garbage), the wrong
 * shape, a folder where the file should be. Errors that are not damage (EACCES, EIO) throw.
 */
export async function readStored<S extends z.ZodType>(
  fs: Pick<StorageFs, 'readFile'>,
  path: string,
  schema: S,
  quick?: QuickCheck<z.output<S>>,
): Promise<StoredRead<z.output<S>>> {
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(path)
  } catch (error) {
    const code = errnoCode(error)
    if (code === 'ENOENT') return { status: 'missing' }
    if (code === 'EISDIR') return { status: 'damaged', reason: damageReasons.folder }
    throw error
  }
  return parseStored(bytes, schema, quick)
}

/**
 * A check that says exactly what a schema says of parsed JSON (a test holds it to the schema),
 * for files of a hundred thousand entries: zod takes a few hundred milliseconds over them and
 * copies every array it checks. What it refuses goes through the schema, which words why.
 */
export type QuickCheck<T> = (value: unknown) => value is T

/** Parses and validates bytes already read, as `readStored` does. */
export function parseStored<S extends z.ZodType>(
  bytes: Uint8Array,
  schema: S,
  quick?: QuickCheck<z.output<S>>,
): StoredRead<z.output<S>> {
  if (bytes.length === 0) return { status: 'damaged', reason: damageReasons.empty }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { status: 'damaged', reason: damageReasons.notUtf8 }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const zeros = bytes.every((byte) => byte === 0)
    return {
      status: 'damaged',
      reason: zeros
        ? damageReasons.zeros
        : `${damageReasons.notJson} (${(error as Error).message})`,
    }
  }
  if (quick?.(json)) return { status: 'ok', value: json }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issues = describeIssues(parsed.error)
    const more = issues.length > 3 ? ` and ${issues.length - 3} more` : ''
    return {
      status: 'damaged',
      reason: `${damageReasons.shape}: ${issues.slice(0, 3).join('; ')}${more}`,
    }
  }
  return { status: 'ok', value: parsed.data }
}

/**
 * What a list of hits reads of an article file, at once and checked (its searchable text), or
 * null when the file is missing, unreadable or holds another article.
 */
export function glanceAt(
  fs: Pick<StorageFs, 'readFileSync'>,
  path: string,
  id: string,
): ArticleGlance | null {
  try {
    const parsed = articleGlanceSchema.safeParse(JSON.parse(fs.readFileSync(path, 'utf8')))
    return parsed.success && parsed.data.id === id ? parsed.data : null
  } catch {
    return null
  }
}
