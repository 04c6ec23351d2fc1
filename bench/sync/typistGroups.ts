import { spawnTsChild, type ChildHandle } from '../lib/children';
import { connectTypists, type TypistPlan, type TypistSession, type TypingResult, type TypingWindow } from './typists';

/**
 * One group of typing clients, in the bench process or in a worker process; the sync part drives either.
 * A group connects, types and disconnects once per round, and is disposed of after the last round.
 */
export interface TypistGroup {
  connect(plan: TypistPlan): Promise<number>;
  type(window: TypingWindow): Promise<TypingResult>;
  disconnect(): Promise<void>;
  dispose(): Promise<void>;
}

/** A group that runs in the bench process itself. */
export function localGroup(): TypistGroup {
  let session: TypistSession | null = null;
  return {
    async connect(plan) {
      session = await connectTypists(plan);
      return session.clients;
    },
    type(window) {
      if (!session) throw new Error('Expected connect before type');
      return session.type(window);
    },
    async disconnect() {
      session?.close();
      session = null;
    },
    async dispose() {
      await this.disconnect();
    },
  };
}

/** A group that runs in a worker child process (bench/sync/typistsWorker.ts). */
export async function workerGroup(name: string): Promise<TypistGroup> {
  const child: ChildHandle = spawnTsChild(name, 'bench/sync/typistsWorker.ts');
  await child.next('ready', 30_000);
  return {
    connect: (plan) => child.request<number>('connect', { plan }, 90_000),
    type: (window) => child.request<TypingResult>('type', { window }, window.measureUntil - Date.now() + window.graceMs + 30_000),
    async disconnect() {
      await child.request('close', {}, 10_000);
    },
    async dispose() {
      await child.stop();
    },
  };
}

/** Merges the results of several groups that typed in the same window. */
export function mergeResults(results: readonly TypingResult[]): TypingResult {
  return {
    fanoutMs: results.flatMap((r) => r.fanoutMs),
    editsMeasured: sum(results.map((r) => r.editsMeasured)),
    editsTotal: sum(results.map((r) => r.editsTotal)),
    incomplete: sum(results.map((r) => r.incomplete)),
    clientCpuSeconds: sum(results.map((r) => r.clientCpuSeconds)),
    eventLoopDelayP99Ms: Math.max(...results.map((r) => r.eventLoopDelayP99Ms)),
    disconnects: sum(results.map((r) => r.disconnects)),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
