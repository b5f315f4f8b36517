import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { fill } from '../i18n/i18n.js'
import { useWords } from './words.js'

/** Where the menu opens (the pointer, or the word's place for the keyboard) and for what word. */
export interface SpellingMenuPlace {
  word: string
  x: number
  y: number
}

/**
 * The spelling menu of a misspelled word: the dictionary's suggestions (asked for when it
 * opens), the word added to the newsroom's dictionary, or ignored here. A real menu: the
 * focus goes in, the arrows move, Escape and a click outside close it.
 */
export function SpellingMenu(props: {
  place: SpellingMenuPlace
  readOnly: boolean
  suggest: (word: string) => Promise<string[]>
  onReplace: (suggestion: string) => void
  onAdd: () => void
  onIgnore: () => void
  onClose: () => void
}) {
  const { words } = useWords()
  const { place, suggest, onClose } = props
  const [suggestions, setSuggestions] = useState<string[] | null>(null)
  const menu = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let live = true
    void suggest(place.word).then((found) => {
      if (live) setSuggestions(found)
    })
    return () => {
      live = false
    }
  }, [place.word, suggest])

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])]
  useEffect(() => {
    items()[0]?.focus()
  }, [suggestions])

  useEffect(() => {
    const outside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose()
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [onClose])

  const onKey = (event: KeyboardEvent) => {
    const all = items()
    const at = all.indexOf(document.activeElement as HTMLElement)
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: all.length - 1,
    }
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault()
      onClose()
      return
    }
    const to = moves[event.key]
    if (to === undefined) return
    event.preventDefault()
    all[(to + all.length) % all.length]?.focus()
  }

  // Kept inside the window whatever the word's place: moved up or aside by what overflows.
  const [shift, setShift] = useState({ x: 0, y: 0 })
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect()
    if (!box) return
    setShift({
      x: Math.min(0, window.innerWidth - (place.x + box.width)),
      y: Math.min(0, window.innerHeight - (place.y + box.height)),
    })
  }, [place, suggestions])
  const left = Math.max(0, place.x + shift.x)
  const top = Math.max(0, place.y + shift.y)
  const choose = (act: () => void) => () => {
    act()
    onClose()
  }
  return (
    <div
      ref={menu}
      role="menu"
      className="spelling-menu"
      aria-label={fill(words.spellingMenuLabel, { word: place.word })}
      style={{ left, top }}
      onKeyDown={onKey}
    >
      {suggestions === null && <p className="item-meta">{words.spellingLooking}</p>}
      {suggestions?.length === 0 && <p className="item-meta">{words.spellingNoSuggestions}</p>}
      {!props.readOnly &&
        suggestions?.map((suggestion) => (
          <button
            key={suggestion}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="suggestion"
            onClick={choose(() => props.onReplace(suggestion))}
          >
            <bdi>{suggestion}</bdi>
          </button>
        ))}
      <hr />
      <button type="button" role="menuitem" tabIndex={-1} onClick={choose(props.onAdd)}>
        {fill(words.spellingAdd, { word: place.word })}
      </button>
      <button type="button" role="menuitem" tabIndex={-1} onClick={choose(props.onIgnore)}>
        {words.styleIgnore}
      </button>
    </div>
  )
}
