/**
 * What the desk repaired or noticed when it opened a library, or since: shown in the desk (in
 * the editor's language, from the kind and its details) and printed by the CLI in English.
 */
export type LibraryNotice =
  | {
      kind: 'index-repaired'
      /** Rows whose article file had changed behind the index. */
      stale: number
      /** Article files the index did not list. */
      added: number
      /** Rows whose article file is gone. */
      dropped: number
    }
  | { kind: 'index-damaged'; quarantined: string | null; reason: string }
  | {
      kind: 'article-restored'
      id: string
      headline: string
      revision: number
      quarantined: string | null
      reason: string
    }
  | { kind: 'article-lost'; id: string; quarantined: string | null; reason: string }
  | {
      kind: 'settings-restored'
      from: 'copy' | 'defaults'
      quarantined: string | null
      reason: string
    }
  | { kind: 'file-quarantined'; path: string; quarantined: string | null; reason: string }
  | { kind: 'temp-removed'; count: number }
  | { kind: 'read-only'; reason: string }
  | { kind: 'writable-again' }
  | { kind: 'not-repaired'; what: string; reason: string }

/**
 * One line of English for a notice: the CLI's stderr and the host's log. A reading command
 * repairs nothing (`repaired` false): it says what it shows and what a writing open will do.
 */
export function describeNotice(notice: LibraryNotice, repaired = true): string {
  if (!repaired) return `${describeFinding(notice)}; a writing command or the desk will repair it`
  const where = (path: string | null) =>
    path ? `; its bytes are in ${path}` : '; it could not be moved to quarantine'
  switch (notice.kind) {
    case 'index-repaired':
      return `the index was out of date and was repaired from the article files: ${notice.stale} changed, ${notice.added} added, ${notice.dropped} gone`
    case 'index-damaged':
      return `library.json was damaged (${notice.reason}) and was rebuilt from the article files${where(notice.quarantined)}`
    case 'article-restored':
      return `article ${notice.id} «${notice.headline}» was damaged (${notice.reason}) and was restored from its revision ${notice.revision}${where(notice.quarantined)}`
    case 'article-lost':
      return `article ${notice.id} was damaged (${notice.reason}) and has no intact revision to restore${where(notice.quarantined)}`
    case 'settings-restored':
      return notice.from === 'copy'
        ? `settings.json was damaged (${notice.reason}) and was restored from the copy kept at the last change${where(notice.quarantined)}`
        : `settings.json was damaged (${notice.reason}) and no intact copy was kept: THE DEFAULT SETTINGS ARE IN FORCE${where(notice.quarantined)}`
    case 'file-quarantined':
      return `${notice.path} was damaged (${notice.reason})${where(notice.quarantined)}`
    case 'temp-removed':
      return `${notice.count} temporary file(s) left by an interrupted write were removed`
    case 'read-only':
      return `the library is read-only: ${notice.reason}; nothing can be saved until that is fixed`
    case 'writable-again':
      return 'the library can be written again'
    case 'not-repaired':
      return `${notice.what} could not be repaired now (${notice.reason}); the next open tries again`
  }
}

function describeFinding(notice: LibraryNotice): string {
  switch (notice.kind) {
    case 'index-repaired':
      return `the index is out of date (${notice.stale} changed, ${notice.added} missing, ${notice.dropped} gone); shown as the article files say`
    case 'index-damaged':
      return `library.json is damaged (${notice.reason}); shown as the article files say`
    case 'article-restored':
      return `article ${notice.id} is damaged (${notice.reason}); shown as its revision ${notice.revision}`
    case 'article-lost':
      return `article ${notice.id} is damaged (${notice.reason}) and has no intact revision; left out`
    case 'settings-restored':
      return `settings.json is damaged (${notice.reason}); ${notice.from === 'copy' ? 'the copy kept at the last change is used' : 'THE DEFAULT SETTINGS are used'}`
    default:
      return describeNotice(notice)
  }
}
