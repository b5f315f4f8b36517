import type { TeamPresence } from '../../../shared/team.js'
import type { ReplicaDb } from './replica.js'

// "Being edited by …" (issue #18): each desk keeps one presence document, `presence:<desk>`,
// saying which article its editor has open and since when. Advisory only: nothing waits on it
// and nothing is refused because of it. It replicates like any document; a desk whose editor
// closed the article says so at once, and one that went away without saying so is forgotten
// once its presence is older than `freshMs`.

/** How often an unchanged presence is said again, so others know the desk is still there. */
export const renewMs = 30_000
/** A presence not said again within this is taken for gone (a desk closed or offline). */
export const freshMs = 90_000

export interface PresenceDoc {
  _id: string
  _rev?: string
  type: 'presence'
  desk: string
  editor: string
  article: string | null
  at: string
}

export const presenceId = (desk: string) => `presence:${desk}`

/** This desk's presence: told what the editor has open, asked who else has an article open. */
export interface Presence {
  /** Says what this desk has open (null: nothing); written only when it changed or grew old. */
  announce(article: string | null): Promise<void>
  /** The other desks that have `article` open now, earliest first. */
  others(article: string): Promise<TeamPresence[]>
}

export function deskPresence(options: {
  replica: ReplicaDb
  desk: string
  editor: () => string
  clock: () => Date
}): Presence {
  const { replica, desk } = options
  let said: { article: string | null; at: number } | null = null
  // One write at a time: the desk's page may say two things at once (closing one article as it
  // opens the next), and two puts on one revision would refuse each other.
  let writing: Promise<unknown> = Promise.resolve()
  const announce = async (article: string | null) => {
    const now = options.clock()
    if (said && said.article === article && now.getTime() - said.at < renewMs) return
    const old = (await replica.get(presenceId(desk)).catch(() => null)) as PresenceDoc | null
    const doc: PresenceDoc = {
      _id: presenceId(desk),
      ...(old?._rev ? { _rev: old._rev } : {}),
      type: 'presence',
      desk,
      editor: options.editor(),
      article,
      at: now.toISOString(),
    }
    await replica.put(doc)
    said = { article, at: now.getTime() }
  }
  return {
    announce: (article) => {
      const done = writing.then(() => announce(article))
      writing = done.catch(() => undefined)
      return done
    },
    others: async (article) => {
      const now = options.clock().getTime()
      const docs = (await replica.allDocs({
        startkey: 'presence:',
        endkey: 'presence:\uffff',
      })) as unknown as PresenceDoc[]
      return docs
        .filter(
          (doc) =>
            // What the server sends is not trusted to be well made: text where text is due.
            doc.type === 'presence' &&
            typeof doc.desk === 'string' &&
            typeof doc.editor === 'string' &&
            typeof doc.at === 'string' &&
            doc.desk !== desk &&
            doc.article === article &&
            now - Date.parse(doc.at) < freshMs,
        )
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((doc) => ({ desk: doc.desk, editor: doc.editor, since: doc.at }))
    },
  }
}
