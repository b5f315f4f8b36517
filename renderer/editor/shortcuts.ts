/** Whether shortcuts use ⌘ (Apple platforms) instead of Ctrl. */
export function isMac(platform: string = navigator.platform): boolean {
  return /Mac|iPhone|iPad/.test(platform)
}

/** What a shortcut does in the editor. */
export type EditorAction =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'undo'
  | 'redo'
  | 'link'
  | 'direction'
  | 'find'
  | 'replace'
  | 'save'

/** The keys of a shortcut, as a KeyboardEvent has them. */
export interface KeyPress {
  code: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/**
 * The editor's shortcuts, matched on the physical key (`code`), so they work on an Arabic
 * layout too, where the B key types «لا» and `key` is never "b".
 */
export function editorAction(press: KeyPress, mac: boolean): EditorAction | null {
  const command = mac ? press.metaKey : press.ctrlKey
  if (!command || press.altKey) return null
  const shifted = press.shiftKey
  switch (press.code) {
    case 'KeyB':
      return shifted ? null : 'bold'
    case 'KeyI':
      return shifted ? null : 'italic'
    case 'KeyU':
      return shifted ? null : 'underline'
    case 'KeyZ':
      return shifted ? 'redo' : 'undo'
    case 'KeyY':
      return shifted ? null : 'redo'
    case 'KeyK':
      return shifted ? null : 'link'
    case 'KeyX':
      return shifted ? 'direction' : null
    case 'KeyF':
      return shifted ? null : 'find'
    case 'KeyH':
      return shifted ? null : 'replace'
    case 'KeyS':
      return shifted ? null : 'save'
    default:
      return null
  }
}

/**
 * Whether a key press asks to search the library (Ctrl+Shift+F, ⌘⇧F on macOS): anywhere in the
 * desk, by the physical key as the editor's shortcuts are; Ctrl+F alone stays find in the text.
 */
export function isLibrarySearch(press: KeyPress, mac: boolean): boolean {
  const command = mac ? press.metaKey : press.ctrlKey
  return command && press.shiftKey && !press.altKey && press.code === 'KeyF'
}

/**
 * The house-style quote for a typed `"`, from the paragraph's text before the caret: an opening
 * one at a word's start (after a space, a bracket, a dash, or one of the one-letter prefixes
 * و ف ب ك ل that begin a word: و«لا»), a closing one after a word; inside «…» the inner pair
 * is “…”.
 */
export function houseQuote(style: 'straight' | 'guillemets', before: string): string {
  if (style === 'straight') return '"'
  const opening =
    before === '' ||
    /[\s\u00a0([{«“—-]$/u.test(before) ||
    /(^|[\s\u00a0([{«“—-])[وفبكل]$/u.test(before)
  const open = (mark: string) => before.split(mark).length - 1
  const innerOpen = open('“') > open('”')
  if (opening) return open('«') > open('»') && !innerOpen ? '“' : '«'
  return innerOpen ? '”' : '»'
}
