import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './children';

/** The machine a run measured, as results record it. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly kernel: string;
  readonly node: string;
  /** 1, 5 and 15 minute load averages when the run started: other work on a shared machine skews figures. */
  readonly loadAverageAtStart: readonly number[];
}

/** Describes this machine now. */
export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    kernel: release(),
    node: process.version,
    loadAverageAtStart: loadAverage(),
  };
}

/** The 1, 5 and 15 minute load averages, rounded. */
export function loadAverage(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

const PACKAGES = ['yjs', 'lexical', '@lexical/yjs', 'y-websocket', 'y-protocols', '@y/websocket-server', 'ws', 'better-sqlite3', 'docx', 'playwright-core'] as const;

/** Installed versions of the libraries and tools the figures depend on; a missing tool is null. */
export function versions(): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of PACKAGES) {
    try {
      out[name] = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      out[name] = null;
    }
  }
  out.sqlite = sqliteVersion();
  out.pandoc = toolVersion('pandoc', ['--version'], /pandoc\S*\s+([\d.]+)/);
  out.chromium = toolVersion(process.env.CHROMIUM_PATH ?? 'chromium', ['--version'], /Chromium\s+([\d.]+)/);
  return out;
}

function toolVersion(command: string, args: string[], pattern: RegExp): string | null {
  try {
    const output = execFileSync(command, args, { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return pattern.exec(output)?.[1] ?? output.split('\n')[0]?.trim() ?? null;
  } catch {
    return null;
  }
}

function sqliteVersion(): string | null {
  try {
    const output = execFileSync(process.execPath, ['-e', "const D=require('better-sqlite3');const d=new D(':memory:');console.log(d.prepare('select sqlite_version() v').get().v)"], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    });
    return output.trim();
  } catch {
    return null;
  }
}

/**
 * The commit the figures were measured at ("abc1234 subject"), with "+ uncommitted changes" when the work
 * tree differs from it; null outside a git checkout.
 */
export function currentCommit(): string | null {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('log', '-1', '--format=%h %s');
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results', ':!*.md') !== '';
    return `${head.length > 90 ? `${head.slice(0, 89)}…` : head}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return null;
  }
}
