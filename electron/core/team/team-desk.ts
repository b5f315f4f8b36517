export type { SyncReport, TeamDesk } from './team-types.js'
import { keepTeamPassword, readTeamPassword } from './team-password.js'
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { ArticleState } from '../../../shared/article.js'
import type { DeskContext } from '../desk-context.js'
import { DeskFailure } from '../failure.js'
import { designDoc, designDocId } from './design-doc.js'
import { chooseFields } from './field-merge.js'
import { type ReplicaDb, openRemote, openReplica } from './replica.js'
import type { SyncReport, TeamDesk } from './team-types.js'
import { recordSync } from './team-status.js'
import { applyTeamChanges, changedSinceApplied, markApplied, mergeLeaves } from './team-bridge.js'
import { shareLocalChanges } from './share-library.js'
import {
  type TeamConflict,
  conflictsOf,
  liveLeaves,
  listConflicts,
  movesOf,
  noteConflictOf,
  openConflictIds,
} from './team-conflicts.js'
import type { SharedField } from './team-docs.js'
import { type TeamLink, readTeamLink, teamUrl, writeTeamLink } from './team-link.js'
import { deriveWorkflow, transitionId } from './workflow-moves.js'

function unreachable(url: string, error: unknown): DeskFailure {
  const status = (error as { status?: number }).status
  const why =
    status === 401 || status === 403
      ? 'the user name or password was refused'
      : ((error as Error).message ?? String(error))
  return new DeskFailure('io', `the team database at ${url} cannot be used: ${why}`)
}

function missing(error: { status?: number }): null {
  if (error.status === 404) return null
  throw error
}

/** Opens the team side of a joined data dir; null for a single desk. */
export async function openTeamDesk(context: DeskContext): Promise<TeamDesk | null> {
  const { layout } = context.store
  const link = await readTeamLink(context.fs, layout)
  if (!link) return null
  const password = await readTeamPassword(context.fs, layout, context.passwordKeeping, context.warn)
  const replica = openReplica(layout.teamReplica)
  let closing: Promise<void> | undefined
  const remote = openRemote(
    link.url,
    link.user ? { username: link.user, password: password ?? '' } : null,
  )
  return {
    link,
    replica,
    remote,
    close: () => (closing ??= Promise.all([replica.close(), remote.close()]).then(() => undefined)),
  }
}

/**
 * Joins a data dir to the team database at `url` (created when missing, its validator put
 * in), shares the library into the replica and makes a first round with the server.
 */
export async function joinTeam(
  context: DeskContext,
  options: { url: string; user: string | null; password: string | null },
): Promise<{ link: TeamLink; report: SyncReport }> {
  const { layout } = context.store
  if (await readTeamLink(context.fs, layout))
    throw new DeskFailure('refused', 'this library is joined to a team already: leave it first')
  let parsed
  try {
    parsed = teamUrl(options.url)
  } catch (error) {
    throw new DeskFailure('invalid-input', (error as Error).message)
  }
  const user = options.user ?? parsed.user
  const password = options.password ?? parsed.password
  const remote = openRemote(parsed.url, user ? { username: user, password: password ?? '' } : null)
  try {
    await remote.info()
    await putValidator(remote)
  } catch (error) {
    await remote.close()
    throw error instanceof DeskFailure ? error : unreachable(parsed.url, error)
  }
  await remote.close()
  const link: TeamLink = {
    url: parsed.url,
    user,
    // Named for people, unique for the merge: two desks of one editor on one machine differ.
    desk: `${context.settings().editorName || context.systemUser}@${hostname()}#${randomBytes(3).toString('hex')}`,
    joinedAt: context.clock().toISOString(),
  }
  if (user) await keepTeamPassword(context.fs, layout, password ?? '', context.passwordKeeping)
  await writeTeamLink(context.fs, layout, link)
  const team = (await openTeamDesk(context)) as TeamDesk
  try {
    // A new replica holds only what this desk shares into it now: that is in step with the
    // files already, so taking changes in starts after it (at 10,000 articles, half the join).
    const empty = (await team.replica.info()).doc_count === 0
    await shareLocalChanges(context, team.replica, team.link.desk)
    if (empty) await markApplied(team.replica, (await team.replica.info()).update_seq)
    return { link, report: await syncOnce(context, team) }
  } finally {
    await team.close()
  }
}

/**
 * Puts the validator in, or a newer one over an older one; an older desk leaves a newer. Only
 * an admin of the database may write it (CouchDB's rule): a user joining a database that has
 * none yet is told so.
 */
async function putValidator(remote: ReplicaDb): Promise<void> {
  const old = (await remote.get(designDocId).catch(missing)) as {
    _rev: string
    version?: number
  } | null
  if (old && (old.version ?? 0) >= designDoc.version) return
  try {
    await remote.put({ ...designDoc, ...(old ? { _rev: old._rev } : {}) })
  } catch (error) {
    const status = (error as { status?: number }).status
    // Another desk joining at the same moment put it in first: theirs is as good as ours.
    if (status === 409) return putValidator(remote)
    if (status !== 401 && status !== 403) throw error
    throw new DeskFailure(
      'refused',
      'the team database has no current Midad validator and this user may not put one in: join once as an admin of the database first',
    )
  }
}

/** One round: this desk's changes shared, the team's pulled, merged and written, then pushed. */
export async function syncOnce(context: DeskContext, team: TeamDesk): Promise<SyncReport> {
  await shareLocalChanges(context, team.replica, team.link.desk)
  let pulled
  try {
    pulled = await team.replica.pullFrom(team.remote)
  } catch (error) {
    throw unreachable(team.link.url, error)
  }
  await takeInChanges(context, team)
  let pushed
  try {
    pushed = await team.replica.pushTo(team.remote)
  } catch (error) {
    throw unreachable(team.link.url, error)
  }
  const report = {
    pushed: pushed.docs_written,
    pulled: pulled.docs_written,
    conflicts: (await openConflictIds(team.replica)).length,
  }
  await recordSync(team, report, context.clock())
  return report
}

/** What arrived in the replica merged by the shared rule and written into the files. */
export async function takeInChanges(context: DeskContext, team: TeamDesk): Promise<number> {
  const first = await changedSinceApplied(team.replica)
  await mergeLeaves(team.replica, first.docIds)
  // The merges are changes too: read again, so the files take the merged revisions.
  const changed = await changedSinceApplied(team.replica)
  const applied = await applyTeamChanges(context, team.replica, changed.ids)
  for (const id of changed.ids) await noteConflictOf(team.replica, id)
  await markApplied(team.replica, changed.last)
  return applied
}

export async function teamConflicts(team: TeamDesk): Promise<TeamConflict[]> {
  return listConflicts(team.replica, team.link.desk)
}

/**
 * An editor's choice in an article's conflicts: for each field `mine` or `theirs`, and for a
 * `state` conflict the state it is to be in (confirming one side or changing it). The other
 * sides end only now; the files take the result at once.
 */
export async function chooseInConflict(
  context: DeskContext,
  team: TeamDesk,
  id: string,
  choices: Partial<Record<SharedField, 'mine' | 'theirs'>>,
  state: ArticleState | null,
): Promise<TeamConflict[]> {
  const open = await conflictsOf(team.replica, id, team.link.desk)
  if (open.length === 0) throw new DeskFailure('not-found', `article ${id} has no conflict`)
  const stamp = { at: context.clock().toISOString(), by: context.stamp().by, desk: team.link.desk }
  const leaves = await liveLeaves(team.replica, id)
  if (leaves.length > 1) {
    const winnerIsMine = leaves[0]?.desk === team.link.desk || leaves[1]?.desk !== team.link.desk
    const asLeaves = Object.fromEntries(
      Object.entries(choices).map(([field, side]) => [
        field,
        (side === 'mine') === winnerIsMine ? 'winner' : 'other',
      ]),
    ) as Partial<Record<SharedField, 'winner' | 'other'>>
    const chosen = chooseFields(leaves, asLeaves, stamp)
    if ('missing' in chosen)
      throw new DeskFailure(
        'invalid-input',
        `choose mine or theirs for: ${chosen.missing.join(', ')}`,
      )
    await team.replica.writeRevisions([chosen.chosen, ...chosen.gone])
  }
  const workflow = deriveWorkflow(await movesOf(team.replica, id))
  if (workflow && workflow.heads.length > 1) {
    if (!state) throw new DeskFailure('invalid-input', 'choose the state the article is to be in')
    const move = {
      from: workflow.state,
      to: state,
      at: stamp.at,
      by: stamp.by,
      note:
        state === workflow.state
          ? 'confirmed after moves on two desks'
          : 'chosen after moves on two desks',
    }
    await team.replica.createAll([
      {
        _id: transitionId(id, move),
        type: 'transition',
        article: id,
        ...move,
        desk: team.link.desk,
        after: workflow.heads.map((head) => head._id).sort(),
      },
    ])
  }
  await takeInChanges(context, team)
  return conflictsOf(team.replica, id, team.link.desk)
}
