import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react'

/** One tab: its key, its label (with anything shown beside it, such as a count). */
export interface Tab<K extends string> {
  key: K
  label: ReactNode
}

/**
 * The ARIA tabs pattern: one Tab stop (the selected tab), the arrow keys move between tabs in
 * the reading direction (right to left in Arabic), Home and End to the first and last; the
 * panel is labelled by its tab. A tab is selected as soon as it has focus.
 */
export function Tabs<K extends string>(props: {
  tabs: Tab<K>[]
  selected: K
  onSelect: (key: K) => void
  label: string
  children: ReactNode
}) {
  const id = useId()
  const list = useRef<HTMLDivElement>(null)
  const index = props.tabs.findIndex((tab) => tab.key === props.selected)
  const go = (to: number) => {
    const count = props.tabs.length
    const next = props.tabs[(to + count) % count]!
    props.onSelect(next.key)
    list.current?.querySelector<HTMLElement>(`[data-tab="${next.key}"]`)?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl'
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight'
    const back = rtl ? 'ArrowRight' : 'ArrowLeft'
    const moves: Record<string, number> = {
      [forward]: index + 1,
      [back]: index - 1,
      Home: 0,
      End: props.tabs.length - 1,
    }
    const to = moves[event.key]
    if (to === undefined) return
    event.preventDefault()
    go(to)
  }
  return (
    <>
      <div
        role="tablist"
        className="tabs"
        aria-label={props.label}
        ref={list}
        onKeyDown={onKeyDown}
      >
        {props.tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${id}-${tab.key}`}
            data-tab={tab.key}
            aria-selected={tab.key === props.selected}
            aria-controls={`${id}-panel`}
            tabIndex={tab.key === props.selected ? 0 : -1}
            onClick={() => props.onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        className="tab-panel"
        aria-labelledby={`${id}-${props.selected}`}
        tabIndex={0}
      >
        {props.children}
      </div>
    </>
  )
}
