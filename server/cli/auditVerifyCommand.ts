import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../audit/auditLog';
import { SERVER_DEFAULTS } from '../config';
import { defaultDataDir, parseOptions, UsageError } from './args';

const USAGE = 'npm run audit:verify -- [--data <dir>]';

/**
 * `audit-verify`: walks the workspace's audit log and checks its hash chain, read-only. Exits 0 printing
 * the number of entries when the chain holds; exits 1 naming the first entry that was edited, deleted,
 * reordered or inserted (issue 4).
 */
export async function auditVerifyCommand(argv: string[]): Promise<void> {
  const values = parseOptions(argv, { data: { type: 'string' } }, USAGE) as { data?: string };
  const dataDir = values.data ?? defaultDataDir();
  const file = join(dataDir, SERVER_DEFAULTS.databaseFile);
  if (!existsSync(file)) throw new UsageError(`No workspace in '${dataDir}': expected the file ${SERVER_DEFAULTS.databaseFile} there\nUsage: ${USAGE}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
    if (!hasLog) {
      console.log(`[audit] the chain holds: 0 entries (the workspace in ${dataDir} has no audit log yet)`);
      return;
    }
    const report = verifyAuditChain(db);
    if (report.ok) {
      console.log(`[audit] the chain holds: ${report.entries} entries, head ${report.head}`);
      return;
    }
    console.error(`[audit] the chain is broken at entry ${report.firstBad?.seq ?? '?'}: ${report.firstBad?.reason ?? 'unknown reason'} (${report.entries} entries in the log)`);
    process.exitCode = 1;
  } finally {
    db.close();
  }
}
