import type { StorageFs } from './storage-fs.js'

const newline = 10
const comma = 44
const chunkBytes = 1 << 20
const head = /^\{"version":(0|[1-9]\d*),"generation":(0|[1-9]\d*),"articles":\[$/

/**
 * `library.json` as writeSnapshotFile lays it out (a head line, a row a line, `]}`), read a
 * megabyte at a time and parsed a line at a time. At 100,000 articles the file is 40 MB: read
 * whole, its bytes, its text and the parsed rows were all alive at once, and the desk's memory
 * never came back down from that. Null when the file is laid out otherwise or does not parse:
 * the caller then reads it as one JSON text, and the schema words what is wrong. Nothing here is
 * checked but the layout; the caller checks the rows.
 */
export async function readSnapshotLines(fs: StorageFs, path: string): Promise<unknown> {
  const handle = await fs.open(path, 'r')
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    let generation: number | null = null
    let version = 0
    let ended = false
    const articles: unknown[] = []
    // A line a row, each but the last ending with a comma; then `]}` and nothing after it.
    let previous: Uint8Array | null = null
    const take = (line: Uint8Array): boolean => {
      if (ended) return line.length === 0
      if (generation === null) {
        const found = head.exec(decoder.decode(line))
        if (!found) return false
        version = Number(found[1])
        generation = Number(found[2])
        return true
      }
      if (line.length === 2 && line[0] === 0x5d && line[1] === 0x7d) {
        ended = true
        if (previous) articles.push(JSON.parse(decoder.decode(previous)))
        return true
      }
      if (previous) {
        if (previous.at(-1) !== comma) return false
        articles.push(JSON.parse(decoder.decode(previous.subarray(0, -1))))
      }
      previous = line
      return true
    }
    let carried = new Uint8Array(0)
    for (let position = 0; ;) {
      const chunk = new Uint8Array(chunkBytes)
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, position)
      if (bytesRead === 0) break
      position += bytesRead
      let bytes = chunk.subarray(0, bytesRead)
      if (carried.length > 0) {
        const joined = new Uint8Array(carried.length + bytes.length)
        joined.set(carried)
        joined.set(bytes, carried.length)
        bytes = joined
      }
      let start = 0
      for (let end = bytes.indexOf(newline); end >= 0; end = bytes.indexOf(newline, start)) {
        // A copy, so a row kept does not keep the megabyte it was read in.
        if (!take(bytes.slice(start, end))) return null
        start = end + 1
      }
      carried = bytes.slice(start)
    }
    if (carried.length > 0 && !take(carried)) return null
    return ended ? { version, generation, articles } : null
  } catch {
    return null
  } finally {
    await handle.close()
  }
}
