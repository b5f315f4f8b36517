import { describe, expect, it } from 'vitest'
import { contract } from '../../../shared/contract.js'
import { describeIssues } from '../../../shared/schemas.js'

const parse = (method: keyof typeof contract, args: unknown) =>
  contract[method].args.safeParse(args)

describe('argument schemas', () => {
  it('accepts a save naming its base revision', () => {
    const result = parse('articles.save', [
      { id: 'abcdefgh1234', baseRevision: 3, changes: { headline: 'عنوان', priority: 2 } },
    ])
    expect(result.success).toBe(true)
  })

  it('refuses ids that could name another file', () => {
    for (const id of ['../settings', 'ABCDEFGH1234', 'abc', 'a/b/c/d/e/f', '']) {
      expect(parse('articles.get', [id]).success, id).toBe(false)
    }
  })

  it('refuses unknown fields, wrong types and out-of-range values, naming each', () => {
    const result = parse('articles.save', [
      { id: 'abcdefgh1234', baseRevision: 0, changes: { priority: 9, colour: 'red' } },
    ])
    expect(result.success).toBe(false)
    if (result.success) return
    const reasons = describeIssues(result.error)
    expect(reasons.some((r) => r.startsWith('0.baseRevision'))).toBe(true)
    expect(reasons.some((r) => r.startsWith('0.changes.priority'))).toBe(true)
    expect(reasons.some((r) => r.includes('colour'))).toBe(true)
  })

  it('refuses a body that is not a Delta', () => {
    const bad = { ops: [{ insert: 'نص', retain: 3 }] }
    expect(parse('articles.create', [{ body: bad }]).success).toBe(false)
    expect(parse('articles.create', [{ body: { ops: [{ insert: 'نص\n' }] } }]).success).toBe(true)
  })

  it('takes create with or without fields, and nothing extra', () => {
    expect(parse('articles.create', []).success).toBe(true)
    expect(parse('articles.create', [{}]).success).toBe(true)
    expect(parse('articles.create', [{}, {}]).success).toBe(false)
    expect(parse('articles.list', ['extra']).success).toBe(false)
  })

  it('checks settings: time zone, site address, sections', () => {
    expect(parse('settings.update', [{ timeZone: 'Asia/Baghdad' }]).success).toBe(true)
    expect(parse('settings.update', [{ timeZone: 'Mars/Olympus' }]).success).toBe(false)
    expect(parse('settings.update', [{ siteAddress: 'javascript:alert(1)' }]).success).toBe(false)
    expect(parse('settings.update', [{ sections: [] }]).success).toBe(false)
    expect(parse('settings.update', [{ theme: 'dark' }]).success).toBe(false)
  })
})
