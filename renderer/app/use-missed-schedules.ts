import { useCallback, useEffect, useRef, useState } from 'react'
import type { DeskApi } from '../../shared/contract.js'
import { type QueueCard, queueCards } from '../../shared/workflow.js'

/** Scheduled stories asked for a page at a time: there are few, but never the whole library. */
const pageSize = 500

/**
 * Stories whose scheduled time passed without being published, asked of the desk every 30 s
 * for the whole desk (one poll, wherever the editor is): only the scheduled ones, a page at a
 * time (the whole queue of a 100,000-article archive is 30 MB); a system notification for each
 * newly missed one, where the platform allows.
 */
export function useMissedSchedules(desk: DeskApi, title: string) {
  const [missed, setMissed] = useState<QueueCard[]>([])
  const notified = useRef(new Set<string>())
  const refresh = useCallback(
    () =>
      void (async () => {
        const scheduled = []
        for (let offset = 0; ; offset += pageSize) {
          const page = await desk.articles.page({
            offset,
            limit: pageSize,
            filter: { state: 'scheduled' },
          })
          if (!page.ok) return
          scheduled.push(...page.value.rows)
          if (offset + pageSize >= page.value.total) break
        }
        const now = queueCards(scheduled, new Date()).filter((card) => card.missedSchedule)
        const fresh = now.filter((card) => !notified.current.has(card.id))
        for (const card of fresh) notified.current.add(card.id)
        if (fresh.length) notifyMissed(title, fresh)
        setMissed(now)
      })(),
    [desk, title],
  )
  useEffect(() => {
    refresh()
    const timer = setInterval(refresh, 30_000)
    return () => clearInterval(timer)
  }, [refresh])
  /** Asked again at once (after a move, on changing screens), besides every 30 s. */
  return { missed, refresh }
}

/** A system notification for newly missed schedules, where the platform allows one. */
function notifyMissed(title: string, cards: QueueCard[]): void {
  if (!('Notification' in window)) return
  const show = () =>
    new Notification(title, {
      body: cards.map((card) => card.headline).join('\n'),
      lang: 'ar',
      dir: 'rtl',
    })
  if (Notification.permission === 'granted') show()
  else if (Notification.permission === 'default') {
    void Notification.requestPermission().then((answer) => answer === 'granted' && show())
  }
}
