import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Figure, PartName } from './figures';
import type { MachineInfo } from './machine';

/** One part's results from the run that last ran it. */
export interface PartRecord {
  readonly mode: 'quick' | 'full';
  readonly ranAt: string;
  readonly seconds: number;
  readonly seed: number;
  /** The commit measured (runs before this field was kept have none). */
  readonly commit?: string | null;
  readonly loadAverageAtStart: readonly number[];
  readonly loadAverageAtEnd: readonly number[];
  readonly figures: readonly Figure[];
  readonly notes: readonly string[];
  /** Set when the part failed; its figures are then whatever it measured before failing. */
  readonly error?: string;
}

/** bench/results/latest.json: the machine, the versions, and each part's latest results. */
export interface Results {
  readonly schema: 1;
  readonly updatedAt: string;
  readonly machine: MachineInfo;
  readonly versions: Readonly<Record<string, string | null>>;
  readonly parts: Partial<Record<PartName, PartRecord>>;
  /** Every figure that has a goal, with whether it was met: the summary issue 8 asks for. */
  readonly goals: readonly Figure[];
}

/**
 * Merges this run's parts into the previous results: a part run alone replaces only its own figures, so
 * the file always holds the latest results of every part, each with its own date and mode.
 */
export function mergeResults(previous: Results | null, run: Omit<Results, 'goals' | 'parts'> & { parts: Partial<Record<PartName, PartRecord>> }): Results {
  const parts = { ...(previous?.schema === 1 ? previous.parts : {}), ...run.parts };
  const goals = Object.values(parts).flatMap((p) => (p?.figures ?? []).filter((f) => f.goal));
  return { schema: 1, updatedAt: run.updatedAt, machine: run.machine, versions: run.versions, parts, goals };
}

/** Reads previous results, or null if there are none or they are unreadable. */
export function readResults(file: string): Results | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Results;
  } catch {
    return null;
  }
}

/** Writes a file through a temporary file and a rename, so an interrupted run never leaves half a file. */
export function writeFileAtomic(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
