import { describe, expect, it } from 'vitest'
import { newArticle } from '../../../electron/core/articles.js'
import { articleDocFor } from '../../../electron/core/team/article-doc.js'
import {
  type ArticleLeaf,
  chooseFields,
  mergeArticleLeaves,
} from '../../../electron/core/team/field-merge.js'
import { transitionDoc } from '../../../electron/core/team/team-docs.js'
import {
  deriveWorkflow,
  newMoveDocs,
  transitionId,
} from '../../../electron/core/team/workflow-moves.js'
import { byWinner } from '../../../electron/core/team/revs.js'
import type { Article, Transition } from '../../../shared/article.js'
import { paragraphsToDelta } from '../../../shared/delta.js'

const stamp = { at: new Date('2026-12-01T09:00:00Z'), by: 'هدى' }
const base = newArticle(
  'abcdefgh1234',
  { headline: 'عنوان', body: paragraphsToDelta(['نص']) },
  stamp,
)
const root = articleDocFor(base, false, null, 'desk-a') as ArticleLeaf

/** An edit of the shared article made on one desk, on top of `parent`. */
function edit(parent: ArticleLeaf, changes: Partial<Article>, desk: string, trashed = false) {
  const article = { ...base, ...changes, updatedAt: `2026-12-01T09:0${desk.length}:00Z` }
  return articleDocFor(article, trashed, parent, desk) as ArticleLeaf
}

/** What a desk shows after a merge: the merged revision, or the winner when it was the merge. */
function shown(merge: ReturnType<typeof mergeArticleLeaves>, leaves: ArticleLeaf[]): ArticleLeaf {
  return merge.merged ?? ([...leaves].sort(byWinner)[0] as ArticleLeaf)
}

describe('the per-field merge every desk runs', () => {
  it('takes each side’s own changes when they touch different fields (text, list, number, Delta)', () => {
    const a = edit(root, { headline: 'عنوان جديد', tags: ['اقتصاد'] }, 'desk-a')
    const b = edit(root, { priority: 1, body: paragraphsToDelta(['نص آخر']) }, 'desk-bb')
    const merge = mergeArticleLeaves([a, b])
    expect(merge.collisions).toEqual([])
    expect(merge.merged?.fields).toMatchObject({
      headline: 'عنوان جديد',
      tags: ['اقتصاد'],
      priority: 1,
      body: paragraphsToDelta(['نص آخر']),
    })
    expect(merge.gone).toHaveLength(1)
  })

  it('gives the same merged revision whatever order the leaves arrive in', () => {
    const a = edit(root, { kicker: 'تمهيد' }, 'desk-a')
    const b = edit(root, { summary: 'ملخص' }, 'desk-bb')
    const one = mergeArticleLeaves([a, b])
    const two = mergeArticleLeaves([b, a])
    expect(one.merged?._rev).toBe(two.merged?._rev)
    expect(one.gone).toEqual(two.gone)
  })

  it('lists a field both sides changed apart, keeps the other leaf, and lets an editor choose', () => {
    const a = edit(root, { summary: 'ملخص هدى' }, 'desk-a')
    const b = edit(root, { summary: 'ملخص سلمان', kicker: 'تمهيد' }, 'desk-bb')
    const merge = mergeArticleLeaves([a, b])
    expect(merge.collisions.map((c) => c.field)).toEqual(['summary'])
    expect(merge.gone).toEqual([])
    expect(shown(merge, [a, b]).fields.kicker).toBe('تمهيد')
    const missing = chooseFields([a, b], {}, { at: 'x', by: 'y', desk: 'desk-a' })
    expect(missing).toEqual({ missing: ['summary'] })
    const chosen = chooseFields([a, b], { summary: 'other' }, { at: 'x', by: 'y', desk: 'desk-a' })
    if ('missing' in chosen) throw new Error('a choice was missing')
    const otherSummary = merge.collisions[0]?.other
    expect(chosen.chosen.fields.summary).toBe(otherSummary)
    expect(chosen.chosen.fields.kicker).toBe('تمهيد')
    expect(chosen.gone).toHaveLength(1)
  })

  it('the same value written on both sides is no collision', () => {
    const a = edit(root, { place: 'بغداد' }, 'desk-a')
    const b = edit(root, { place: 'بغداد' }, 'desk-bb')
    expect(mergeArticleLeaves([a, b]).collisions).toEqual([])
  })

  it('reader figures only grow: the greater one wins without an editor', () => {
    const a = edit(root, { visits: 120 }, 'desk-a')
    const b = edit(root, { visits: 90 }, 'desk-bb')
    const merge = mergeArticleLeaves([a, b])
    expect(merge.collisions).toEqual([])
    expect(shown(merge, [a, b]).fields.visits).toBe(120)
  })

  it('a headline collision carries its slug with it: one choice, one listing', () => {
    const a = edit(root, { headline: 'عنوان هدى', slug: 'عنوان-هدى' }, 'desk-a')
    const b = edit(root, { headline: 'عنوان سلمان', slug: 'عنوان-سلمان' }, 'desk-bb')
    const merge = mergeArticleLeaves([a, b])
    expect(merge.collisions.map((c) => c.field)).toEqual(['headline'])
    const chosen = chooseFields([a, b], { headline: 'other' }, { at: 'x', by: 'y', desk: 'd' })
    if ('missing' in chosen) throw new Error('a choice was missing')
    const other = merge.collisions[0]?.other
    expect(chosen.chosen.fields.headline).toBe(other)
    expect(chosen.chosen.fields.slug).toBe(other === 'عنوان هدى' ? 'عنوان-هدى' : 'عنوان-سلمان')
  })

  it('a trash on one desk and an edit on the other both hold: trashed, with the edit', () => {
    const a = edit(root, {}, 'desk-a', true)
    const b = edit(root, { kicker: 'تمهيد' }, 'desk-bb')
    const merge = mergeArticleLeaves([a, b])
    expect(merge.collisions).toEqual([])
    expect(shown(merge, [a, b]).fields).toMatchObject({ trashed: true, kicker: 'تمهيد' })
  })

  it('a side that saw the other’s change takes its own newer value, with no collision', () => {
    const a = edit(root, { headline: 'أول' }, 'desk-a')
    const later = edit(a, { headline: 'ثان' }, 'desk-a')
    // `a` as a leftover leaf (a branch that was never ended) is in `later`'s ancestry.
    const merge = mergeArticleLeaves([a, later])
    expect(merge.collisions).toEqual([])
    expect(shown(merge, [a, later]).fields.headline).toBe('ثان')
  })
})

const move = (
  from: Transition['from'],
  to: Transition['to'],
  at: string,
  note = '',
): Transition => ({
  from,
  to,
  at,
  by: 'محرر',
  note,
})

describe('state from the moves of two desks', () => {
  const id = 'abcdefgh1234'
  const created = move(null, 'draft', '2026-12-01T09:00:00Z')
  const review = move('draft', 'in_review', '2026-12-01T09:05:00Z')
  const shared = newMoveDocs(id, [created, review], [], 'desk-a')

  it('a line of moves has one head: the state is where it went', () => {
    const workflow = deriveWorkflow(shared)
    expect(workflow?.state).toBe('in_review')
    expect(workflow?.heads).toHaveLength(1)
  })

  it('moves made apart are both kept, the same state on every desk, and a conflict', () => {
    const onA = newMoveDocs(
      id,
      [created, review, move('in_review', 'ready', '2026-12-01T09:10:00Z')],
      shared,
      'desk-a',
    )
    const onB = newMoveDocs(
      id,
      [created, review, move('in_review', 'draft', '2026-12-01T09:11:00Z', 'ناقص')],
      shared,
      'desk-b',
    )
    const one = deriveWorkflow([...shared, ...onA, ...onB])
    const two = deriveWorkflow([...onB, ...shared, ...onA].reverse())
    expect(one?.state).toBe('draft')
    expect(two?.state).toBe(one?.state)
    expect(one?.heads).toHaveLength(2)
    expect(one?.history.map((m) => m.to)).toEqual(['draft', 'in_review', 'ready', 'draft'])
    // A move made after seeing both heads follows both: the conflict is settled.
    const settle = move('draft', 'draft', '2026-12-01T09:20:00Z', 'confirmed')
    const heads = one?.heads.map((h) => h._id) ?? []
    const confirmed = transitionDoc(id, settle, transitionId(id, settle), heads, 'desk-a')
    expect(deriveWorkflow([...shared, ...onA, ...onB, confirmed])?.heads).toHaveLength(1)
  })

  it('a move’s id is made from what it says, so a desk never shares one twice', () => {
    expect(newMoveDocs(id, [created, review], shared, 'desk-a')).toEqual([])
    expect(transitionId(id, review)).toBe(transitionId(id, { ...review }))
    expect(transitionId(id, review)).not.toBe(transitionId(id, { ...review, note: 'x' }))
  })
})
