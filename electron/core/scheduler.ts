import { closedAtTheTime } from '../../shared/workflow.js'
import { reason, reasonText } from '../../shared/reasons.js'
import type { DeskContext } from './desk-context.js'
import { DeskFailure } from './failure.js'
import { markMissed, moveArticle } from './workflow-handlers.js'
import { dailyBackup, purgeExpired } from './history-handlers.js'

/** What the scheduler did on one tick, for the host's log and for tests. */
export interface SchedulerReport {
  published: string[]
  missed: { id: string; reason: string }[]
}

/** The reason a time passed while no desk was open (shared/workflow.ts words it). */
export { closedAtTheTime }

/**
 * Publishes scheduled articles whose time has come while a host runs. A time that passed
 * before this host started is a missed schedule (marked, never dropped, never published
 * behind the editor's back); a failed publication is marked too. Retry is moving it again.
 */
export function createScheduler(context: DeskContext, startedAt: Date = context.clock()) {
  const tick = (): Promise<SchedulerReport> =>
    context.serially(async () => {
      const report: SchedulerReport = { published: [], missed: [] }
      const now = context.clock().getTime()
      const due = context.store.index
        .oldestFirst()
        .filter(
          (row) =>
            row.state === 'scheduled' &&
            row.scheduledAt &&
            Date.parse(row.scheduledAt) <= now &&
            !row.publishError,
        )
      for (const row of due) {
        if (Date.parse(row.scheduledAt ?? '') < startedAt.getTime()) {
          await markMissed(context, row.id, closedAtTheTime)
          report.missed.push({ id: row.id, reason: closedAtTheTime })
          continue
        }
        try {
          await moveArticle(
            context,
            row.id,
            { to: 'exported', note: reasonText(reason('published-on-schedule')) },
            'scheduler',
          )
          report.published.push(row.id)
        } catch (error) {
          if (!(error instanceof DeskFailure)) throw error
          const reason = [error.message, ...(error.reasons ?? [])].join('; ')
          await markMissed(context, row.id, reason)
          report.missed.push({ id: row.id, reason })
        }
      }
      return report
    })
  return { tick }
}

/** Runs the scheduler every `intervalMs` in a host; stop it when the host stops. */
export function startScheduler(
  context: DeskContext,
  options: { intervalMs?: number; log?: (line: string) => void } = {},
): () => void {
  const scheduler = createScheduler(context)
  let purgedAt = context.clock().getTime()
  const run = () => {
    if (context.clock().getTime() - purgedAt >= 3_600_000) {
      purgedAt = context.clock().getTime()
      void context
        .serially(() => purgeExpired(context))
        .catch((error: unknown) =>
          options.log?.(`Midad: the trash could not be emptied: ${String(error)}`),
        )
      // A backup a day while a host runs (checked hourly), taken in turn with the writes.
      void context
        .serially(() => dailyBackup(context))
        .catch((error: unknown) =>
          options.log?.(`Midad: the daily backup could not be made: ${String(error)}`),
        )
    }
    return scheduler.tick().then(
      (report) => {
        for (const id of report.published) options.log?.(`Midad: published ${id} on schedule`)
        for (const { id, reason } of report.missed)
          options.log?.(`Midad: MISSED SCHEDULE ${id}: ${reason}`)
      },
      (error: unknown) => options.log?.(`Midad: scheduler failed: ${String(error)}`),
    )
  }
  void run()
  const timer = setInterval(run, options.intervalMs ?? 5_000)
  return () => clearInterval(timer)
}
