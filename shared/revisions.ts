import { diffArrays } from 'diff'

/** What made a revision: the history says it in the editor's words. */
export const revisionEvents = [
  'created',
  'edited',
  'moved',
  'imported',
  'restored',
  'corrected',
  /** Written from a team's documents (a change made on another desk, or a merge). */
  'synced',
] as const

export type RevisionEvent = (typeof revisionEvents)[number]

/** A revision worth keeping whatever its age in its burst: everything but an edit. */
export const isMilestone = (event: RevisionEvent | undefined) =>
  event !== undefined && event !== 'edited'

/** One kept revision of an article, as `revisions.history` and `midad history` list it. */
export interface RevisionEntry {
  revision: number
  at: string
  by: string
  state: string
  words: number
  event: RevisionEvent
}

/** A trashed article as the trash lists it. */
export interface TrashedArticle {
  id: string
  headline: string
  /** When it went to the trash. */
  trashedAt: string
}

/** One backup of the whole library, as `backups.list` and `midad backups` give it. */
export interface BackupEntry {
  name: string
  at: string
  bytes: number
  /** How many articles it holds: a restore says how many the library would have. */
  articles: number
}

/** One piece of a word diff: text both have, text only the newer has, text only the older. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/** The words (and the spaces between them) an article's text is compared by. */
function tokens(article: { headline: string; text: string[] }): string[] {
  const text = [article.headline, ...article.text].join('\n')
  return text.match(/\s+|[^\s]+/gu) ?? []
}

/**
 * A word diff of two revisions' headline and paragraphs, in order, nothing folded: a word is
 * a run of letters and marks between spaces, diacritics and attached signs included, so Arabic
 * is compared word by word (the `diff` package's own word splitting cuts Arabic into letters).
 */
export function wordDiff(
  older: { headline: string; text: string[] },
  newer: { headline: string; text: string[] },
): DiffPart[] {
  const parts: DiffPart[] = []
  for (const change of diffArrays(tokens(older), tokens(newer))) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal'
    const text = change.value.join('')
    const last = parts.at(-1)
    if (last?.op === op) last.text += text
    else if (text) parts.push({ op, text })
  }
  return parts
}
