import { describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.js'
import { createDispatch } from '../../../electron/core/dispatch.js'
import { tempDir } from '../temp-dir.js'

describe('dispatch', () => {
  it('validates, calls, and returns every outcome as a value', async () => {
    const desk = await openDesk({ dataDir: await tempDir(), purpose: 'a test' })
    const reported: string[] = []
    const dispatch = createDispatch(
      {
        ...desk.handlers,
        'articles.list': async () => {
          throw new TypeError('a bug')
        },
      },
      (method) => reported.push(method),
    )
    try {
      expect(await dispatch('articles.nope', [])).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      })
      const invalid = await dispatch('articles.get', [42])
      expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      expect(invalid.ok || invalid.error.reasons).toEqual([expect.stringMatching(/^0: /)])
      // Beside the English, the same as data for a UI to word (shared/reasons.ts).
      expect(invalid.ok || invalid.error.details).toEqual([
        { code: 'invalid-argument', field: '0', params: { issue: 'invalid_type' } },
      ])
      const draft = await desk.handlers['articles.create']({})
      const refused = await dispatch('queue.move', [{ id: draft.id, to: 'exported' }])
      expect(refused.ok || refused.error).toMatchObject({
        code: 'refused',
        reasons: [expect.stringContaining('not an allowed move')],
        details: [{ code: 'move-not-allowed', params: { from: 'draft', to: 'exported' } }],
      })
      expect(await dispatch('articles.get', 'not an array')).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      })
      expect(await dispatch('articles.get', ['abcdefgh1234'])).toMatchObject({
        ok: false,
        error: { code: 'not-found', message: 'no article with id abcdefgh1234' },
      })
      const created = await dispatch('articles.create', [{ headline: 'عنوان' }])
      expect(created).toMatchObject({ ok: true, value: { headline: 'عنوان', revision: 1 } })
      expect(await dispatch('articles.list', [])).toMatchObject({
        ok: false,
        error: { code: 'io', message: 'articles.list failed: a bug' },
      })
      expect(reported).toEqual(['articles.list'])
    } finally {
      await desk.close()
    }
  })
})
