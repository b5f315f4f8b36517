import type { Article, ArticleState } from './article.js'
import { checkArticle } from './content-profile.js'
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
}

/** Whether a move is one of the allowed transitions. */
export function isAllowedMove(from: ArticleState, to: ArticleState): boolean {
  return transitions[from].includes(to)
}

/**
 * Every reason a move is refused, or none: the transition itself, a note when returning a
 * story, a time for scheduling, and the content profile for anything that leads to the site.
 */
export function moveRefusals(
  article: Article,
  move: MoveRequest,
  settings: Settings,
  now: Date,
): string[] {
  if (!isAllowedMove(article.state, move.to)) {
    return [
      `${article.state} → ${move.to} is not an allowed move (from ${article.state}: ${transitions[article.state].join(', ') || 'none'})`,
    ]
  }
  const reasons: string[] = []
  if (article.state === 'in_review' && move.to === 'draft' && !move.note?.trim()) {
    reasons.push('returning a story to its writer needs a note saying why')
  }
  if (move.to === 'scheduled') {
    if (!move.at) reasons.push('scheduling needs a time (--at)')
    else if (Date.parse(move.at) <= now.getTime())
      reasons.push(`the time ${move.at} has already passed`)
  }
  if (move.to === 'ready' || move.to === 'scheduled' || move.to === 'exported') {
    for (const finding of checkArticle(article, settings.contentProfile, settings.sections)) {
      reasons.push(finding.message)
    }
  }
  return reasons
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
}

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
      return {
        id: row.id,
        headline: row.headline,
        section: row.section,
        state: row.state,
        priority: row.priority ?? 3,
        scheduledAt,
        missedSchedule:
          row.state === 'scheduled' &&
          (publishError !== null || isMissed({ state: row.state, scheduledAt }, now)),
        byline: row.byline,
        updatedAt: row.updatedAt,
        publishError,
      }
    })
    .sort(
      (a, b) =>
        boardOrder.indexOf(a.state) - boardOrder.indexOf(b.state) ||
        a.priority - b.priority ||
        (a.scheduledAt ?? a.updatedAt).localeCompare(b.scheduledAt ?? b.updatedAt),
    )
}
