import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

/** Every .ts, .tsx, .css and .mjs file below the folders, as paths from the root. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const found: string[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|tsx|css|mjs)$/.test(entry.name)) found.push(path)
    }
  }
  for (const folder of folders) walk(folder)
  return found.sort()
}

// Static imports and re-exports (type-only ones too), dynamic imports, CSS @import.
const specifiers = [
  /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /^\s*@import\s+(?:url\()?['"]([^'"]+)['"]/gm,
]

/**
 * The project files a source imports, relative specifiers only (packages are not ours), each
 * resolved as TypeScript resolves them (`./x.js` is `./x.ts` or `./x.tsx`).
 */
export function importsOf(
  root: string,
  file: string,
  source: string,
  options: { keepUnresolved?: boolean } = {},
): string[] {
  const found: string[] = []
  for (const pattern of specifiers) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1]!
      if (!specifier.startsWith('.')) continue
      const target = normalize(join(dirname(file), specifier))
      const resolved = [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx')]
        .concat([`${target}.ts`, `${target}.tsx`])
        .find(
          (candidate) => /\.(ts|tsx|css|mjs)$/.test(candidate) && existsSync(join(root, candidate)),
        )
      if (resolved) found.push(resolved)
      else if (options.keepUnresolved) found.push(target)
    }
  }
  return [...new Set(found)]
}

/** The import circles of a graph: each strongly connected part of two or more files, sorted. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred files.
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (file: string) => {
    index.set(file, counter)
    low.set(file, counter++)
    stack.push(file)
    onStack.add(file)
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue
      if (!index.has(next)) {
        visit(next)
        low.set(file, Math.min(low.get(file)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!))
      }
    }
    if (low.get(file) === index.get(file)) {
      const part: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        part.push(member)
      } while (member !== file)
      const selfLoop = part.length === 1 && (graph.get(file) ?? []).includes(file)
      if (part.length > 1 || selfLoop) cycles.push(part.sort())
    }
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file)
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!))
}
