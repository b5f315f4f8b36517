import type { RecoveryCopy } from '../../shared/transfer.js'
import { useWords } from './words.js'
import { BidiText } from './BidiText.js'

/** Unsaved text found from an earlier session: restore it into its article, or discard it. */
export function RecoveryBanner(props: {
  copies: RecoveryCopy[]
  onRestore: (copy: RecoveryCopy) => void
  onDiscard: (copy: RecoveryCopy) => void
}) {
  const { words, when } = useWords()
  if (props.copies.length === 0) return null
  return (
    <section className="recovery" role="alert" aria-label={words.recoveryFound}>
      <strong>{words.recoveryFound}</strong>
      <ul>
        {props.copies.map((copy) => (
          <li key={`${copy.id}.${copy.session}`}>
            <span dir="auto">
              <BidiText text={copy.headline || words.untitled} />
            </span>{' '}
            — {words.recoveryFrom} {when(copy.savedAt)}
            {copy.currentRevision > copy.baseRevision && <em> ({words.recoveryStale})</em>}
            <button type="button" className="primary" onClick={() => props.onRestore(copy)}>
              {words.recoveryRestore}
            </button>
            <button type="button" onClick={() => props.onDiscard(copy)}>
              {words.recoveryDiscard}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
