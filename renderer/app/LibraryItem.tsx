import type { ReactNode } from 'react'

/** One article in a list of the library (the library itself, search results): opens it. */
export function LibraryItem(props: {
  selected: boolean
  headline: ReactNode
  onOpen: () => void
  /** The lines under the headline. */
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className="library-item"
      aria-current={props.selected ? 'true' : undefined}
      onClick={props.onOpen}
    >
      <span className="item-headline" dir="auto">
        {props.headline}
      </span>
      {props.children}
    </button>
  )
}
