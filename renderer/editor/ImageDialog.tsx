import { useState } from 'react'
import { Dialog } from '../app/Dialog.js'
import { useWords } from '../app/words.js'

/** Picks a local image with its alt text and caption, to copy into the library. */
export function ImageDialog(props: {
  onInsert: (file: File, alt: string, caption: string) => void
  onClose: () => void
  /** How the focus goes back when it closes (the editor's caret). */
  returnFocus?: () => void
}) {
  const { words } = useWords()
  const [file, setFile] = useState<File | null>(null)
  const [alt, setAlt] = useState('')
  const [caption, setCaption] = useState('')
  return (
    <Dialog title={words.imageTitle} onClose={props.onClose} returnFocus={props.returnFocus}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (file) props.onInsert(file, alt, caption)
        }}
      >
        <label className="field">
          <span>{words.imageFile}</span>
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </label>
        <label className="field">
          <span>{words.altText}</span>
          <input dir="auto" value={alt} onChange={(event) => setAlt(event.target.value)} />
        </label>
        <label className="field">
          <span>{words.caption}</span>
          <input dir="auto" value={caption} onChange={(event) => setCaption(event.target.value)} />
        </label>
        <div className="dialog-row">
          <button type="submit" className="primary" disabled={!file}>
            {words.insertImage}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
