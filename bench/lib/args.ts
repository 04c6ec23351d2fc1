import { PARTS, type PartName } from './figures';

/**
 * The bench's command line: `npm run bench -- [--quick] [sync|storage|editor|export …] [--seed N]
 * [--client-processes N] [--report-only]`.
 */
export interface BenchArgs {
  readonly quick: boolean;
  /** Only rewrite bench/RESULTS.md from bench/results/latest.json (e.g. after editing bench/ANALYSIS.md). */
  readonly reportOnly: boolean;
  readonly parts: readonly PartName[];
  readonly seed: number;
  readonly clientProcesses: number;
}

/** The default seed of every workload. */
export const DEFAULT_SEED = 8;

/** Parses the command line; throws with a sentence naming a bad argument. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let reportOnly = false;
  let seed = DEFAULT_SEED;
  let clientProcesses = 2;
  const parts: PartName[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = (): number => {
      const raw = inline ?? argv[++i];
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) throw new Error(`Invalid value '${raw}' for ${flag}: expected a whole number`);
      return n;
    };
    if (flag === '--quick') quick = true;
    else if (flag === '--report-only') reportOnly = true;
    else if (flag === '--seed') seed = value();
    else if (flag === '--client-processes') clientProcesses = Math.max(1, Math.min(2, value()));
    else if ((PARTS as readonly string[]).includes(arg)) parts.push(arg as PartName);
    else throw new Error(`Unknown argument '${arg}': expected --quick, --seed N, --client-processes 1|2, --report-only, or parts among ${PARTS.join(', ')}`);
  }
  return { quick, reportOnly, parts: parts.length ? [...new Set(parts)] : [...PARTS], seed, clientProcesses };
}
