import { describe, expect, it } from 'vitest'
import { buildDeskApi, contract, isMethodName, methodNames } from '../../../shared/contract.js'
import { ok } from '../../../shared/result.js'

describe('contract', () => {
  it('names every method namespace.verb', () => {
    expect(methodNames.length).toBeGreaterThan(0)
    for (const name of methodNames) expect(name).toMatch(/^[a-z]+\.[a-z]+$/i)
  })

  it('recognises only its own method names', () => {
    expect(isMethodName('articles.list')).toBe(true)
    expect(isMethodName('articles.nope')).toBe(false)
    expect(isMethodName('toString')).toBe(false)
    expect(isMethodName('__proto__')).toBe(false)
    expect(isMethodName(42)).toBe(false)
  })

  it('derives one function per method, sending its name and arguments', async () => {
    const calls: [string, unknown[]][] = []
    const desk = buildDeskApi(async (method, args) => {
      calls.push([method, args])
      return ok(null)
    })
    await desk.articles.get('abcdefgh1234')
    await desk.settings.update({ language: 'en' })
    expect(calls).toEqual([
      ['articles.get', ['abcdefgh1234']],
      ['settings.update', [{ language: 'en' }]],
    ])
    const derived = Object.entries(desk).flatMap(([namespace, verbs]) =>
      Object.keys(verbs).map((verb) => `${namespace}.${verb}`),
    )
    expect(derived.sort()).toEqual(Object.keys(contract).sort())
  })
})
