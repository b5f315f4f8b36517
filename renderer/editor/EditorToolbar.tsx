import type { Dictionary } from '../i18n/ar.js'
import { useRef } from 'react'
import { useRovingFocus } from '../app/roving-focus.js'
import { useWords } from '../app/words.js'

/** The formats at the caret, for the toolbar's pressed states. */
export type CaretFormats = Record<string, unknown>

/** What the toolbar asks the editor to do. */
export type ToolbarCommand =
  | { kind: 'toggle'; format: 'bold' | 'italic' | 'underline' | 'blockquote' }
  | { kind: 'header'; level: 0 | 1 | 2 | 3 }
  | { kind: 'list'; list: 'ordered' | 'bullet' }
  | { kind: 'align'; align: '' | 'center' | 'justify' | 'left' | 'right' }
  | { kind: 'link' | 'direction' | 'clear' | 'undo' | 'redo' | 'image' | 'find' }

const shortcut = (mac: boolean, keys: string) => ` (${mac ? '⌘' : 'Ctrl'}+${keys})`

/** The editor's toolbar: Arabic labels and tooltips (with the shortcut), pressed states. */
export function EditorToolbar(props: {
  formats: CaretFormats
  mac: boolean
  onCommand: (command: ToolbarCommand) => void
}) {
  const { words } = useWords()
  const { formats, mac, onCommand } = props
  const group = useRef<HTMLDivElement>(null)
  useRovingFocus(group)
  const button = (
    label: keyof Dictionary,
    text: string,
    command: ToolbarCommand,
    pressed?: boolean,
    keys?: string,
  ) => (
    <button
      type="button"
      className="tool"
      aria-label={words[label]}
      title={words[label] + (keys ? shortcut(mac, keys) : '')}
      aria-pressed={pressed === undefined ? undefined : pressed}
      // Keep the editor's selection: a toolbar click must not take the focus.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onCommand(command)}
    >
      {text}
    </button>
  )
  const header = Number(formats.header ?? 0)
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={words.toolbarLabel} ref={group}>
      <select
        aria-label={words.paragraphStyle}
        value={header}
        onChange={(event) =>
          onCommand({ kind: 'header', level: Number(event.target.value) as 0 | 1 | 2 | 3 })
        }
      >
        <option value={0}>{words.normalText}</option>
        <option value={1}>{words.heading1}</option>
        <option value={2}>{words.heading2}</option>
        <option value={3}>{words.heading3}</option>
      </select>
      {button(
        'bold',
        words.boldShort,
        { kind: 'toggle', format: 'bold' },
        formats.bold === true,
        'B',
      )}
      {button(
        'italic',
        words.italicShort,
        { kind: 'toggle', format: 'italic' },
        formats.italic === true,
        'I',
      )}
      {button(
        'underline',
        words.underlineShort,
        { kind: 'toggle', format: 'underline' },
        formats.underline === true,
        'U',
      )}
      {button(
        'blockquote',
        '❝',
        { kind: 'toggle', format: 'blockquote' },
        formats.blockquote === true,
      )}
      {button(
        'orderedList',
        words.orderedShort,
        { kind: 'list', list: 'ordered' },
        formats.list === 'ordered',
      )}
      {button('bulletList', '•', { kind: 'list', list: 'bullet' }, formats.list === 'bullet')}
      {button('link', words.link, { kind: 'link' }, typeof formats.link === 'string', 'K')}
      {button(
        'direction',
        formats.direction === 'rtl' ? 'ع⇠' : 'A⇢',
        { kind: 'direction' },
        formats.direction !== 'rtl',
        'Shift+X',
      )}
      <select
        aria-label={words.alignment}
        value={typeof formats.align === 'string' ? formats.align : ''}
        onChange={(event) => onCommand({ kind: 'align', align: event.target.value as '' })}
      >
        <option value="">{words.alignStart}</option>
        <option value="right">{words.alignRight}</option>
        <option value="center">{words.alignCenter}</option>
        <option value="left">{words.alignLeft}</option>
        <option value="justify">{words.alignJustify}</option>
      </select>
      {button('clearFormat', '⌫', { kind: 'clear' })}
      {button('undo', '↶', { kind: 'undo' }, undefined, 'Z')}
      {button('redo', '↷', { kind: 'redo' }, undefined, 'Shift+Z')}
      {button('insertImage', words.imageShort, { kind: 'image' })}
      {button('findReplace', words.findShort, { kind: 'find' }, undefined, 'F')}
    </div>
  )
}
