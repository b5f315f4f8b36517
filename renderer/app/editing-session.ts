/**
 * A new editing session id: one per opening of an article in a tab or window, so that two
 * sessions' recovery copies never overwrite each other (the desk keeps one file per session).
 */
export function newEditingSession(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(random(new Uint8Array(16)), (byte) => alphabet[byte % 36]).join('')
}
