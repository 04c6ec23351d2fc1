import { spawnTsChild, type ChildHandle } from '../lib/children';
import type { PartContext } from '../lib/context';
import { GOALS, recorder, type Goal, type PartOutput, type Recorder } from '../lib/figures';
import { summarize } from '../lib/stats';
import { ensureRendererBuild } from '../editor/rendererBuild';
import type { LinkMeasured, LinkRequest, LinkRun } from '../link/linkChild';
import { createLinkNamespace, whyNoNamespace, type LinkNamespace } from '../link/namespace';

/** The bad line of issue 14: 150 ms each way (RTT ≈ 300 ms), 256 kbit/s each way, 5 % of packets lost. */
const BAD_LINE = { delayMs: 150, bitsPerSecond: 256_000, lossProbability: 0.05 } as const;

/** --quick opens a 10-page act and types for less time. */
const SIZE = {
  full: { pages: 40, members: 5, charsPerSecond: 3, markEvery: 5, typingMs: 30_000 },
  quick: { pages: 10, members: 5, charsPerSecond: 3, markEvery: 5, typingMs: 10_000 },
} as const;

/** The whole measurement is bounded, so a line that never delivers cannot hold the bench for long. */
const CHILD_TIMEOUT_MS = 9 * 60_000;

/**
 * Part 5, link (issue 14): a 40-page act opened cold and warm, and remote edits while 5 members type, on an
 * emulated bad line and on a clean one, in a network namespace of the bench's own. Where namespaces cannot
 * be made (not root, no iproute2/iptables, a container that forbids them) the part says why and is skipped.
 */
export async function runLinkPart(context: PartContext): Promise<PartOutput> {
  const size = context.quick ? SIZE.quick : SIZE.full;
  const out = recorder('link');
  const missing = whyNoNamespace();
  if (missing) return skip(context, missing);
  let namespace: LinkNamespace;
  try {
    namespace = createLinkNamespace();
  } catch (error) {
    return skip(context, `no network namespace could be made here (${error instanceof Error ? error.message : String(error)})`);
  }
  let child: ChildHandle | null = null;
  try {
    const build = await ensureRendererBuild(context.log);
    if (build.note) out.note(build.note);
    context.log(`[link] namespace ${namespace.name}; a ${size.pages}-page act on a clean line, then on the bad line`);
    child = spawnTsChild('link', 'bench/link/linkChild.ts', [], {}, namespace.exec);
    const request: LinkRequest = { rendererDir: build.dir, seed: context.seed, bad: BAD_LINE, ...size };
    const measured = await child.request<LinkMeasured>('measure', { request }, CHILD_TIMEOUT_MS);
    report(out, measured, size);
    methods(out, size);
    return out.output();
  } finally {
    await child?.stop();
    namespace.remove();
  }
}

function skip(context: PartContext, reason: string): PartOutput {
  context.log(`[link] skipped: ${reason}`);
  return { figures: [], notes: [], skipped: reason };
}

function report(out: Recorder, measured: LinkMeasured, size: (typeof SIZE)[keyof typeof SIZE]): void {
  const { act } = measured;
  const { pages, members } = size;
  out.figure('characters', 'act size', act.characters, 'characters', { note: `${pages} pages, ${act.articles} articles; ${(act.stateBytes / 1024).toFixed(0)} KiB of Yjs state` });
  const runs = { bad: run(measured, 'bad'), clean: run(measured, 'clean') };
  // Each bad-line figure is followed by the same figure on the clean line, its anchor.
  const pair = (key: string, label: string, value: (r: LinkRun) => number | null, unit: string, goal?: Goal, note?: (r: LinkRun) => string | undefined): void => {
    for (const link of ['bad', 'clean'] as const) {
      const r = runs[link];
      const extraNote = note?.(r);
      out.figure(`${link}.${key}`, `${link === 'bad' ? 'bad line' : 'clean line'}: ${label}`, value(r), unit, { ...(link === 'bad' && goal ? { goal } : {}), ...(extraNote ? { note: extraNote } : {}) });
    }
  };
  pair('coldOpen', `cold open of the ${pages}-page act, to editable with its text shown`, (r) => r.cold.shownMs, 'ms', GOALS.linkColdOpen);
  pair('coldSynced', 'cold open, to synced with the server', (r) => r.cold.syncedMs, 'ms');
  pair('warmOpen', 'warm open (same profile: local copy and service worker), to editable with its text shown', (r) => r.warm.shownMs, 'ms', GOALS.linkWarmOpen);
  pair('warmSynced', 'warm open, to synced with the server', (r) => r.warm.syncedMs, 'ms');
  const remote = { bad: summarize(runs.bad.remote), clean: summarize(runs.clean.remote) };
  pair('remoteP50', `remote edit shown p50, ${members} members typing`, (r) => remote[r.link].p50, 'ms');
  pair('remoteP95', `remote edit shown p95, ${members} members typing`, (r) => remote[r.link].p95, 'ms', GOALS.linkRemoteP95);
  pair('remoteMax', 'remote edit shown, slowest', (r) => remote[r.link].max, 'ms');
  pair('remoteShown', 'marked remote edits shown in the page', (r) => r.remote.length, 'edits', undefined, (r) => `of ${r.marksSent} marked edits, among ${r.edits} edits by the members`);
  const kib = (bytes: number): number => bytes / 1024;
  pair('coldDown', 'bytes to the browser per cold open (until synced)', (r) => kib(r.cold.bytesToSynced.down), 'KiB');
  pair('coldUp', 'bytes from the browser per cold open (until synced)', (r) => kib(r.cold.bytesToSynced.up), 'KiB');
  pair('coldDownSettled', 'bytes to the browser per cold open, until the line carried under 1 KiB in 2 s', (r) => kib(r.cold.bytesSettled.down), 'KiB', undefined, () => 'includes the service worker caching the app shell');
  pair('coldConnections', 'TCP connections per cold open', (r) => r.cold.bytesSettled.connections, 'connections');
  pair('warmDown', 'bytes to the browser per warm open, until quiet', (r) => kib(r.warm.bytesSettled.down), 'KiB');
  pair('warmUp', 'bytes from the browser per warm open, until quiet', (r) => kib(r.warm.bytesSettled.up), 'KiB');
  out.figure('packetsDropped', 'bad line: packets dropped by iptables', measured.packets.dropped, 'packets', {
    note: `of ${measured.packets.seen} packets on the line's port (${((100 * measured.packets.dropped) / Math.max(1, measured.packets.seen)).toFixed(1)} %)`,
  });
  const errors = [...runs.bad.pageErrors, ...runs.clean.pageErrors];
  out.figure('pageErrors', 'errors in the pages', errors.length, 'errors');
  if (errors.length) out.note(`Page errors: ${errors.slice(0, 3).join(' | ')}`);
}

function run(measured: LinkMeasured, link: LinkRun['link']): LinkRun {
  const found = measured.runs.find((r) => r.link === link);
  if (!found) throw new Error(`Expected a run on the ${link} line`);
  return found;
}

function methods(out: Recorder, size: (typeof SIZE)[keyof typeof SIZE]): void {
  out.note(
    `Line: a network namespace of the bench's own (\`ip netns add sajaro-link-<pid>\`, loopback up with an MTU of 1 500); the Sajaro server (production renderer), two proxies, the members and Chromium all run inside it, on its loopback. ` +
      `The bad line is a TCP proxy in the bench (bench/link/linkProxy.ts) that holds every chunk ${BAD_LINE.delayMs} ms in each direction, paces each direction to ${BAD_LINE.bitsPerSecond / 1000} kbit/s shared by all connections, holds a new connection's first bytes one round trip (the handshake), and pauses a sender with 16 kB queued; ` +
      `iptables drops ${BAD_LINE.lossProbability * 100} % of the packets to and from the proxy's port at random (\`-m statistic --mode random\`). The clean line is a second proxy with no delay, no pacing and no loss, which only counts bytes.`,
  );
  out.note(
    `Opens: the same generated act (bench/lib/act.ts, ${size.pages} pages) stored twice, one per line. Cold: a fresh browser context (no HTTP cache, service worker or IndexedDB). Warm: the same context after the service worker is ready, a new tab. ` +
      'Editable with the text shown: in-page time from navigation start until .sj-editor is contenteditable and every article heading is in the DOM; synced: until the connection badge says synced. Bytes are counted in the proxy, both directions, from navigation. ' +
      'The page downloads the act as its snapshot in 64 KiB Range requests (GET /api/documents/:id/snapshot) before its websocket connects, so a cold open pays one round trip per 64 KiB on top of the bytes, and a warm open one small request.',
  );
  out.note(
    `Remote edits: ${size.members} Node members (stock WebsocketProvider, connected straight to the server: their lines are good) type ${size.charsPerSecond} characters a second each for ${size.typingMs / 1000} s into paragraphs picked from the seed; every ${size.markEvery}th edit inserts a numbered mark. ` +
      "The figure is from the member's Date.now() just before the edit to the page's Date.now() when a MutationObserver sees the mark in the editor's DOM (one clock: same machine). The measured page is the warm tab.",
  );
  out.note(
    "Caveat: the kernel sees the loopback's own round trip (microseconds), not the proxy's 300 ms, so a lost packet is resent after Linux's minimum timeout of 200 ms or sooner; on a real 300 ms line it would wait longer. Figures on the bad line are therefore, if anything, better than a real line's.",
  );
}
