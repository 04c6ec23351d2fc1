// `npm start`: builds the renderer and the Electron bundles, prepares better-sqlite3 for Electron's ABI in
// its own folder (.native/), and launches the desktop app. The Node build in node_modules stays untouched,
// so `npm test` keeps working (DESIGN.md, "Native ABI"). Where Electron's binary is missing, it opens the
// same workspace in the system browser instead (scripts/startInBrowser.mjs).
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { startInBrowser } from './startInBrowser.mjs';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32', ...options });
  if (result.status !== 0) {
    console.error(`[start] '${command} ${args.join(' ')}' failed`);
    process.exit(result.status ?? 1);
  }
};

/**
 * The Electron binary, or null where it is missing: `npm install` downloads it and cannot without internet.
 * SAJARO_ELECTRON_BINARY names another binary (the tests name a missing one, so they hold where Electron is).
 */
function findElectron() {
  if (process.env.SAJARO_ELECTRON_BINARY) return existsSync(process.env.SAJARO_ELECTRON_BINARY) ? process.env.SAJARO_ELECTRON_BINARY : null;
  try {
    // The electron package exports the binary's path, and throws when its download never happened.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectron();
if (!electronBinary) {
  console.log('[start] Electron is not installed on this computer (its download needs internet at `npm install`): opening Sajaro in your browser instead');
  startInBrowser(root, process.argv.slice(2));
} else {
  startDesktop(electronBinary);
}

/** The desktop app: the build, better-sqlite3 for Electron's ABI, then Electron itself. */
function startDesktop(electronBinary) {
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
}
