import { createContext, useContext } from 'react'
import type { DeskApi } from '../../shared/contract.js'
import type { MediaUrl } from '../api/desk.js'

/** The desk a page talks to, and how its images are addressed: given once, at the top. */
export interface DeskConnection {
  desk: DeskApi
  mediaUrl: MediaUrl
  /** Reads the whole desk again, as at start (after the library was replaced by a backup). */
  reopen: () => void
}

export const DeskConnectionContext = createContext<DeskConnection | null>(null)

/** The desk and its media addresses, for every component below the app. */
export function useDesk(): DeskConnection {
  const connection = useContext(DeskConnectionContext)
  if (!connection) throw new Error('useDesk outside the app: no desk was given')
  return connection
}
