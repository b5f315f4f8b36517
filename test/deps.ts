import { spawnSync } from 'node:child_process'

/**
 * `npm run deps`: the production dependency tree (what the packaged app carries), each package
 * once with its version and who brings it, then `npm audit --omit=dev` where the registry's
 * advisory endpoint answers. Exit 1 when it reports a high or critical advisory; where the
 * endpoint does not answer (our build machines: 405), it says so and exits 0, never "clean".
 */
interface Node {
  version?: string
  dependencies?: Record<string, Node>
}

const npm = (args: string[]) =>
  spawnSync('npm', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

const tree = JSON.parse(npm(['ls', '--omit=dev', '--all', '--json']).stdout || '{}') as Node
const seen = new Map<string, Set<string>>()
const walk = (node: Node, parent: string) => {
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    // Optional packages for other platforms (esbuild's) are listed without a version: not here.
    if (!child.version) continue
    const key = `${name}@${child.version ?? '?'}`
    const by = seen.get(key) ?? new Set<string>()
    const first = by.size === 0
    by.add(parent)
    seen.set(key, by)
    if (first) walk(child, key)
  }
}
walk(tree, 'midad')
console.log(`production dependencies: ${seen.size} packages`)
for (const [key, by] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${key}  ← ${[...by].sort().join(', ')}`)
}

const audit = npm(['audit', '--omit=dev', '--json'])
let report: {
  metadata?: { vulnerabilities?: Record<string, number> }
  error?: { summary?: string }
  message?: string
} = {}
try {
  report = JSON.parse(audit.stdout)
} catch {
  // no JSON: said below
}
const counts = report.metadata?.vulnerabilities
if (!counts) {
  const why =
    report.error?.summary ||
    report.message ||
    audit.stderr.split('\n').find((line) => /405|error/i.test(line)) ||
    'no answer'
  console.log(
    `npm audit: the advisory endpoint did not answer (${why.trim()}); nothing was checked`,
  )
  process.exit(0)
}
console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`)
process.exit((counts.high ?? 0) + (counts.critical ?? 0) > 0 ? 1 : 0)
