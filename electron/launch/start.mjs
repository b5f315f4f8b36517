// `npm start`: the desktop app, or the browser host where Electron cannot start (see start.ts),
// run from its bundle (see bundled.mjs).
import { runBundled } from './bundled.mjs'

await runBundled('start', 'electron/launch/start.ts')
