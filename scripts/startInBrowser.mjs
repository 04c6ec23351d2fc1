// The fallback of `npm start` where Electron's binary could not be installed (issue 15): the same workspace
// server the desktop app embeds, started by the `serve` command (so no start code is repeated here) on
// 127.0.0.1 with the desktop app's data folder, and the system browser opened on its link.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** What `serve` prints once it listens: the owner's link. */
const OWNER_LINK = /^\[serve\] open (\S+)$/;

/** The command that opens a link in the system browser, per platform; SAJARO_OPEN_COMMAND replaces it. */
function browserCommand(url, env) {
  if (env.SAJARO_OPEN_COMMAND) return [env.SAJARO_OPEN_COMMAND, [url]];
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/** Opens `url` in the system browser, or says where to open it when no browser can be started. */
export function openInBrowser(url, env = process.env) {
  const [command, args] = browserCommand(url, env);
  const fail = (why) => console.log(`[start] could not open a browser (${why}): open ${url}`);
  const opener = spawn(command, args, { stdio: 'ignore', detached: true });
  opener.once('error', (error) => fail(error.code ?? error.message));
  opener.once('exit', (code) => {
    if (code !== 0) fail(`${command} exited with ${code}`);
  });
  opener.unref();
}

/**
 * Builds the web app (unless SAJARO_START_NO_BUILD is set, as the tests do), runs `serve` with `args` after
 * `--host 127.0.0.1`, passes its output through, opens the browser on the owner's link, and stops the server
 * when this process is asked to stop.
 */
export function startInBrowser(root, args, env = process.env) {
  if (!env.SAJARO_START_NO_BUILD) {
    const build = spawnSync('npm', ['run', 'build:renderer', '--silent'], { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
    if (build.status !== 0) {
      console.error('[start] building the web app failed');
      process.exit(build.status ?? 1);
    }
  }
  // One process (node with tsx's loader, not the tsx wrapper), so a signal sent to it reaches the server itself.
  const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli', 'main.ts'), 'serve', '--host', '127.0.0.1', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group (not on Windows, where that opens a console): Ctrl+C in the terminal then reaches
    // this script alone, which passes it on once; a second SIGINT would cut the server's clean close short.
    detached: process.platform !== 'win32',
  });
  let opened = false;
  createInterface({ input: server.stdout }).on('line', (line) => {
    console.log(line);
    const link = OWNER_LINK.exec(line);
    if (link && !opened) {
      opened = true;
      openInBrowser(link[1], env);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
