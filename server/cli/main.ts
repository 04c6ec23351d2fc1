import { serveCommand } from './serveCommand';
import { exportCommand } from './exportCommand';
import { auditVerifyCommand } from './auditVerifyCommand';
import { backupCommand } from './backupCommand';
import { restoreCommand } from './restoreCommand';
import { UsageError } from './args';
import { WorkspaceInUseError } from '../workspaceLock';

/** The command line: `serve`, and the workspace tools, each a subcommand. */
const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  serve: serveCommand,
  export: exportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'audit-verify': auditVerifyCommand,
};

async function main(): Promise<void> {
  const [name, ...argv] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`Unknown command '${name ?? ''}': expected one of ${Object.keys(COMMANDS).join(', ')}`);
  await command(argv);
}

main().catch((error: unknown) => {
  // Expected problems (a mistyped option, a workspace in use) are one line and exit 2, never a stack trace.
  if (error instanceof UsageError || error instanceof WorkspaceInUseError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`[sajaro] ${(error as Error).message}`);
  process.exit(1);
});
