// Bundles the Electron main process and the preload into dist/electron (CommonJS, as Electron loads them).
// The sandboxed preload may require nothing but 'electron', so it is bundled on its own.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3'] });
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
console.log('[build] dist/electron/main.cjs and preload.cjs');
