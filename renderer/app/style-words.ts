import { type HouseRuleId, type Severity } from '../../shared/house-style.js'
import type { Dictionary } from '../i18n/ar.js'
import { longestWord, spellingKey } from '../../shared/spelling.js'

/** A house rule's name in the UI's language (`houseRule_<camelCase id>` in the dictionaries). */
export function ruleWord(words: Dictionary, rule: HouseRuleId): string {
  const key = `houseRule_${rule.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`
  return words[key as keyof Dictionary]
}

/** A severity's name in the UI's language. */
export function severityWord(words: Dictionary, severity: Severity): string {
  return words[`severity_${severity}`]
}

/** A newsroom's spellings as the Settings screen shows them: «wrong = right», one a line. */
export function replacementsText(replacements: Record<string, string>): string {
  return Object.entries(replacements)
    .map(([wrong, right]) => `${wrong} = ${right}`)
    .join('\n')
}

/** The lines read back: the spellings, and the 1-based lines that are not «word = spelling». */
export function parseReplacements(text: string): {
  replacements: Record<string, string>
  badLines: number[]
} {
  const replacements: Record<string, string> = {}
  const badLines: number[] = []
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return
    const match = /^\s*([\p{L}\p{M}]+)\s*=\s*(\S.*?)\s*$/u.exec(line)
    if (match) replacements[match[1]!] = match[2]!
    else badLines.push(index + 1)
  })
  return { replacements, badLines }
}

/** The newsroom's dictionary read back from its lines: the words, and the lines that are not one. */
export function parseNewsroomWords(text: string): { words: string[]; badLines: number[] } {
  const words = new Set<string>()
  const badLines: number[] = []
  text.split('\n').forEach((line, index) => {
    const word = spellingKey(line.trim())
    if (!word) return
    if (/^[\p{Script=Arabic}\p{M}]+$/u.test(word) && word.length <= longestWord) words.add(word)
    else badLines.push(index + 1)
  })
  return { words: [...words], badLines }
}
