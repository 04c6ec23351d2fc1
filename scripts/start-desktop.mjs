// `npm start`: builds the renderer and the Electron bundles, prepares better-sqlite3 for Electron's ABI in
// its own folder (.native/), and launches the desktop app. The Node build in node_modules stays untouched,
// so `npm test` keeps working (DESIGN.md, "Native ABI").
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32', ...options });
  if (result.status !== 0) {
    console.error(`[start] '${command} ${args.join(' ')}' failed`);
    process.exit(result.status ?? 1);
  }
};

let electronBinary;
try {
  electronBinary = require('electron');
} catch (error) {
  console.error(`[start] The Electron binary is not available (${error.message.split('\n')[0]}).`);
  console.error('[start] On a machine with internet access run: node node_modules/electron/install.js');
  console.error('[start] Without Electron, use the browser: npm run serve');
  process.exit(1);
}
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;

run('npm', ['run', 'build', '--silent']);

const nativeDir = join(root, '.native', `electron-${electronVersion}`, 'better-sqlite3');
const binding = join(nativeDir, 'build', 'Release', 'better_sqlite3.node');
if (!existsSync(binding)) {
  console.log(`[start] building better-sqlite3 for Electron ${electronVersion} in ${nativeDir} (once, about a minute)`);
  mkdirSync(nativeDir, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), nativeDir, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
  run('npx', ['node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: nativeDir });
}

const child = spawn(electronBinary, [root], { stdio: 'inherit', env: { ...process.env, SAJARO_NATIVE_BINDING: binding } });
child.on('exit', (code) => process.exit(code ?? 0));
