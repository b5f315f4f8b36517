/**
 * How the desktop app asks the page to save before its window closes: it dispatches this event
 * on `window`, and each listener hands the promise of its work to `waitUntil` (the page assigns
 * nothing to `window`; see electron/main/window.ts).
 */
export const beforeCloseEvent = 'midad-before-close'

/** What a listener of `beforeCloseEvent` finds in the event's `detail`. */
export interface BeforeCloseDetail {
  waitUntil(work: Promise<unknown>): void
}

/**
 * The script the desktop app runs in the page: dispatches the event and resolves when every
 * listener's work has (a page with no listener resolves at once).
 */
export const beforeCloseScript = `(() => {
  const pending = []
  window.dispatchEvent(new CustomEvent(${JSON.stringify(beforeCloseEvent)}, {
    detail: { waitUntil: (work) => void pending.push(work) },
  }))
  return Promise.allSettled(pending).then(() => true)
})()`
