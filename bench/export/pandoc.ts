import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TIME = '/usr/bin/time';

/** One pandoc conversion: wall time of the process and its peak RSS when /usr/bin/time can tell it. */
export interface PandocRun {
  readonly ms: number;
  readonly peakRssBytes: number | null;
}

/** The pandoc on PATH, or null when it is not installed. */
export async function pandocAvailable(): Promise<boolean> {
  try {
    await run('pandoc', ['--version'], { timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** Converts Markdown to .docx with pandoc as a user would (a new process), timed from spawn to exit. */
export async function pandocToDocx(markdownFile: string, docxFile: string): Promise<PandocRun> {
  const args = ['-f', 'markdown', '-t', 'docx', '-o', docxFile, markdownFile];
  const withTime = existsSync(TIME);
  const start = performance.now();
  const { stderr } = withTime ? await run(TIME, ['-f', '__peak_kib=%M', 'pandoc', ...args], { timeout: 300_000 }) : await run('pandoc', args, { timeout: 300_000 });
  const ms = performance.now() - start;
  const peak = /__peak_kib=(\d+)/.exec(stderr)?.[1];
  return { ms, peakRssBytes: peak ? Number(peak) * 1024 : null };
}
