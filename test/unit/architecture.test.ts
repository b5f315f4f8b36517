import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importCycles, importsOf, sourceFiles } from './architecture.js'

/**
 * The shape issue #12 asks the code to keep: small files, no import circle (type-only imports
 * included), no window property assigned by the renderer. Each rule is also shown to fire on a
 * made-up case, so that none of them passes by seeing nothing.
 */
const root = join(import.meta.dirname, '../..')
const files = sourceFiles(root, ['electron', 'renderer', 'shared'])
const text = (file: string) => readFileSync(join(root, file), 'utf8')

/** The UI dictionaries: long by nature (every word the desk shows). */
const dictionaries = new Set(['renderer/i18n/ar.ts', 'renderer/i18n/en.ts'])

describe('the shape of the code', () => {
  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(files).toContain('electron/core/desk.ts')
    expect(files).toContain('renderer/app/App.tsx')
    expect(files).toContain('renderer/styles.css')
  })

  it('keeps every source file within 300 lines', () => {
    const long = files
      .filter((file) => !dictionaries.has(file))
      .map((file) => ({ file, lines: text(file).split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300)
    expect(long).toEqual([])
  })

  it('has no import circle, type-only imports included', () => {
    const graph = new Map(files.map((file) => [file, importsOf(root, file, text(file))]))
    expect(importCycles(graph)).toEqual([])
  })

  it('finds a circle and reads every kind of import (the rules can fire)', () => {
    const made = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ])
    expect(importCycles(made)).toEqual([['a.ts', 'b.ts', 'c.ts']])
    const source = [
      "import type { A } from './a.js'",
      "export { b } from '../b.js'",
      "const c = await import('./c.js')",
      "import d from 'react'",
    ].join('\n')
    const from = 'electron/core/x.ts'
    // Imports that resolve to no file are still read here: the made-up ones, not react.
    expect(importsOf(root, from, source, { keepUnresolved: true })).toEqual([
      'electron/core/a.js',
      'electron/b.js',
      'electron/core/c.js',
    ])
  })

  it('assigns no window property in the renderer (handlers go through addEventListener)', () => {
    const assignment = /\bwindow\.[A-Za-z_$][\w$]*\s*=(?!=)/
    expect(assignment.test('window.onbeforeunload = () => {}')).toBe(true)
    expect(assignment.test('if (window.innerWidth === 3) {}')).toBe(false)
    const offenders = files
      .filter((file) => file.startsWith('renderer/'))
      .filter((file) => assignment.test(text(file)))
    expect(offenders).toEqual([])
  })
})
