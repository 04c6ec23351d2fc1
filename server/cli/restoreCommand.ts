import { resolve } from 'node:path';
import { BackupProblem, restoreBackup } from '../backup/workspaceBackup';
import { defaultDataDir, parseOptions, UsageError } from './args';

const USAGE = 'npm run restore -- --from <file> [--data <dir>] [--force]';

/**
 * `restore`: puts a backup back into a data folder. It refuses a workspace that a running server holds, and
 * an existing workspace unless `--force` is given. Mistakes and refusals print one line and exit 2.
 */
export async function restoreCommand(argv: string[]): Promise<void> {
  const values = parseOptions(argv, { from: { type: 'string' }, data: { type: 'string' }, force: { type: 'boolean' } }, USAGE) as { from?: string; data?: string; force?: boolean };
  if (!values.from) throw new UsageError(`Missing --from <file>: which backup to restore\nUsage: ${USAGE}`);
  const dataDir = resolve(values.data ?? defaultDataDir());
  try {
    const summary = restoreBackup(resolve(values.from), dataDir, { force: values.force === true });
    console.log(`[restore] ${dataDir}: ${summary.documents} act(s) and ${summary.files} other file(s) restored from ${resolve(values.from)}`);
  } catch (error) {
    if (error instanceof BackupProblem) throw new UsageError(error.message);
    throw error;
  }
}
