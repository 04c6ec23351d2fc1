import { createBlankDocument } from '../lib/api';
import { spawnTsChild, type ChildHandle } from '../lib/children';
import type { PartContext } from '../lib/context';
import { GOALS, ratio, recorder, type PartOutput, type Recorder } from '../lib/figures';
import type { LoopDelay } from '../lib/loopDelay';
import { loadAverage } from '../lib/machine';
import { memory, processMeter } from '../lib/procStats';
import { summarize } from '../lib/stats';
import { sleep } from '../lib/wait';
import type { BaselineReady } from '../servers/baselineServer';
import { combineRoomTimings, type RoomTimings, type ServerStats } from '../servers/roomTiming';
import type { SajaroReady } from '../servers/sajaroServer';
import { localGroup, mergeResults, workerGroup, type TypistGroup } from '../sync/typistGroups';
import type { TypingResult } from '../sync/typists';

/**
 * The load of issue 8, and the reduced one of --quick. The full run measures each server in two rounds of
 * 15 s in the order baseline, Sajaro, Sajaro, baseline, so that a burst of other work on the shared machine
 * weighs on both servers alike; each client types 30 s in all against each server.
 */
const LOAD = {
  full: { docs: 20, clientsPerDoc: 10, charsPerSecond: 5, warmupMs: 3_000, measureMs: 30_000, graceMs: 5_000, order: ['baseline', 'sajaro', 'sajaro', 'baseline'] },
  quick: { docs: 6, clientsPerDoc: 10, charsPerSecond: 5, warmupMs: 500, measureMs: 3_000, graceMs: 2_000, order: ['baseline', 'sajaro'] },
} as const;

type Load = (typeof LOAD)[keyof typeof LOAD];
type ServerName = 'baseline' | 'sajaro';

/** A server under test, started in its own process. */
interface ServerUnderTest {
  readonly child: ChildHandle;
  /** The provider URL without the room. */
  readonly syncUrl: string;
  readonly docIds: string[];
  readonly params: Record<string, string>;
}

/** What one server's rounds measured, added up. */
interface ServerRun {
  readonly typing: TypingResult;
  readonly serverCpuSeconds: number;
  /** Time the server's main thread was ready to run but waited for a CPU taken by other processes. */
  readonly serverRunQueueWaitSeconds: number;
  readonly peakRssBytes: number;
  readonly serverLoopDelay: LoopDelay;
  /** Sajaro only: time per client message and per compaction, measured inside the server process. */
  readonly rooms?: RoomTimings;
  readonly measureSeconds: number;
  readonly loadAverages: string[];
}

/**
 * Part 1, sync: the same typing load against the baseline (`@y/websocket-server` 0.1.1, in memory) and
 * against Sajaro (which stores every update in SQLite before broadcasting), in the same run, each server in
 * its own process and the clients in worker processes of their own.
 */
export async function runSyncPart(context: PartContext): Promise<PartOutput> {
  const load = context.quick ? LOAD.quick : LOAD.full;
  const out = recorder('sync');
  const roundMs = load.measureMs / (load.order.length / 2);
  out.note(
    `Load: ${load.docs} documents × ${load.clientsPerDoc} clients (stock WebsocketProvider, disableBc, ws), each typing ${load.charsPerSecond} characters/s ` +
      `(one Yjs update per character into the Y.Text 'bench', at a cursor that jumps now and then) for ${load.measureMs / 1000} s measured per server, ` +
      `in rounds of ${roundMs / 1000} s (${load.order.join(', ')}), each after ${load.warmupMs / 1000} s of unmeasured warm-up; ` +
      `clients in ${context.clientProcesses === 1 ? 'the bench process' : `${context.clientProcesses} worker processes (documents split between them)`}.`,
  );
  out.note(
    "Fan-out latency: from the edit made (a client's local transaction) to the moment the last other client of the document had the inserted character (matched by its Yjs id from the receivers' state vectors); all clients of a document share one process and clock. " +
      'Server CPU: user + system seconds of the server process over the measured window (/proc/<pid>/stat), per 1 000 updates received. Peak RSS: VmHWM of the server process (includes start-up).',
  );

  const runs: Partial<Record<ServerName, ServerRun>> = {};
  const groups: TypistGroup[] = [];
  try {
    for (let g = 0; g < context.clientProcesses; g += 1) groups.push(context.clientProcesses === 1 ? localGroup() : await workerGroup(`typists-${g + 1}`));
    for (const [index, name] of load.order.entries()) {
      const round = await measureRound(name, load, roundMs, groups, context, out);
      const f = summarize(round.typing.fanoutMs);
      out.note(
        `Round ${index + 1}, ${name}: fan-out p50 ${f.p50.toFixed(1)} / p95 ${f.p95.toFixed(1)} / p99 ${f.p99.toFixed(1)} ms, server event-loop delay max ${round.serverLoopDelay.maxMs.toFixed(0)} ms, server waited for a CPU ${((1000 * round.serverRunQueueWaitSeconds) / round.measureSeconds).toFixed(0)} ms/s, ` +
          `client event-loop delay p99 ${round.typing.eventLoopDelayP99Ms.toFixed(0)} ms, load average ${round.loadAverages[0]}.`,
      );
      const previous = runs[name];
      runs[name] = previous ? combine(previous, round) : round;
    }
  } finally {
    for (const group of groups) await group.dispose();
  }
  const baseline = runs.baseline as ServerRun;
  const sajaro = runs.sajaro as ServerRun;
  report(out, 'baseline', baseline);
  report(out, 'sajaro', sajaro);
  const fanout = { sajaro: summarize(sajaro.typing.fanoutMs), baseline: summarize(baseline.typing.fanoutMs) };
  out.figure('ratio.fanoutP50', 'fan-out p50, Sajaro ÷ baseline', ratio(fanout.sajaro.p50, fanout.baseline.p50), '×');
  out.figure('ratio.fanoutP95', 'fan-out p95, Sajaro ÷ baseline', ratio(fanout.sajaro.p95, fanout.baseline.p95), '×', { goal: GOALS.syncFanoutRatio });
  out.figure('ratio.fanoutP99', 'fan-out p99, Sajaro ÷ baseline', ratio(fanout.sajaro.p99, fanout.baseline.p99), '×');
  out.figure('ratio.cpuPer1000', 'server CPU per 1 000 updates, Sajaro ÷ baseline', ratio(cpuPer1000(sajaro), cpuPer1000(baseline)), '×');
  out.figure('ratio.peakRss', 'server peak RSS, Sajaro ÷ baseline', ratio(sajaro.peakRssBytes, baseline.peakRssBytes), '×');
  return out.output();
}

/** Starts a server, connects every client, types for one round, measures, and stops it all. */
async function measureRound(name: ServerName, load: Load, measureMs: number, groups: readonly TypistGroup[], context: PartContext, out: Recorder): Promise<ServerRun> {
  context.log(`[sync] ${name}: starting the server`);
  const loadAtStart = String(loadAverage()[0]);
  const server = name === 'sajaro' ? await startSajaro(load) : await startBaseline(load, out);
  try {
    context.log(`[sync] ${name}: connecting ${load.docs * load.clientsPerDoc} clients`);
    await Promise.all(
      groups.map((group, g) =>
        group.connect({
          serverUrl: server.syncUrl,
          docIds: server.docIds.filter((_, d) => d % groups.length === g),
          clientsPerDoc: load.clientsPerDoc,
          params: server.params,
          seed: context.seed + g,
        }),
      ),
    );
    const startAt = Date.now() + 500;
    const window = { startAt, measureFrom: startAt + load.warmupMs, measureUntil: startAt + load.warmupMs + measureMs, charsPerSecond: load.charsPerSecond, graceMs: load.graceMs };
    context.log(`[sync] ${name}: typing for ${(load.warmupMs + measureMs) / 1000} s`);
    const typing = Promise.all(groups.map((group) => group.type(window)));
    await sleep(window.measureFrom - Date.now());
    const meter = processMeter(server.child.pid);
    await server.child.request('resetStats', {}, 10_000);
    await sleep(window.measureUntil - Date.now());
    const { cpuSeconds: serverCpuSeconds, runQueueWaitSeconds } = meter.stop();
    const stats = await server.child.request<ServerStats>('stats', {}, 10_000);
    const results = mergeResults(await typing);
    const { peakRssBytes } = memory(server.child.pid);
    return {
      typing: results,
      serverCpuSeconds,
      serverRunQueueWaitSeconds: runQueueWaitSeconds,
      peakRssBytes,
      serverLoopDelay: stats.loop,
      ...(stats.rooms ? { rooms: stats.rooms } : {}),
      measureSeconds: measureMs / 1000,
      loadAverages: [loadAtStart],
    };
  } finally {
    for (const group of groups) await group.disconnect().catch(() => undefined);
    await server.child.stop();
  }
}

function combine(a: ServerRun, b: ServerRun): ServerRun {
  return {
    typing: mergeResults([a.typing, b.typing]),
    serverCpuSeconds: a.serverCpuSeconds + b.serverCpuSeconds,
    serverRunQueueWaitSeconds: a.serverRunQueueWaitSeconds + b.serverRunQueueWaitSeconds,
    peakRssBytes: Math.max(a.peakRssBytes, b.peakRssBytes),
    serverLoopDelay: {
      p50Ms: Math.max(a.serverLoopDelay.p50Ms, b.serverLoopDelay.p50Ms),
      p99Ms: Math.max(a.serverLoopDelay.p99Ms, b.serverLoopDelay.p99Ms),
      maxMs: Math.max(a.serverLoopDelay.maxMs, b.serverLoopDelay.maxMs),
    },
    ...(a.rooms || b.rooms ? { rooms: combineRoomTimings(a.rooms, b.rooms) } : {}),
    measureSeconds: a.measureSeconds + b.measureSeconds,
    loadAverages: [...a.loadAverages, ...b.loadAverages],
  };
}

async function startSajaro(load: Load): Promise<ServerUnderTest> {
  const child = spawnTsChild('sajaro', 'bench/servers/sajaroServer.ts', ['{}']);
  const ready = await child.next<SajaroReady>('ready', 60_000);
  const docIds: string[] = [];
  for (let d = 0; d < load.docs; d += 1) docIds.push(await createBlankDocument(ready.url, ready.ownerToken, `Bench act ${d + 1}`));
  return { child, syncUrl: `${ready.url.replace(/^http/, 'ws')}/sync`, docIds, params: { token: ready.ownerToken } };
}

let persistenceNoted = false;

async function startBaseline(load: Load, out: Recorder): Promise<ServerUnderTest> {
  // YPERSISTENCE unset: the package then keeps documents in memory only (see its utils.js).
  const child = spawnTsChild('baseline', 'bench/servers/baselineServer.ts', [], { YPERSISTENCE: undefined, CALLBACK_URL: undefined });
  const ready = await child.next<BaselineReady>('ready', 60_000);
  if (!persistenceNoted) {
    persistenceNoted = true;
    out.note(
      ready.persists
        ? 'Baseline persistence: YPERSISTENCE was set, so @y/websocket-server wrote every update to LevelDB (asynchronously, after broadcasting).'
        : 'Baseline persistence: none. @y/websocket-server 0.1.1 persists only when YPERSISTENCE names a LevelDB folder (and then asynchronously, after broadcasting); the bench leaves it unset, so the baseline keeps documents in memory only and a crash loses them. Sajaro appends every update to SQLite (WAL, synchronous=NORMAL) in a transaction before broadcasting it.',
    );
  }
  const docIds = Array.from({ length: load.docs }, (_, d) => `bench-doc-${d + 1}`);
  return { child, syncUrl: ready.url.replace(/^http/, 'ws'), docIds, params: {} };
}

function cpuPer1000(run: ServerRun): number | null {
  return run.typing.editsMeasured ? run.serverCpuSeconds / (run.typing.editsMeasured / 1000) : null;
}

function report(out: Recorder, name: ServerName, run: ServerRun): void {
  const fanout = summarize(run.typing.fanoutMs);
  const title = name === 'sajaro' ? 'Sajaro' : 'baseline';
  out.figure(`${name}.fanoutP50`, `${title}: fan-out p50`, fanout.p50, 'ms');
  out.figure(`${name}.fanoutP95`, `${title}: fan-out p95`, fanout.p95, 'ms', name === 'sajaro' ? { goal: GOALS.syncFanoutP95 } : {});
  out.figure(`${name}.fanoutP99`, `${title}: fan-out p99`, fanout.p99, 'ms');
  out.figure(`${name}.cpuPer1000`, `${title}: server CPU per 1 000 updates`, cpuPer1000(run), 's');
  out.figure(`${name}.peakRss`, `${title}: server peak RSS`, run.peakRssBytes / 2 ** 20, 'MiB');
  out.figure(`${name}.updates`, `${title}: updates measured`, run.typing.editsMeasured, 'updates');
  out.figure(`${name}.updatesPerSecond`, `${title}: updates received per second`, run.typing.editsMeasured / run.measureSeconds, '/s');
  out.figure(`${name}.incomplete`, `${title}: edits not seen by every client within ${LOAD.full.graceMs / 1000} s`, run.typing.incomplete, 'edits');
  out.figure(`${name}.runQueueWait`, `${title}: server main thread waiting for a CPU (run-queue delay)`, (1000 * run.serverRunQueueWaitSeconds) / run.measureSeconds, 'ms/s');
  out.figure(`${name}.serverLoopP99`, `${title}: server event-loop delay p99 (worst round)`, run.serverLoopDelay.p99Ms, 'ms');
  out.figure(`${name}.serverLoopMax`, `${title}: server event-loop delay max`, run.serverLoopDelay.maxMs, 'ms');
  if (run.rooms) {
    out.figure(`${name}.messageP50`, `${title}: handling one client edit in the server (check, store, apply, broadcast) p50`, run.rooms.messageP50Ms, 'ms');
    out.figure(`${name}.messageP99`, `${title}: … p99 (worst round)`, run.rooms.messageP99Ms, 'ms');
    out.figure(`${name}.messageMax`, `${title}: … max`, run.rooms.messageMaxMs, 'ms');
    out.figure(`${name}.compactions`, `${title}: compactions on the sync path`, run.rooms.compactions, 'compactions');
    out.figure(`${name}.compactionMax`, `${title}: longest compaction`, run.rooms.compactionMaxMs, 'ms');
  }
  out.figure(`${name}.clientCores`, `${title} run: client processes' CPU`, run.typing.clientCpuSeconds / run.measureSeconds, 'cores');
  out.figure(`${name}.clientLoopDelayP99`, `${title} run: client event-loop delay p99 (worst process)`, run.typing.eventLoopDelayP99Ms, 'ms');
  if (run.typing.disconnects) out.note(`${title}: ${run.typing.disconnects} client connection(s) closed during typing.`);
}
