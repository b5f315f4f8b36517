import type { LibraryChange } from '../storage/library-store.js'
import type { DeskContext } from '../desk-context.js'
import { shareArticle } from './team-bridge.js'
import { shareLocalChanges } from './share-library.js'
import { takeInChanges } from './team-desk.js'
import type { TeamConnection } from '../../../shared/team.js'
import type { TeamLive } from './live-team.js'
import { deskPresence } from './presence.js'

export type { TeamLive }
import type { TeamDesk } from './team-types.js'

// A host's team desk: replicating live with the server (retries backing off to 30 s), each
// save put into the replica off the save path, and what arrives merged and written into the
// files. Everything goes through one queue, so a save shared and a change taken in never
// interleave; the editor's save never waits for any of it.

/** How often a host asks whether its team's server answers. */
const heartbeatMs = 5000

export function startTeamLive(
  context: DeskContext,
  team: TeamDesk,
  log: (line: string) => void,
): TeamLive {
  let stopped = false
  let connection: TeamConnection = { state: 'syncing' }
  let arrivals = 0
  let queue: Promise<unknown> = Promise.resolve()
  const enqueue = (work: () => Promise<unknown>) => {
    queue = queue
      .then(() => (stopped ? undefined : work()))
      .catch((error: unknown) => {
        log(`the team desk could not do its work: ${(error as Error).message}`)
      })
    return queue
  }
  // What this desk did while no host ran (the CLI's saves), then what the replica holds.
  void enqueue(() => shareLocalChanges(context, team.replica, team.link.desk))
  let takeInDue = false
  const scheduleTakeIn = () => {
    if (takeInDue) return
    takeInDue = true
    void enqueue(async () => {
      takeInDue = false
      if ((await takeInChanges(context, team)) > 0) arrivals++
    })
  }
  scheduleTakeIn()

  const shareChange = (change: LibraryChange) => {
    if (stopped) return
    const id = 'put' in change ? change.put.id : change.drop
    void enqueue(async () => {
      const mark = (await team.replica
        .get(`_local/midad-step:${id}`)
        .catch(() => null)) as Parameters<typeof shareArticle>[4]
      if (context.store.has(id)) {
        await shareArticle(
          context,
          team.replica,
          await context.store.read(id),
          false,
          mark,
          team.link.desk,
        )
      } else if (mark?.rev && !mark.trashed && (await context.store.trashBin.has(id))) {
        await shareArticle(
          context,
          team.replica,
          await context.store.trashBin.read(id),
          true,
          mark,
          team.link.desk,
        )
      }
    })
  }

  // Presence documents say who has what open; nothing of them goes into the files.
  const unwatch = team.replica.watch((docId) => {
    if (!docId.startsWith('_local/') && !docId.startsWith('presence:')) scheduleTakeIn()
  })
  const presence = deskPresence({
    replica: team.replica,
    desk: team.link.desk,
    editor: () => context.stamp().by,
    clock: context.clock,
  })
  // PouchDB's live sync says 'paused' without an error while it backs off from a server that
  // went away, so the desk asks the server itself: after each pause, and every few seconds.
  let checking = false
  const checkServer = async () => {
    if (stopped || checking) return
    checking = true
    try {
      await team.remote.info()
      if (connection.state === 'offline') connection = { state: 'online' }
    } catch (error) {
      if (connection.state !== 'offline')
        connection = {
          state: 'offline',
          since: context.clock().toISOString(),
          why: reasonOf(error, 'the server does not answer'),
        }
    } finally {
      checking = false
    }
  }
  const heartbeat = setInterval(() => void checkServer(), heartbeatMs)
  heartbeat.unref?.()
  const replication = team.replica.liveSync(team.remote)
  replication
    .on('active', () => {
      connection = { state: 'syncing' }
    })
    .on('paused', (error) => {
      connection = error
        ? {
            state: 'offline',
            since:
              connection.state === 'offline' ? connection.since : context.clock().toISOString(),
            why: (error as Error).message ?? String(error),
          }
        : { state: 'online' }
    })
    .on('denied', (error) => {
      connection = { state: 'failing', why: reasonOf(error, 'the server refused a document') }
    })
    .on('error', (error) => {
      const found = error as { status?: number; error?: string }
      connection = {
        state: 'failing',
        why:
          found.status === 401 || (found.status === 403 && found.error !== 'forbidden')
            ? 'the user name or password was refused'
            : reasonOf(error, 'replication stopped'),
      }
    })
  return {
    team,
    presence,
    connection: () => connection,
    arrivals: () => arrivals,
    settled: () => queue.then(() => undefined),
    run: <T>(work: () => Promise<T>) => {
      const done = queue.then(work)
      queue = done.catch(() => undefined)
      return done
    },
    changed: shareChange,
    stop: async () => {
      stopped = true
      clearInterval(heartbeat)
      replication.cancel()
      unwatch()
      await queue
      await team.close()
    },
  }
}

function reasonOf(error: unknown, fallback: string): string {
  const found = error as { reason?: string; message?: string } | null
  return found?.reason || found?.message || fallback
}
