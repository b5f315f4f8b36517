import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openReplica } from '../../../electron/core/team/replica.js'
import type { TeamDoc } from '../../../electron/core/team/team-docs.js'
import { tempDir } from '../temp-dir.js'

describe('the replica', () => {
  it('creates append-only documents once: one there already is no failure', async () => {
    const replica = openReplica(join(await tempDir(), 'replica'))
    try {
      const move = {
        _id: 'transition:abcdefgh:0123456789abcdef',
        type: 'transition',
        article: 'abcdefgh',
        from: null,
        to: 'draft',
        at: '2026-12-01T09:00:00Z',
        by: 'هدى',
        note: '',
        desk: 'a',
        after: [],
      } as unknown as TeamDoc
      expect(await replica.createAll([move])).toBe(1)
      expect(await replica.createAll([move])).toBe(0)
    } finally {
      await replica.close()
    }
  })
})
