import { useCallback, useEffect, useRef, useState } from 'react'
import type { DeskApi } from '../../shared/contract.js'
import type { QueueCard } from '../../shared/workflow.js'

/**
 * Stories whose scheduled time passed without being published, asked of the desk every 30 s
 * for the whole desk (one poll, wherever the editor is); a system notification for each newly
 * missed one, where the platform allows.
 */
export function useMissedSchedules(desk: DeskApi, title: string) {
  const [missed, setMissed] = useState<QueueCard[]>([])
  const notified = useRef(new Set<string>())
  const refresh = useCallback(
    () =>
      void desk.queue.list().then((result) => {
        if (!result.ok) return
        const now = result.value.filter((card) => card.missedSchedule)
        const fresh = now.filter((card) => !notified.current.has(card.id))
        for (const card of fresh) notified.current.add(card.id)
        if (fresh.length) notifyMissed(title, fresh)
        setMissed(now)
      }),
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
