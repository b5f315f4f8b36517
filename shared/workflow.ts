import type { Article, ArticleState } from './article.js'
import { blockingFindings, type Misspelled, styleFindings } from './article-check.js'
import { checkArticle, findingReason } from './content-profile.js'
import { type Reason, reason, reasonText } from './reasons.js'
import type { Settings } from './settings.js'

/** Every allowed move, from each state (design.md, Workflow). Anything else is refused. */
export const transitions: Record<ArticleState, readonly ArticleState[]> = {
  draft: ['in_review'],
  in_review: ['ready', 'draft'],
  ready: ['scheduled', 'exported', 'draft'],
  scheduled: ['exported', 'draft'],
  exported: ['corrected', 'withdrawn'],
  corrected: ['exported'],
  withdrawn: ['draft'],
}

/** The board's columns, in reading order (right to left in Arabic). */
export const boardOrder: readonly ArticleState[] = [
  'draft',
  'in_review',
  'ready',
  'scheduled',
  'exported',
  'corrected',
  'withdrawn',
]

/** A move an editor asks for. */
export interface MoveRequest {
  to: ArticleState
  note?: string
  /** For `scheduled`: when to publish, ISO 8601. */
  at?: string
  /** For `ready`: why it may go despite house-style findings at the readiness threshold. */
  override?: string
}

/** How many house-style findings a move to ready would have to override (0: none block it). */
export function findingsToOverride(
  article: Article,
  to: ArticleState,
  settings: Settings,
  misspelled?: Misspelled,
): number {
  if (to !== 'ready') return 0
  return blockingFindings(styleFindings(article, settings, misspelled), settings).length
}

/** Whether a move is one of the allowed transitions. */
export function isAllowedMove(from: ArticleState, to: ArticleState): boolean {
  return transitions[from].includes(to)
}

/**
 * Every reason a move is refused, or none, as data: the transition itself, a note when
 * returning a story, a time for scheduling, and the content profile for anything that leads to
 * the site.
 */
export function moveRefusalReasons(
  article: Article,
  move: MoveRequest,
  settings: Settings,
  now: Date,
  misspelled?: Misspelled,
): Reason[] {
  if (!isAllowedMove(article.state, move.to)) {
    const allowed = transitions[article.state].join(', ')
    return [reason('move-not-allowed', { from: article.state, to: move.to, allowed })]
  }
  const reasons: Reason[] = []
  if (article.state === 'in_review' && move.to === 'draft' && !move.note?.trim()) {
    reasons.push(reason('return-needs-note', undefined, 'note'))
  }
  // A correction says what it corrects: the note goes into the history and every export.
  if (move.to === 'corrected' && !move.note?.trim()) {
    reasons.push(reason('correction-needs-note', undefined, 'note'))
  }
  if (move.to === 'scheduled') {
    if (!move.at) reasons.push(reason('schedule-needs-time', undefined, 'at'))
    else if (Date.parse(move.at) <= now.getTime())
      reasons.push(reason('schedule-time-passed', { at: move.at }, 'at'))
  }
  const blocking = findingsToOverride(article, move.to, settings, misspelled)
  if (blocking > 0 && !move.override?.trim()) {
    const threshold = settings.readinessThreshold
    reasons.push(reason('style-blocks-ready', { count: blocking, threshold }, 'override'))
  }
  if (move.to === 'ready' || move.to === 'scheduled' || move.to === 'exported') {
    for (const finding of checkArticle(article, settings.contentProfile, settings.sections)) {
      reasons.push(findingReason(finding))
    }
  }
  return reasons
}

/** Every reason a move is refused, or none, in English (the CLI, `error.reasons`). */
export function moveRefusals(
  article: Article,
  move: MoveRequest,
  settings: Settings,
  now: Date,
): string[] {
  return moveRefusalReasons(article, move, settings, now).map(reasonText)
}

/** Whether a scheduled article's time has passed without it being published. */
export function isMissed(article: Pick<Article, 'state' | 'scheduledAt'>, now: Date): boolean {
  return (
    article.state === 'scheduled' &&
    article.scheduledAt !== null &&
    Date.parse(article.scheduledAt) <= now.getTime()
  )
}

/** One card of the publishing queue (design.md's `queue` JSON shape, plus what the board shows). */
export interface QueueCard {
  id: string
  headline: string
  section: string
  state: ArticleState
  priority: number
  scheduledAt: string | null
  missedSchedule: boolean
  byline: string
  updatedAt: string
  publishError: string | null
  /** Why a schedule was missed, for the UI to word; null when it was not. */
  missedReason: Reason | null
}

/** What a missed schedule's article keeps as its publish error when no desk was open in time. */
export const closedAtTheTime = reasonText(reason('desk-closed-at-time'))

/** The queue in board order: by column, then priority (1 first), then the oldest change first. */
export function queueCards(
  rows: readonly {
    id: string
    headline: string
    section: string
    state: ArticleState
    priority?: number
    scheduledAt?: string | null
    publishError?: string | null
    byline: string
    updatedAt: string
  }[],
  now: Date,
): QueueCard[] {
  return rows
    .map((row) => {
      const scheduledAt = row.scheduledAt ?? null
      const publishError = row.publishError ?? null
      const missedSchedule =
        row.state === 'scheduled' &&
        (publishError !== null || isMissed({ state: row.state, scheduledAt }, now))
      return {
        id: row.id,
        headline: row.headline,
        section: row.section,
        state: row.state,
        priority: row.priority ?? 3,
        scheduledAt,
        missedSchedule,
        byline: row.byline,
        updatedAt: row.updatedAt,
        publishError,
        missedReason: !missedSchedule
          ? null
          : publishError === null || publishError === closedAtTheTime
            ? reason('desk-closed-at-time')
            : reason('publish-failed', { detail: publishError }),
      }
    })
    .sort(
      (a, b) =>
        boardOrder.indexOf(a.state) - boardOrder.indexOf(b.state) ||
        a.priority - b.priority ||
        (a.scheduledAt ?? a.updatedAt).localeCompare(b.scheduledAt ?? b.updatedAt),
    )
}
