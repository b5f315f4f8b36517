/**
 * What the desk's page may ask the browser engine for: notifications (a missed schedule says
 * so on the desktop), from our own page's main frame. Everything else a page could ask for —
 * camera, microphone, location, clipboard reading, MIDI, HID, serial, full screen, pointer
 * lock, opening external protocols — is denied, asked for or only checked.
 */
export const allowedPermissions: ReadonlySet<string> = new Set(['notifications'])

/** Whether a permission request or check from a page at `origin` is granted. */
export function isAllowedPermission(
  permission: string,
  requestingUrl: string | undefined,
  rendererUrl: string,
): boolean {
  if (!allowedPermissions.has(permission) || !requestingUrl) return false
  const site = siteOf(requestingUrl)
  return site !== null && site === siteOf(rendererUrl)
}

// Scheme and host, compared as text: Node gives a custom scheme's URL (`midad://app`) an opaque
// origin, "null", which a data: URL shares.
function siteOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null
  } catch {
    return null
  }
}
