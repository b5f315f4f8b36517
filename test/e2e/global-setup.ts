import { ensureBuilt } from '../../electron/launch/build.js'

/** Both hosts serve the built renderer: build it once if it is missing or stale. */
export default async function globalSetup(): Promise<void> {
  await ensureBuilt((line) => process.stderr.write(`${line}\n`))
}
