import { useEffect, useId, useState } from 'react'
import type { Settings } from '../../shared/settings.js'
import { fill } from '../i18n/i18n.js'
import { useDesk } from './desk-context.js'
import { useWords } from './words.js'
import './banners.css'

/**
 * On a desk that has never asked, who the editor is: an inline line that takes no focus and
 * blocks nothing. Until it is answered the history says the system user's name (shown here);
 * answered or dismissed, it is not asked again (Settings keep the name and that it was asked).
 */
export function EditorNamePrompt(props: {
  settings: Settings
  onSaved: (settings: Settings) => void
}) {
  const { words } = useWords()
  const { desk } = useDesk()
  const [systemUser, setSystemUser] = useState('')
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const inputId = useId()
  const asking = !props.settings.editorName && !props.settings.editorNameAsked
  useEffect(() => {
    if (!asking) return
    // Asked of the desk itself: the settings passed in may still be the defaults, not yet read.
    void Promise.all([desk.settings.get(), desk.settings.editor()]).then(([settings, editor]) => {
      if (!settings.ok || !editor.ok) return
      if (!settings.value.editorName && !settings.value.editorNameAsked)
        setSystemUser(editor.value.systemUser)
    })
  }, [asking, desk])
  if (!asking || !systemUser) return null
  const answer = async (patch: Partial<Settings>) => {
    const result = await desk.settings.update({ ...patch, editorNameAsked: true })
    if (result.ok) props.onSaved(result.value)
    else setProblem(words.editorNameNotSaved)
  }
  return (
    <section className="editor-name-prompt" aria-label={words.editorNameTitle}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (name.trim()) void answer({ editorName: name.trim() })
        }}
      >
        <label htmlFor={inputId}>{fill(words.editorNameAsk, { user: systemUser })}</label>
        <input
          id={inputId}
          dir="auto"
          value={name}
          maxLength={200}
          placeholder={systemUser}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={!name.trim()}>
          {words.editorNameSave}
        </button>
        <button type="button" onClick={() => void answer({})}>
          {fill(words.editorNameKeep, { user: systemUser })}
        </button>
      </form>
      {problem && <p role="alert">{problem}</p>}
    </section>
  )
}
