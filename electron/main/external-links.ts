/** Schemes a link may open outside the app with (never file:, javascript: or custom ones). */
export const externalSchemes: readonly string[] = ['https:', 'http:', 'mailto:']

/** Whether a URL may be handed to the system's browser or mail client. */
export function isSafeExternalUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length > 2048) return false
  try {
    return externalSchemes.includes(new URL(candidate).protocol)
  } catch {
    return false
  }
}
