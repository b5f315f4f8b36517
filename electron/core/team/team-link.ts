import { z } from 'zod'
import { errnoCode } from '../failure.js'
import { writeFileAtomic } from '../storage/atomic-write.js'
import type { LibraryLayout } from '../storage/layout.js'
import type { StorageFs } from '../storage/storage-fs.js'

// `team/link.json`: which team database this data dir is joined to, and as whom. The password
// never goes into it (team-password.ts keeps it).

export const teamLinkSchema = z.strictObject({
  /** The database's URL, without credentials. */
  url: z.string().url(),
  user: z.string().nullable(),
  /** This desk's name in the team: who its presence and merges are said to come from. */
  desk: z.string().min(1),
  joinedAt: z.string().min(1),
})

export type TeamLink = z.infer<typeof teamLinkSchema>

/** A team database's URL as kept and shown: credentials taken out, one trailing slash dropped. */
export function teamUrl(text: string): {
  url: string
  user: string | null
  password: string | null
} {
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    throw new Error(`${text} is not a URL`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`${text} is not an http or https URL`)
  if (parsed.pathname.replace(/\/+$/, '') === '')
    throw new Error(`${text} names no database (add its name: ${parsed.origin}/newsroom)`)
  const user = parsed.username ? decodeURIComponent(parsed.username) : null
  const password = parsed.password ? decodeURIComponent(parsed.password) : null
  parsed.username = ''
  parsed.password = ''
  return { url: parsed.toString().replace(/\/$/, ''), user, password }
}

/** The link of a joined data dir; null when it is a single desk. */
export async function readTeamLink(fs: StorageFs, layout: LibraryLayout): Promise<TeamLink | null> {
  let text: string
  try {
    text = await fs.readFile(layout.teamLink, 'utf8')
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null
    throw error
  }
  const parsed = teamLinkSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw new Error(`team/link.json is not a team link: ${parsed.error.message}`)
  return parsed.data
}

export async function writeTeamLink(
  fs: StorageFs,
  layout: LibraryLayout,
  link: TeamLink,
): Promise<void> {
  await fs.mkdir(layout.team, { recursive: true })
  await writeFileAtomic(layout.teamLink, `${JSON.stringify(link, null, 2)}\n`, fs)
}
