import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

// `desk.door` in a data dir: where the desk that holds the library answers the CLI, and the
// token it asks for. Readable by the user alone (0600), like the lock beside it; present only
// while a host runs, and removed when it closes.

/** The door file's name in a data dir. */
export const doorFileName = 'desk.door'

export const doorSchema = z.strictObject({
  /** `http://127.0.0.1:<port>/`: loopback only. */
  url: z.string().regex(/^http:\/\/127\.0\.0\.1:\d+\/$/),
  token: z.string().min(16),
  pid: z.number().int(),
})

export type DeskDoorFile = z.infer<typeof doorSchema>

/** Writes the door file whole and never readable by others, even for a moment. */
export async function writeDoorFile(dataDir: string, door: DeskDoorFile): Promise<void> {
  const path = join(dataDir, doorFileName)
  const temp = `${path}.${door.pid}.tmp`
  await rm(temp, { force: true })
  await writeFile(temp, JSON.stringify(door), { mode: 0o600, flag: 'wx' })
  await rename(temp, path)
}

/** The door of the desk that runs on a data dir, or null when none is said to. */
export async function readDoorFile(
  dataDir: string,
  readFile: (path: string) => Promise<string>,
): Promise<DeskDoorFile | null> {
  let text: string
  try {
    text = await readFile(join(dataDir, doorFileName))
  } catch {
    return null
  }
  try {
    const parsed = doorSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
