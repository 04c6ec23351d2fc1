/**
 * `npm run bench`: runs the benchmark parts of issue 8 (sync, storage, editor, export) and issue 14 (link), prints a table, and
 * writes bench/results/latest.json and bench/RESULTS.md. `--quick` runs a reduced load of every part;
 * naming parts runs only those (`npm run bench -- sync`).
 */
import { join } from 'node:path';
import { parseArgs } from './lib/args';
import { installChildCleanup } from './lib/children';
import type { PartContext } from './lib/context';
import type { PartName, PartOutput } from './lib/figures';
import { figureRows, textTable } from './lib/format';
import { currentCommit, loadAverage, machineInfo, versions } from './lib/machine';
import { renderResultsMarkdown } from './lib/report';
import { mergeResults, readResults, writeFileAtomic, type PartRecord } from './lib/results';
import { runEditorPart } from './parts/editor';
import { runExportPart } from './parts/export';
import { runLinkPart } from './parts/link';
import { runStoragePart } from './parts/storage';
import { runSyncPart } from './parts/sync';

const PART_RUNNERS: Record<PartName, (context: PartContext) => Promise<PartOutput>> = {
  sync: runSyncPart,
  storage: runStoragePart,
  editor: runEditorPart,
  export: runExportPart,
  link: runLinkPart,
};

const BENCH_DIR = import.meta.dirname;
const RESULTS_JSON = join(BENCH_DIR, 'results', 'latest.json');
const RESULTS_MD = join(BENCH_DIR, 'RESULTS.md');
const ANALYSIS_MD = join(BENCH_DIR, 'ANALYSIS.md');

async function main(): Promise<number> {
  installChildCleanup();
  const args = parseArgs(process.argv.slice(2));
  if (args.reportOnly) {
    const previous = readResults(RESULTS_JSON);
    if (!previous) throw new Error(`No results to report: ${RESULTS_JSON} is missing or unreadable; run the bench first`);
    writeFileAtomic(RESULTS_MD, renderResultsMarkdown(previous, ANALYSIS_MD));
    console.log(`[bench] rewrote ${RESULTS_MD} from ${RESULTS_JSON}`);
    return 0;
  }
  const machine = machineInfo();
  const log = (line: string): void => console.log(line);
  log(`[bench] ${args.quick ? 'quick' : 'full'} run of ${args.parts.join(', ')}, seed ${args.seed}; load average ${machine.loadAverageAtStart.join(' / ')}`);

  const parts: Partial<Record<PartName, PartRecord>> = {};
  let failed = false;
  for (const part of args.parts) {
    const started = Date.now();
    const loadAtStart = loadAverage();
    log(`[bench] ${part}: start`);
    let output: PartOutput = { figures: [], notes: [] };
    let error: string | undefined;
    try {
      output = await PART_RUNNERS[part]({ quick: args.quick, seed: args.seed, clientProcesses: args.clientProcesses, log });
    } catch (caught) {
      failed = true;
      error = caught instanceof Error ? caught.message : String(caught);
      console.error(`[bench] ${part} failed:`, caught);
    }
    if (output.skipped) {
      log(`[bench] ${part}: skipped, ${output.skipped}; its previous results are kept`);
      continue;
    }
    parts[part] = {
      mode: args.quick ? 'quick' : 'full',
      ranAt: new Date(started).toISOString(),
      seconds: (Date.now() - started) / 1000,
      seed: args.seed,
      commit: currentCommit(),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadAverage(),
      figures: output.figures,
      notes: output.notes,
      ...(error ? { error } : {}),
    };
    log(`[bench] ${part}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // Profiled or traced children (BENCH_NODE_ARGS) run slower: such a run prints its table but keeps the results.
  const instrumented = Boolean(process.env.BENCH_NODE_ARGS?.trim());
  if (!instrumented) {
    const results = mergeResults(readResults(RESULTS_JSON), { schema: 1, updatedAt: new Date().toISOString(), machine, versions: versions(), parts });
    writeFileAtomic(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
    writeFileAtomic(RESULTS_MD, renderResultsMarkdown(results, ANALYSIS_MD));
  }
  const figures = args.parts.flatMap((p) => parts[p]?.figures ?? []);
  log('');
  log(textTable(['part', 'figure', 'value', 'unit', 'goal', 'met'], figureRows(figures)));
  log('');
  log(
    instrumented
      ? '[bench] BENCH_NODE_ARGS is set (profiling): results files left as they were'
      : `[bench] wrote ${RESULTS_JSON} and ${RESULTS_MD}${args.quick ? ' (quick figures)' : ''}`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[bench]', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
