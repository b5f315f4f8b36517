import { hasToken } from '../core/door/token.js'

export { hasToken }

/** The Host headers the browser host answers to: loopback by number or by name, its port. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** An Origin, when a browser sends one, must be the page's own (no cross-site calls). */
export function isAllowedOrigin(origin: string | undefined, host: string, port: number): boolean {
  if (origin === undefined) return true
  return isAllowedHost(host, port) && origin === `http://${host}`
}

/** The same token in a query string, for what cannot send headers (an `<img>`). */
export function queryToken(url: URL, token: string): boolean {
  return hasToken(`Bearer ${url.searchParams.get('token') ?? ''}`, token)
}
