import { randomBytes } from 'node:crypto'

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A new article id: 12 characters from [a-z0-9], safe in file names and URLs. */
export function newArticleId(random: (size: number) => Uint8Array = randomBytes): string {
  // 252 is the largest multiple of 36 below 256: rejecting above it keeps letters uniform.
  let id = ''
  while (id.length < 12) {
    for (const byte of random(16)) {
      if (byte < 252 && id.length < 12) id += alphabet[byte % 36]
    }
  }
  return id
}
