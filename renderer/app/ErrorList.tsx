import { useWords } from './words.js'

/** Errors from the desk, shown until the editor dismisses them: never swallowed. */
export function ErrorList(props: { errors: string[]; onDismiss: (index: number) => void }) {
  const { words } = useWords()
  if (props.errors.length === 0) return null
  return (
    <section className="errors" role="alert" aria-label={words.errors}>
      {props.errors.map((message, index) => (
        <p key={index}>
          <span dir="auto">{message}</span>
          <button type="button" onClick={() => props.onDismiss(index)} aria-label={words.dismiss}>
            ×
          </button>
        </p>
      ))}
    </section>
  )
}
