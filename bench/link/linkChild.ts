/**
 * The link part's measuring process. The bench starts it inside a network namespace of its own (`ip netns
 * exec`), so the server, the proxies, the remote members and Chromium it starts all share that namespace's
 * loopback, and the loss rules set here touch nothing outside it.
 */
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser';
import { startRemoteTypists } from '../editor/remoteTypists';
import { serveRequests, spawnTsChild, type ChildHandle } from '../lib/children';
import { sleep, waitFor, withTimeout } from '../lib/wait';
import type { CreatedAct, SajaroReady } from '../servers/sajaroServer';
import { INSTALL_MARK_PROBE, READ_MARKS, shownCondition, SYNCED_CONDITION } from './linkProbes';
import { startLinkProxy, type LinkBytes, type LinkProxy, type LinkShape } from './linkProxy';

/** What the part asks for. */
export interface LinkRequest {
  readonly rendererDir: string;
  readonly pages: number;
  readonly seed: number;
  readonly bad: LinkShape & { readonly lossProbability: number };
  readonly members: number;
  readonly charsPerSecond: number;
  readonly markEvery: number;
  readonly typingMs: number;
}

/** One open of the act: when its text was shown and editable, when it had synced, and the bytes it took. */
export interface OpenMeasured {
  readonly shownMs: number;
  readonly syncedMs: number;
  /** Bytes on the link from navigation until synced. */
  readonly bytesToSynced: LinkBytes;
  /** Bytes until the link was quiet for a while after that (the service worker caching the app, etc.). */
  readonly bytesSettled: LinkBytes;
}

/** One link's figures. */
export interface LinkRun {
  readonly link: 'clean' | 'bad';
  readonly cold: OpenMeasured;
  readonly warm: OpenMeasured;
  /** Member's edit → shown in the measured page, ms, one sample per marked edit shown. */
  readonly remote: number[];
  readonly marksSent: number;
  readonly edits: number;
  readonly pageErrors: string[];
}

/** What the child hands back. */
export interface LinkMeasured {
  readonly act: CreatedAct;
  readonly runs: LinkRun[];
  /** Packets on the bad link's port, and how many of them iptables dropped. */
  readonly packets: { readonly seen: number; readonly dropped: number };
}

/**
 * "Quiet" is a trickle, not silence: the heartbeat probes an idle socket every second and the server pings it
 * every 5 s (shared/sync/linkWatchdog.ts), a few bytes each, so a live page's line is never silent for 2 s.
 * Waiting for silence waited out the whole QUIET_TIMEOUT_MS on every open (4 × 120 s) and ran the part past
 * its child's time limit.
 */
const QUIET_MS = 2_000;
const QUIET_BELOW_BYTES = 1024;
const QUIET_TIMEOUT_MS = 120_000;
const OPEN_TIMEOUT_MS = 180_000;

let server: ChildHandle | null = null;
let browser: Browser | null = null;
const proxies: LinkProxy[] = [];

async function measure(request: LinkRequest): Promise<LinkMeasured> {
  server = spawnTsChild('sajaro', 'bench/servers/sajaroServer.ts', [JSON.stringify({ rendererDir: request.rendererDir })]);
  const ready = await server.next<SajaroReady>('ready', 60_000);
  const serverPort = Number(new URL(ready.url).port);
  const create = (link: string): Promise<CreatedAct> =>
    (server as ChildHandle).request<CreatedAct>('createAct', { pages: request.pages, seed: request.seed, title: `Link bench act of ${request.pages} pages (${link})` }, 120_000);
  // The same generated act twice, so that each link opens a document no browser has seen.
  const acts = { clean: await create('clean link'), bad: await create('bad link') };
  const clean = await startLinkProxy(serverPort, { delayMs: 0, bitsPerSecond: 0 });
  const bad = await startLinkProxy(serverPort, request.bad);
  proxies.push(clean, bad);
  dropOnPort(bad.port, request.bad.lossProbability);

  browser = await launchBrowser();
  const runs: LinkRun[] = [];
  for (const [link, proxy] of [['clean', clean], ['bad', bad]] as const) {
    console.error(`[link] ${link} link: cold open, warm open, ${request.members} members typing`);
    runs.push(await measureLink(browser, link, proxy, acts[link], ready, serverPort, request));
  }
  return { act: acts.bad, runs, packets: packetCounts() };
}

async function measureLink(browser: Browser, link: 'clean' | 'bad', proxy: LinkProxy, act: CreatedAct, ready: SajaroReady, serverPort: number, request: LinkRequest): Promise<LinkRun> {
  const url = `http://127.0.0.1:${proxy.port}/documents/${act.docId}#token=${encodeURIComponent(ready.ownerToken)}`;
  // A fresh context is a fresh profile: no HTTP cache, no service worker, no IndexedDB.
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  const pageErrors: string[] = [];
  try {
    await context.addInitScript({ content: "localStorage.setItem('sajaro.userName', 'Bench');" });
    const first = await context.newPage();
    first.on('pageerror', (error) => pageErrors.push(error.message));
    if (TRACE) tracePage(first, `${link}/cold`);
    const cold = await openAct(first, url, act, proxy);
    // The warm open needs what the first left behind: the service worker's shell and the local copy.
    await withTimeout(first.evaluate('navigator.serviceWorker.ready.then(() => true)'), 60_000, 'the service worker to be ready');
    await first.close();
    const second = await context.newPage();
    second.on('pageerror', (error) => pageErrors.push(error.message));
    if (TRACE) tracePage(second, `${link}/warm`);
    const warm = await openAct(second, url, act, proxy);

    await second.evaluate(INSTALL_MARK_PROBE);
    const sent = new Map<number, number>();
    // The other members have good lines: they reach the server directly, only the measured page is on `link`.
    const typists = await startRemoteTypists(`ws://127.0.0.1:${serverPort}/sync`, act.docId, { token: ready.ownerToken }, request.members, request.charsPerSecond, request.seed, {
      every: request.markEvery,
      sent: (id, at) => sent.set(id, at),
    });
    await sleep(request.typingMs);
    const edits = typists.stop();
    const readMarks = async (): Promise<Record<string, number>> => (await second.evaluate(READ_MARKS)) as Record<string, number>;
    // Edits still on their way get a while to arrive; one that never shows is left out of the samples and counted.
    await waitFor(async () => Object.keys(await readMarks()).length >= sent.size, 'every marked edit to show', 15_000, 250).catch(() => undefined);
    const seen = await readMarks();
    const remote = [...sent].flatMap(([id, at]) => (seen[String(id)] === undefined ? [] : [(seen[String(id)] as number) - at]));
    return { link, cold, warm, remote, marksSent: sent.size, edits, pageErrors };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** SAJARO_LINK_TRACE=1 prints what each page does on the bench's stderr: its console, API answers, websockets, badge. */
const TRACE = process.env.SAJARO_LINK_TRACE === '1';
const TRACE_STARTED = Date.now();

function tracePage(page: Page, label: string): void {
  const t = (): string => `${((Date.now() - TRACE_STARTED) / 1000).toFixed(1)}s`;
  const say = (line: string): void => console.error(`[link trace ${t()} ${label}] ${line}`);
  page.on('console', (m) => say(`console.${m.type()}: ${m.text().slice(0, 300)}`));
  page.on('requestfailed', (r) => say(`request failed: ${r.method()} ${r.url().slice(0, 120)} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.url().includes('/api/')) say(`response ${r.status()} ${r.url().slice(0, 120)}`); });
  page.on('websocket', (ws) => {
    say(`websocket open ${ws.url().slice(0, 80)}`);
    let frames = 0; let bytes = 0;
    ws.on('framereceived', (f) => { frames += 1; bytes += typeof f.payload === 'string' ? f.payload.length : f.payload.length; });
    ws.on('close', () => say(`websocket closed after ${frames} frames, ${bytes} bytes received`));
    ws.on('socketerror', (e) => say(`websocket error ${e}`));
  });
  let last = '';
  const timer = setInterval(() => {
    page.evaluate(`document.querySelector('.sj-connection')?.getAttribute('data-state') ?? 'none'`).then((state) => {
      if (state !== last) say(`badge ${String(state)}`);
      last = String(state);
    }).catch((e: Error) => { if (page.isClosed()) clearInterval(timer); else say(`evaluate failed ${e.message.slice(0, 80)}`); });
  }, 250);
  page.on('close', () => clearInterval(timer));
}

/** Navigates to the act and times it: shown and editable, then synced; counts the bytes until then and until quiet. */
async function openAct(page: Page, url: string, act: CreatedAct, proxy: LinkProxy): Promise<OpenMeasured> {
  proxy.resetBytes();
  await page.goto(url, { waitUntil: 'commit', timeout: OPEN_TIMEOUT_MS });
  const shown = await page.waitForFunction(shownCondition(act.articles), undefined, { polling: 20, timeout: OPEN_TIMEOUT_MS });
  const synced = await page.waitForFunction(SYNCED_CONDITION, undefined, { polling: 20, timeout: OPEN_TIMEOUT_MS });
  const bytesToSynced = proxy.bytes();
  await waitForQuiet(proxy);
  return { shownMs: (await shown.jsonValue()) as number, syncedMs: (await synced.jsonValue()) as number, bytesToSynced, bytesSettled: proxy.bytes() };
}

/** Waits until the line carried fewer than QUIET_BELOW_BYTES over the last QUIET_MS; says so when it never did. */
async function waitForQuiet(proxy: LinkProxy): Promise<void> {
  const samples: { at: number; total: number }[] = [];
  const quiet = (): boolean => {
    const { up, down } = proxy.bytes();
    const now = performance.now();
    samples.push({ at: now, total: up + down });
    // Keep the newest sample at or before the window's start as the window's first.
    while (samples.length > 1 && (samples[1] as { at: number }).at <= now - QUIET_MS) samples.shift();
    const first = samples[0] as { at: number; total: number };
    return first.at <= now - QUIET_MS && up + down - first.total < QUIET_BELOW_BYTES;
  };
  await waitFor(quiet, 'the link to be quiet after opening', QUIET_TIMEOUT_MS, 100).catch((error: Error) => console.error(`[link] ${error.message}: the settled bytes include the wait`));
}

/**
 * Loss on the bad link's port, in both directions, in this namespace only. Two counting rules come first
 * so that the report can say how many packets there were and how many were dropped.
 */
function dropOnPort(port: number, probability: number): void {
  const rule = (...args: string[]): void => void execFileSync('iptables', ['-A', 'INPUT', '-p', 'tcp', ...args]);
  rule('--dport', String(port));
  rule('--sport', String(port));
  for (const side of ['--dport', '--sport']) rule(side, String(port), '-m', 'statistic', '--mode', 'random', '--probability', String(probability), '-j', 'DROP');
}

/** Reads the rules' counters: rules 1–2 count every packet on the port, 3–4 the dropped ones. */
function packetCounts(): { seen: number; dropped: number } {
  const listing = execFileSync('iptables', ['-L', 'INPUT', '-n', '-v', '-x', '--line-numbers'], { encoding: 'utf8' });
  const counts = new Map<number, number>();
  for (const line of listing.split('\n')) {
    const [num, pkts] = line.trim().split(/\s+/);
    if (/^\d+$/.test(num ?? '') && /^\d+$/.test(pkts ?? '')) counts.set(Number(num), Number(pkts));
  }
  const at = (n: number): number => counts.get(n) ?? 0;
  return { seen: at(1) + at(2), dropped: at(3) + at(4) };
}

serveRequests({ measure: (message) => measure(message.request as LinkRequest) }, async () => {
  await browser?.close().catch(() => undefined);
  await Promise.all(proxies.map((p) => p.close()));
  await server?.stop();
});
