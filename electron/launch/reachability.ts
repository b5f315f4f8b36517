import { connect } from 'node:net'

/** Where Electron's first-run download would connect: its mirror, or a proxy, else GitHub. */
export function downloadProbeTarget(env: Record<string, string | undefined>): {
  host: string
  port: number
} {
  const proxy = env.HTTPS_PROXY ?? env.https_proxy
  const source = proxy || env.ELECTRON_MIRROR || 'https://github.com/'
  try {
    const url = new URL(source)
    const port = Number(url.port) || (url.protocol === 'http:' ? 80 : 443)
    return { host: url.hostname, port }
  } catch {
    return { host: 'github.com', port: 443 }
  }
}

/** Whether a TCP connection opens within the time given: "can the download even connect". */
export function canConnect(
  target: { host: string; port: number },
  timeoutMs = 4000,
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(target)
    const done = (reachable: boolean) => {
      socket.destroy()
      resolve(reachable)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}
