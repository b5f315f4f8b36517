import { type ReactNode, useEffect, useRef } from 'react'
import { useWords } from './words.js'
import './dialogs.css'

/** A modal dialog (the platform's <dialog>: focus kept inside, Escape closes, focus returned). */
export function Dialog(props: {
  title: string
  onClose: () => void
  /** Gives the focus back another way (the body editor puts back its caret), else to the opener. */
  returnFocus?: () => void
  children: ReactNode
}) {
  const { words } = useWords()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    // Focus goes back to what opened the dialog: React removes the dialog before this cleanup
    // runs, so the platform's own return of focus finds nothing and leaves it on <body>.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const returnFocus = props.returnFocus
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      if (returnFocus) returnFocus()
      else if (opener?.isConnected) opener.focus()
    }
    // The dialog's own opening and closing only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={props.title}
      onCancel={(event) => {
        event.preventDefault()
        props.onClose()
      }}
    >
      <header className="dialog-header">
        <h2>{props.title}</h2>
        <button type="button" onClick={props.onClose} aria-label={words.close}>
          ×
        </button>
      </header>
      {props.children}
    </dialog>
  )
}
