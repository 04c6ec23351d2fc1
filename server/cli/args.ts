import { parseArgs, type ParseArgsConfig } from 'node:util';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A CLI mistake: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {}

/** Parses a subcommand's options, turning parseArgs's errors into a usage message. */
export function parseOptions(argv: string[], options: NonNullable<ParseArgsConfig['options']>, usage: string): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
  }
}

/** The user's app-data folder for Sajaro, the same one the desktop app uses. */
export function defaultDataDir(): string {
  if (process.env.SAJARO_DATA) return process.env.SAJARO_DATA;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Sajaro');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Sajaro');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Sajaro');
}

/** Parses a TCP port, or throws a usage error naming the value. */
export function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Invalid port '${raw}': expected a whole number from 0 to 65535`);
  return port;
}
