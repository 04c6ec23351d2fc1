import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../lib/children';

/** The bench's own build of the renderer, apart from dist/renderer, which tests rebuild while the bench runs. */
export const BENCH_RENDERER_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'sajaro-bench', 'renderer');

/** What was used: the folder, whether it was built now, and a note when a stale build had to be used. */
export interface RendererBuild {
  readonly dir: string;
  readonly builtNow: boolean;
  readonly note?: string;
}

/**
 * Builds the renderer (vite, production) into the bench's own folder when it is missing or older than the
 * sources of renderer/ and shared/; a failed build falls back to the previous one, with a note.
 */
export async function ensureRendererBuild(log: (line: string) => void): Promise<RendererBuild> {
  const index = join(BENCH_RENDERER_DIR, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(join(REPO_ROOT, 'renderer')), newestMtime(join(REPO_ROOT, 'shared')));
  if (built > sources) return { dir: BENCH_RENDERER_DIR, builtNow: false };
  log('[editor] building the renderer (vite, production) for the bench');
  try {
    await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--outDir', BENCH_RENDERER_DIR, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      timeout: 300_000,
      maxBuffer: 16 * 2 ** 20,
    });
    return { dir: BENCH_RENDERER_DIR, builtNow: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    if (!existsSync(index)) throw new Error(`Building the renderer failed: ${reason}`);
    return { dir: BENCH_RENDERER_DIR, builtNow: false, note: `The renderer build failed (${reason}); the previous bench build of ${new Date(built).toISOString()} was measured.` };
  }
}

/** The newest modification time of the files under a folder (tests excluded), in ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
