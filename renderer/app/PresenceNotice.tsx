import { useEffect, useState } from 'react'
import type { TeamPresence } from '../../shared/team.js'
import { fill } from '../i18n/i18n.js'
import { useDesk } from './desk-context.js'
import { useWords } from './words.js'
import './banners.css'

/** How often the open article's presence is said and the other desks' asked. */
const askMs = 3000

/**
 * "Being edited by …" above an open article on a team desk: the other desks that have it open
 * now, from their presence documents. Advisory only: nothing is locked or refused. Tells the
 * desk which article is open while it is, and that none is when it closes.
 */
export function PresenceNotice(props: { articleId: string }) {
  const { desk } = useDesk()
  const { words } = useWords()
  const [others, setOthers] = useState<TeamPresence[]>([])
  const { articleId } = props
  useEffect(() => {
    let live = true
    const ask = async () => {
      const result = await desk.team.editing({ article: articleId })
      if (live && result.ok) setOthers(result.value.others)
    }
    void ask()
    const timer = setInterval(() => void ask(), askMs)
    return () => {
      live = false
      clearInterval(timer)
      setOthers([])
      void desk.team.editing({ article: null })
    }
  }, [desk, articleId])
  if (others.length === 0) return null
  const who = others.map((other) => `${other.editor} (${machineOf(other.desk)})`).join('، ')
  return (
    <p className="presence-notice" role="status" dir="auto">
      {fill(words.teamAlsoEditing, { who })}
    </p>
  )
}

/** A desk's machine, from its team name `editor@machine#tag`. */
function machineOf(desk: string): string {
  const at = desk.indexOf('@')
  const tag = desk.lastIndexOf('#')
  return at >= 0 && tag > at ? desk.slice(at + 1, tag) : desk
}
