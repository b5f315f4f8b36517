import { createInterface } from 'node:readline'

/**
 * Asks a question at the terminal and reads the answer without echoing it (a password);
 * absent where stdin is not a terminal, so a script is never left waiting.
 */
export function terminalPrompt(): ((question: string) => Promise<string>) | undefined {
  if (!process.stdin.isTTY) return undefined
  return (question) =>
    new Promise((resolve) => {
      const line = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
      const write = process.stderr.write.bind(process.stderr)
      let asked = false
      // Readline echoes through its output; after the question, nothing typed is shown.
      ;(line as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
        if (!asked) write(text)
      }
      line.question(question, (answer) => {
        line.close()
        write('\n')
        resolve(answer)
      })
      asked = true
    })
}
