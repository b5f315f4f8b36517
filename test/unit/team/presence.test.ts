import { describe, expect, it } from 'vitest'
import { deskPresence, freshMs, renewMs } from '../../../electron/core/team/presence.js'
import type { ReplicaDb } from '../../../electron/core/team/replica.js'

/** The two calls presence makes of a replica, on a map (what it put, how many times). */
function fakeReplica() {
  const docs = new Map<string, Record<string, unknown>>()
  let puts = 0
  const replica = {
    get: async (id: string) => {
      const doc = docs.get(id)
      if (!doc) throw Object.assign(new Error('missing'), { status: 404 })
      return doc
    },
    put: async (doc: Record<string, unknown>) => {
      // As PouchDB: a put on any revision but the current one is refused.
      await new Promise((resolve) => setTimeout(resolve, 1))
      if (docs.get(doc._id as string)?._rev !== doc._rev)
        throw Object.assign(new Error('Document update conflict'), { status: 409 })
      puts++
      docs.set(doc._id as string, { ...doc, _rev: `${puts}-x` })
      return { rev: `${puts}-x` }
    },
    allDocs: async () => [...docs.values()],
  } as unknown as ReplicaDb
  return { replica, docs, puts: () => puts }
}

describe('presence ("being edited by …")', () => {
  it('is written when it changes or grows old, not at every ask', async () => {
    const { replica, puts } = fakeReplica()
    let now = Date.parse('2026-12-01T09:00:00Z')
    const mine = deskPresence({
      replica,
      desk: 'a',
      editor: () => 'هدى',
      clock: () => new Date(now),
    })
    await mine.announce('story1')
    await mine.announce('story1')
    expect(puts()).toBe(1)
    now += renewMs
    await mine.announce('story1')
    expect(puts()).toBe(2)
    await mine.announce(null)
    expect(puts()).toBe(3)
  })

  it('takes two things said at once in turn (one article closed as the next opens)', async () => {
    const { replica, docs } = fakeReplica()
    const mine = deskPresence({ replica, desk: 'a', editor: () => 'هدى', clock: () => new Date() })
    await mine.announce('story1')
    await Promise.all([mine.announce(null), mine.announce('story2')])
    expect(docs.get('presence:a')?.article).toBe('story2')
  })

  it('forgets a desk that went away without saying so, and ignores what is malformed', async () => {
    const { replica, docs } = fakeReplica()
    let now = Date.parse('2026-12-01T09:00:00Z')
    const clock = () => new Date(now)
    const theirs = deskPresence({ replica, desk: 'b', editor: () => 'سعاد', clock })
    const mine = deskPresence({ replica, desk: 'a', editor: () => 'هدى', clock })
    await theirs.announce('story1')
    await mine.announce('story1')
    expect(await mine.others('story1')).toEqual([
      { desk: 'b', editor: 'سعاد', since: '2026-12-01T09:00:00.000Z' },
    ])
    expect(await mine.others('story2')).toEqual([])
    docs.set('presence:c', { _id: 'presence:c', type: 'presence', desk: 'c', article: 'story1' })
    expect((await mine.others('story1')).map((other) => other.desk)).toEqual(['b'])
    now += freshMs
    expect(await mine.others('story1')).toEqual([])
  })
})
