/** The frame an IPC call came from, as much of it as the check needs. */
export interface SenderFrame {
  url: string
  /** Null for the window's main frame. */
  parent: unknown
}

/** The renderer's own page without query or fragment, to compare against. */
function pageOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`
  } catch {
    return null
  }
}

/**
 * Whether an IPC call may reach the desk: only the main frame of our own renderer page, never
 * an iframe, a navigated-away page or a destroyed frame.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  rendererUrl: string,
): boolean {
  if (!frame || frame.parent !== null) return false
  const page = pageOf(frame.url)
  return page !== null && page === pageOf(rendererUrl)
}

/** Whether the window may navigate to a URL: only within our own renderer page (reloads). */
export function isAllowedNavigation(target: string, rendererUrl: string): boolean {
  const page = pageOf(target)
  return page !== null && page === pageOf(rendererUrl)
}
