import type { LibraryNotice } from '../../shared/notices.js'
import type { Dictionary } from '../i18n/ar.js'
import { fill } from '../i18n/i18n.js'
import { type DamageKind, damageKind } from '../../shared/damage.js'
import { useWords } from './words.js'

const damageKeys: Record<DamageKind, keyof Dictionary> = {
  folder: 'damageFolder',
  empty: 'damageEmpty',
  notUtf8: 'damageNotUtf8',
  zeros: 'damageZeros',
  notJson: 'damageNotJson',
  shape: 'damageShape',
}

/** A damage reason in the editor's language; only a parser's own message stays as it was. */
function damageWords(words: Dictionary, reason: string): string {
  const known = damageKind(reason)
  if (!known) return reason
  const worded = words[damageKeys[known.kind]]
  return known.detail ? `${worded}: ${known.detail}` : worded
}

/** What a notice says, in the editor's language: the repair, then where the bytes went. */
export function noticeText(words: Dictionary, given: LibraryNotice): string {
  const notice =
    'reason' in given && given.kind !== 'read-only'
      ? { ...given, reason: damageWords(words, given.reason) }
      : given
  const where = (path: string | null) =>
    path ? fill(words.noticeQuarantinedAt, { path }) : words.noticeNotQuarantined
  switch (notice.kind) {
    case 'index-repaired':
      return fill(words.noticeIndexRepaired, notice)
    case 'index-damaged':
      return `${fill(words.noticeIndexDamaged, notice)}. ${where(notice.quarantined)}`
    case 'article-restored':
      return `${fill(words.noticeArticleRestored, notice)}. ${where(notice.quarantined)}`
    case 'article-lost':
      return `${fill(words.noticeArticleLost, notice)}. ${where(notice.quarantined)}`
    case 'settings-restored':
      return `${fill(notice.from === 'copy' ? words.noticeSettingsCopy : words.noticeSettingsDefaults, notice)}. ${where(notice.quarantined)}`
    case 'file-quarantined':
      return `${fill(words.noticeFileQuarantined, notice)}. ${where(notice.quarantined)}`
    case 'temp-removed':
      return fill(words.noticeTempRemoved, notice)
    case 'read-only':
      return fill(words.noticeReadOnly, notice)
    case 'writable-again':
      return words.noticeWritable
    case 'not-repaired':
      return fill(words.noticeNotRepaired, notice)
  }
}

/** What the desk repaired when it opened the library (and what it could not), until dismissed. */
export function NoticesBanner(props: { notices: LibraryNotice[]; onDismiss: () => void }) {
  const { words } = useWords()
  if (props.notices.length === 0) return null
  const loud = props.notices.some(
    (n) => n.kind === 'read-only' || n.kind === 'article-lost' || n.kind === 'settings-restored',
  )
  return (
    <section className="notices" role={loud ? 'alert' : 'status'} aria-label={words.noticesTitle}>
      <strong>{words.noticesTitle}</strong>
      <ul>
        {props.notices.map((notice, index) => (
          <li key={index} dir="auto">
            {noticeText(words, notice)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={props.onDismiss}>
        {words.noticesDismiss}
      </button>
    </section>
  )
}
