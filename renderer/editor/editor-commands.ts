import type { ToolbarCommand } from './EditorToolbar.js'
import type { Quill } from './quill-setup.js'
import type { EditorAction } from './shortcuts.js'

/** A paragraph's right-to-left direction, as Quill formats a line. */
export const rtlLine = { direction: 'rtl', align: 'right' } as const

/** What a command opens instead of formatting: a dialog, find and replace, a save. */
export interface CommandOpeners {
  dialog: (kind: 'link' | 'image') => void
  find: (replace: boolean) => void
  save: () => void
}

/** Carries out a toolbar command or a shortcut's action on the editor, at the last selection. */
export function applyCommand(
  quill: Quill,
  command: ToolbarCommand | { kind: EditorAction },
  range: { index: number; length: number },
  open: CommandOpeners,
): void {
  const current = quill.getFormat(range)
  switch (command.kind) {
    case 'toggle':
      quill.format(command.format, !current[command.format], 'user')
      break
    case 'bold':
    case 'italic':
    case 'underline':
      quill.format(command.kind, !current[command.kind], 'user')
      break
    case 'header':
      quill.format('header', command.level || false, 'user')
      break
    case 'list':
      quill.format('list', current.list === command.list ? false : command.list, 'user')
      break
    case 'align':
      quill.format('align', command.align || false, 'user')
      break
    case 'direction': {
      const rtl = current.direction === 'rtl'
      quill.format('direction', rtl ? false : 'rtl', 'user')
      quill.format('align', rtl ? false : 'right', 'user')
      break
    }
    case 'clear': {
      const { index, length } = quill.getSelection(true)
      quill.removeFormat(index, length, 'user')
      // Clearing keeps the paragraph's direction: the article stays right to left.
      if (current.direction === 'rtl') quill.formatLine(index, Math.max(1, length), rtlLine, 'user')
      break
    }
    case 'undo':
      quill.history.undo()
      break
    case 'redo':
      quill.history.redo()
      break
    case 'link':
    case 'image':
      open.dialog(command.kind)
      break
    case 'find':
    case 'replace':
      open.find(command.kind === 'replace')
      break
    case 'save':
      open.save()
      break
  }
}
