import { revisionEvents } from './revisions.js'
import { z } from 'zod'
import { articleStates } from './article.js'
import {
  articleFieldsPatchSchema,
  articleIdSchema,
  libraryImageSchema,
  settingsPatchSchema,
} from './schemas.js'

// Stored files are validated by shape, not by the limits an editor's input has: a file the desk
// wrote must never read back as damaged because a limit changed since. Unknown keys are kept
// (looseObject), so a newer desk's fields survive an older one.

const isoTime = z.string().min(1)
const opSchema = z.looseObject({
  insert: z.union([z.string(), z.record(z.string(), z.unknown())]),
  attributes: z.record(z.string(), z.unknown()).optional(),
})

/** A transition as stored in an article's history. */
const transitionSchema = z.looseObject({
  from: z.enum(articleStates).nullable(),
  to: z.enum(articleStates),
  at: isoTime,
  by: z.string(),
  note: z.string(),
  override: z.looseObject({ reason: z.string(), findings: z.number() }).optional(),
})

/** A review note as stored. */
const reviewNoteSchema = z.looseObject({
  id: z.string().min(1),
  anchor: z.looseObject({ paragraph: z.number().int().min(0), quote: z.string() }).nullable(),
  text: z.string(),
  by: z.string(),
  at: isoTime,
  resolvedAt: isoTime.nullable(),
  resolvedBy: z.string().nullable(),
})

/** `articles/<id>.json` and each revision file: an article as the desk writes it. */
export const storedArticleSchema = z.looseObject({
  id: articleIdSchema,
  revision: z.number().int().min(1),
  createdAt: isoTime,
  updatedAt: isoTime,
  headline: z.string(),
  kicker: z.string(),
  summary: z.string(),
  section: z.string(),
  byline: z.string(),
  source: z.string(),
  place: z.string(),
  publishedAt: isoTime.nullable(),
  tags: z.array(z.string()),
  slug: z.string(),
  priority: z.number().int().min(1).max(6),
  editorNote: z.string(),
  featuredImage: libraryImageSchema.nullable(),
  body: z.looseObject({ ops: z.array(opSchema) }),
  state: z.enum(articleStates),
  visits: z.number().min(0),
  comments: z.number().min(0),
  text: z.array(z.string()),
  history: z.array(transitionSchema).min(1),
  scheduledAt: isoTime.nullable(),
  publishError: z.string().nullable(),
  notes: z.array(reviewNoteSchema).optional(),
  event: z.enum(revisionEvents).optional(),
  savedBy: z.string().optional(),
})

/** `settings.json`: any subset of the settings (the rest are defaults), each value valid. */
export const storedSettingsSchema = settingsPatchSchema

/** What `stat` tells of a file: how the index knows a file changed behind its back. */
export const fileStampSchema = z.strictObject({
  size: z.number().int().min(0),
  mtimeMs: z.number(),
  ino: z.number(),
})

/** A stamp of one article file. */
export type FileStamp = z.infer<typeof fileStampSchema>

/** One row of `library.json`: an article's summary and the stamp of the file it came from. */
export const indexRowSchema = z.strictObject({
  id: articleIdSchema,
  headline: z.string(),
  section: z.string(),
  state: z.enum(articleStates),
  byline: z.string(),
  slug: z.string(),
  publishedAt: isoTime.nullable(),
  updatedAt: isoTime,
  priority: z.number().int().min(1).max(6),
  scheduledAt: isoTime.nullable(),
  publishError: z.string().nullable(),
  tags: z.array(z.string()),
  stamp: fileStampSchema,
})

/** What a list of hits reads of an article file: its searchable text, checked, nothing more. */
export const articleGlanceSchema = z.looseObject({
  id: articleIdSchema,
  headline: z.string(),
  kicker: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  text: z.array(z.string()),
})
export type ArticleGlance = Pick<
  z.infer<typeof articleGlanceSchema>,
  'id' | 'headline' | 'kicker' | 'summary' | 'tags' | 'text'
>

/** `library.json`: the index snapshot; journals of a generation at or above it follow it. */
export const indexSnapshotSchema = z.strictObject({
  version: z.literal(2),
  generation: z.number().int().min(0),
  articles: z.array(indexRowSchema),
})

/** One line of an index journal: a row written, or an article gone from the library. */
export const journalEntrySchema = z.union([
  z.strictObject({ put: indexRowSchema }),
  z.strictObject({ drop: articleIdSchema }),
])

/** A recovery copy as kept in `recovery/<id>.<session>.json`. */
export const storedRecoveryCopySchema = z.looseObject({
  id: articleIdSchema,
  session: z.string().min(1),
  seq: z.number(),
  baseRevision: z.number().int().min(1),
  savedAt: isoTime,
  changes: articleFieldsPatchSchema,
})
