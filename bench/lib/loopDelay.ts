import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** A process's event-loop delay over a window: how long ready work waited, e.g. behind a blocking fsync. */
export interface LoopDelay {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Watches this process's event loop; `reset` starts a window, `read` reports it, `stop` ends watching. */
export function watchEventLoop(): { reset(): void; read(): LoopDelay; stop(): void } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    reset: () => histogram.reset(),
    read: () => ({ p50Ms: histogram.percentile(50) / 1e6, p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 }),
    stop: () => histogram.disable(),
  };
}
