import { resolve } from 'node:path';
import { BackupProblem, createBackup } from '../backup/workspaceBackup';
import { defaultDataDir, parseOptions, UsageError } from './args';

const USAGE = 'npm run backup -- --out <file> [--data <dir>]';

/**
 * `backup`: copies a workspace, running or not, into one file (see workspaceBackup.ts for the format).
 * Mistakes and refusals print one line and exit 2.
 */
export async function backupCommand(argv: string[]): Promise<void> {
  const values = parseOptions(argv, { data: { type: 'string' }, out: { type: 'string' } }, USAGE) as { data?: string; out?: string };
  if (!values.out) throw new UsageError(`Missing --out <file>: where to write the backup\nUsage: ${USAGE}`);
  const dataDir = resolve(values.data ?? defaultDataDir());
  try {
    const summary = await createBackup(dataDir, resolve(values.out));
    console.log(`[backup] ${summary.file}: ${summary.documents} act(s), ${summary.files} other file(s), ${summary.bytes} bytes, from ${dataDir}`);
  } catch (error) {
    if (error instanceof BackupProblem) throw new UsageError(error.message);
    throw error;
  }
}
