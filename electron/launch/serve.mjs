// `npm run serve`: the browser host, run from its bundle (see bundled.mjs).
import { runBundled } from './bundled.mjs'

await runBundled('host', 'electron/web/serve.ts')
