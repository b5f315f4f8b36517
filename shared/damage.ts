/**
 * How a stored file is damaged, in the English the CLI and the logs print (and the notices carry
 * as `reason`); the desk words each kind in the editor's language (`damageWords`), keeping only
 * the technical rest (a parser's message) as it is.
 */
export const damageReasons = {
  folder: 'a folder stands where the file should be',
  empty: 'the file is empty',
  notUtf8: 'the file is not valid UTF-8',
  zeros: 'the file is all zero bytes',
  notJson: 'not valid JSON',
  shape: 'wrong shape',
} as const

export type DamageKind = keyof typeof damageReasons

/** The kind of damage a reason names, and what follows its English (details), or null. */
export function damageKind(reason: string): { kind: DamageKind; detail: string } | null {
  for (const [kind, text] of Object.entries(damageReasons) as [DamageKind, string][]) {
    if (reason === text) return { kind, detail: '' }
    if (reason.startsWith(`${text} (`) || reason.startsWith(`${text}: `))
      return { kind, detail: reason.slice(text.length).replace(/^[ :(]+|\)$/g, '') }
  }
  return null
}
