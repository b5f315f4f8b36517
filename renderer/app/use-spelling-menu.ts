import { type MouseEvent, useCallback, useState } from 'react'
import { spellingKey } from '../../shared/spelling.js'
import { indexAtPoint, pointOfIndex } from '../editor/point-index.js'
import type { Quill } from '../editor/quill-setup.js'
import type { ShownFinding } from './ProofingPanel.js'
import type { SpellingMenuPlace } from './SpellingMenu.js'
import type { useProofing } from './use-proofing.js'
import type { useSpelling } from './use-spelling.js'

/**
 * The spelling menu's place and acts: opened by a right click (or the menu key) on a
 * misspelled word in the headline or body, or from the proofing tab; a suggestion replaces the
 * word as the editor's own edit, «add» puts it into the newsroom's dictionary.
 */
export function useSpellingMenu(
  proofing: ReturnType<typeof useProofing>,
  spelling: ReturnType<typeof useSpelling>,
) {
  const [open, setOpen] = useState<{
    finding: ShownFinding
    place: SpellingMenuPlace
    back: HTMLElement | null
  } | null>(null)

  const onContextMenu = useCallback(
    (event: MouseEvent) => {
      const quill = proofing.quills().find((q: Quill) => q.root.contains(event.target as Node))
      if (!quill) return
      const pointed = indexAtPoint(quill, event.clientX, event.clientY)
      // The menu key and Shift+F10 open it where the caret is, not under the pointer.
      const index = event.button === 2 ? pointed : (quill.getSelection()?.index ?? pointed)
      const finding = index === null ? null : proofing.findingAt(quill, index, 'spelling')
      if (!finding || index === null) return
      event.preventDefault()
      const at =
        event.button === 2 ? { x: event.clientX, y: event.clientY } : pointOfIndex(quill, index)
      setOpen({ finding, place: { word: finding.found, ...at }, back: quill.root })
    },
    [proofing],
  )

  const openFor = useCallback((finding: ShownFinding, from: HTMLElement) => {
    const box = from.getBoundingClientRect()
    setOpen({ finding, place: { word: finding.found, x: box.left, y: box.bottom }, back: from })
  }, [])

  const close = useCallback(() => {
    open?.back?.focus()
    setOpen(null)
  }, [open])

  const menu = open && {
    place: open.place,
    suggest: spelling.suggest,
    onReplace: (suggestion: string) => proofing.fix([{ ...open.finding, suggestion }]),
    onAdd: () => void spelling.addWord(spellingKey(open.finding.found)),
    onIgnore: () => proofing.ignore(open.finding),
    onClose: close,
  }
  return { menu, onContextMenu, openFor }
}
