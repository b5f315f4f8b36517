import { type RefObject, useEffect } from 'react'

const items = (group: HTMLElement) =>
  [...group.querySelectorAll<HTMLElement>('button, select, input')].filter(
    (item) => !item.hasAttribute('disabled'),
  )

/**
 * One Tab stop for a group of controls (a toolbar): the arrow keys move between them in the
 * reading direction (right to left in Arabic), Home and End to the first and last, and Tab
 * leaves the group from wherever the focus was last.
 */
export function useRovingFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const group = ref.current
    if (!group) return
    const current = () => {
      const all = items(group)
      return all.find((item) => item.tabIndex === 0) ?? all[0]
    }
    const settle = (chosen: HTMLElement | undefined) => {
      for (const item of items(group)) item.tabIndex = item === chosen ? 0 : -1
    }
    settle(current())
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && items(group).includes(event.target)) {
        settle(event.target)
      }
    }
    const onKey = (event: KeyboardEvent) => {
      const all = items(group)
      const at = all.indexOf(document.activeElement as HTMLElement)
      if (at < 0) return
      const rtl = getComputedStyle(group).direction === 'rtl'
      const moves: Record<string, number> = {
        [rtl ? 'ArrowLeft' : 'ArrowRight']: at + 1,
        [rtl ? 'ArrowRight' : 'ArrowLeft']: at - 1,
        Home: 0,
        End: all.length - 1,
      }
      const to = moves[event.key]
      if (to === undefined) return
      event.preventDefault()
      const next = all[(to + all.length) % all.length]
      settle(next)
      next?.focus()
    }
    group.addEventListener('focusin', onFocus)
    group.addEventListener('keydown', onKey)
    return () => {
      group.removeEventListener('focusin', onFocus)
      group.removeEventListener('keydown', onKey)
    }
  })
}
