import { useState } from 'react'
import { Dialog } from '../app/Dialog.js'
import { useWords } from '../app/words.js'
import { isSafeLink } from '../../shared/render-html.js'

/** Asks for a link's address: only http, https and mailto are taken. */
export function LinkDialog(props: {
  initial: string
  onApply: (href: string | null) => void
  onClose: () => void
  /** How the focus goes back when it closes (the editor's caret). */
  returnFocus?: () => void
}) {
  const { words } = useWords()
  const [href, setHref] = useState(props.initial)
  const valid = isSafeLink(href.trim())
  return (
    <Dialog title={words.linkTitle} onClose={props.onClose} returnFocus={props.returnFocus}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (valid) props.onApply(href.trim())
        }}
      >
        <label className="field">
          <span>{words.linkAddress}</span>
          <input
            dir="ltr"
            autoFocus
            value={href}
            onChange={(event) => setHref(event.target.value)}
            aria-invalid={href !== '' && !valid}
          />
        </label>
        {href !== '' && !valid && <p className="failed">{words.linkInvalid}</p>}
        <div className="dialog-row">
          <button type="submit" className="primary" disabled={!valid}>
            {words.apply}
          </button>
          {props.initial && (
            <button type="button" onClick={() => props.onApply(null)}>
              {words.linkRemove}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  )
}
