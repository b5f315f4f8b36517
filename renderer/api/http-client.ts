import type { MethodName, Transport } from '../../shared/contract.js'
import { type Result, fail } from '../../shared/result.js'

const tokenKey = 'midad.token'

/**
 * The browser host's token: taken from the page's URL on first load, then kept for the tab
 * (sessionStorage) so a reload still works, and removed from the address bar.
 */
export function takeToken(
  location: Pick<Location, 'href'>,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  history: Pick<History, 'replaceState'>,
): string | null {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    storage.setItem(tokenKey, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storage.getItem(tokenKey)
}

/** The contract over `POST /api/<method>` with the token as a Bearer header. */
export function httpTransport(token: string, fetchFn: typeof fetch = fetch): Transport {
  return async (method: MethodName, args: unknown[]): Promise<Result<unknown>> => {
    let response: Response
    try {
      response = await fetchFn(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args),
      })
    } catch (error) {
      return fail(
        'io',
        `cannot reach the desk; is the browser host still running? (${String(error)})`,
      )
    }
    if (response.status === 200) return (await response.json()) as Result<unknown>
    const detail = await response.text().catch(() => '')
    return fail('io', `the desk refused ${method}: HTTP ${response.status} ${detail}`)
  }
}
