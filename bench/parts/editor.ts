import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser';
import { spawnTsChild } from '../lib/children';
import type { PartContext } from '../lib/context';
import { GOALS, recorder, type PartOutput, type Recorder } from '../lib/figures';
import { createPrng } from '../lib/prng';
import { median, summarize } from '../lib/stats';
import { sleep, withTimeout } from '../lib/wait';
import { editableCondition, INSTALL_LEXICAL_PROBE, PROBE_INIT_SCRIPT, READ_PROBES, type ProbeSamples } from '../editor/pageProbes';
import { startRemoteTypists } from '../editor/remoteTypists';
import { ensureRendererBuild } from '../editor/rendererBuild';
import type { CreatedAct, SajaroReady } from '../servers/sajaroServer';

/** The act and the typing; --quick opens a 20-page act once and types less. */
const SIZE = {
  full: { pages: 200, loads: 3, keystrokes: 150, keyIntervalMs: 120, maxTypingMs: 60_000, remoteMembers: 10, remoteCharsPerSecond: 5, warmupMs: 2_000 },
  quick: { pages: 20, loads: 1, keystrokes: 25, keyIntervalMs: 120, maxTypingMs: 15_000, remoteMembers: 10, remoteCharsPerSecond: 5, warmupMs: 500 },
} as const;

type Size = (typeof SIZE)[keyof typeof SIZE];

/**
 * Part 3, editor: a generated act opened in Chromium (the renderer as the server serves it, production
 * build): time to editable, keystroke-to-commit latency and remote-edit apply time while Node members type in
 * the same act, and the JS heap after load.
 */
export async function runEditorPart(context: PartContext): Promise<PartOutput> {
  const size = context.quick ? SIZE.quick : SIZE.full;
  const out = recorder('editor');
  const build = await ensureRendererBuild(context.log);
  if (build.note) out.note(build.note);
  const server = spawnTsChild('sajaro', 'bench/servers/sajaroServer.ts', [JSON.stringify({ rendererDir: build.dir })]);
  let browser: Browser | null = null;
  try {
    const ready = await server.next<SajaroReady>('ready', 60_000);
    context.log(`[editor] generating and storing a ${size.pages}-page act`);
    const act = await server.request<CreatedAct>('createAct', { pages: size.pages, seed: context.seed, title: `Bench act of ${size.pages} pages` }, 180_000);
    out.figure('characters', 'act size', act.characters, 'characters', { note: `${act.articles} articles; ${(act.stateBytes / 2 ** 20).toFixed(2)} MiB of Yjs state` });
    browser = await launchBrowser();
    const url = `${ready.url}/documents/${act.docId}#token=${encodeURIComponent(ready.ownerToken)}`;

    const loads: number[] = [];
    let page: Page | null = null;
    for (let i = 0; i < size.loads; i += 1) {
      context.log(`[editor] cold load ${i + 1} of ${size.loads}`);
      await page?.context().close();
      page = await openPage(browser);
      await page.goto(url);
      const handle = await page.waitForFunction(editableCondition(act.articles), undefined, { polling: 10, timeout: 120_000 });
      loads.push((await handle.jsonValue()) as number);
    }
    if (!page) throw new Error('Expected at least one load');
    out.figure('editable', `navigation to editable (median of ${size.loads} cold loads)`, median(loads), 'ms', { goal: GOALS.editorEditable });
    if (loads.length > 1) out.note(`Cold loads to editable: ${loads.map((l) => `${Math.round(l)} ms`).join(', ')}.`);
    await recordHeap(page, out);

    context.log(`[editor] typing with ${size.remoteMembers} remote members`);
    const samples = await typeWhileOthersType(page, ready, act, size, context.seed);
    report(out, samples.probes, samples.remoteEdits, size);
    const errors = (page as Page & { benchErrors?: string[] }).benchErrors ?? [];
    out.figure('pageErrors', 'errors in the page', errors.length, 'errors');
    if (errors.length) out.note(`Page errors: ${errors.slice(0, 3).join(' | ')}`);
    methods(out, size);
    return out.output();
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

/**
 * A fresh browser context (empty cache and IndexedDB: a cold load) with the probes and a display name. The
 * page's Content-Security-Policy forbids eval, which Playwright's polling of a condition uses, so the
 * context bypasses it; the app's own code runs as it would.
 */
async function openPage(browser: Browser): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  await context.addInitScript({ content: "localStorage.setItem('sajaro.userName', 'Bench');" });
  await context.addInitScript({ content: PROBE_INIT_SCRIPT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  Object.assign(page, { benchErrors: errors });
  return page;
}

/** JS heap in use after load (CDP Performance.getMetrics), and again after a forced garbage collection. */
async function recordHeap(page: Page, out: Recorder): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  };
  out.figure('heap', 'JS heap used after load', (await heap()) / 2 ** 20, 'MiB');
  await cdp.send('HeapProfiler.collectGarbage');
  out.figure('heapAfterGc', 'JS heap used after load and a forced GC', (await heap()) / 2 ** 20, 'MiB');
  await cdp.detach();
}

/**
 * Remote members type while the page's user types at a steady pace at the end of a paragraph near the top.
 * The caret is placed before the others start, and typing stops after `maxTypingMs` even if the page has
 * fallen so far behind that not every key was pressed: every step is bounded in time.
 */
async function typeWhileOthersType(page: Page, ready: SajaroReady, act: CreatedAct, size: Size, seed: number): Promise<{ probes: ProbeSamples; remoteEdits: number }> {
  await page.locator('.sj-editor .sj-clause').nth(4).click({ timeout: 60_000 });
  await page.keyboard.press('End');
  const remote = await startRemoteTypists(`${ready.url.replace(/^http/, 'ws')}/sync`, act.docId, { token: ready.ownerToken }, size.remoteMembers, size.remoteCharsPerSecond, seed);
  let remoteEdits = 0;
  try {
    await sleep(size.warmupMs);
    await withTimeout(page.evaluate(INSTALL_LEXICAL_PROBE), 60_000, 'installing the Lexical probe');
    const prng = createPrng(seed).fork('keystrokes');
    const start = Date.now();
    for (let k = 0; k < size.keystrokes && Date.now() - start < size.maxTypingMs; k += 1) {
      await page.keyboard.press(String.fromCharCode(97 + prng.int(0, 25)));
      await sleep(start + (k + 1) * size.keyIntervalMs - Date.now());
    }
    remoteEdits = remote.stop();
    // Let the page apply what is still queued, then read; a page that cannot catch up is reported as it is.
    await sleep(1_000);
    const probes = (await withTimeout(page.evaluate(READ_PROBES), 120_000, 'reading the probes')) as ProbeSamples;
    return { probes, remoteEdits };
  } finally {
    remote.stop();
  }
}

function report(out: Recorder, probes: ProbeSamples, remoteEdits: number, size: Size): void {
  const keys = summarize(probes.keys);
  const frames = summarize(probes.frames);
  const remote = summarize(probes.remote);
  out.figure('keystrokeP50', 'keystroke to commit p50', keys.p50, 'ms');
  out.figure('keystrokeP95', 'keystroke to commit p95', keys.p95, 'ms', { goal: GOALS.editorKeystrokeP95 });
  out.figure('keystrokeFrameP95', 'keystroke to the next animation frame p95', frames.p95, 'ms');
  out.figure('keystrokes', 'keystrokes measured', keys.count, `of ${size.keystrokes}`);
  out.figure('remoteP50', 'remote edit applied p50', remote.p50, 'ms');
  out.figure('remoteP95', 'remote edit applied p95', remote.p95, 'ms', { goal: GOALS.editorRemoteP95 });
  out.figure('remoteEdits', 'remote edits applied in the page while measured', remote.count, 'edits', { note: `${remoteEdits} sent by the remote members in all, warm-up included` });
  out.figure('framesPerSecond', 'frames rendered per second while typing', probes.framesPerSecond, '/s');
  if (probes.unmatchedKeys || probes.unmatchedRemote) out.note(`Unpaired samples dropped: ${probes.unmatchedKeys} keystrokes, ${probes.unmatchedRemote} remote messages.`);
}

function methods(out: Recorder, size: Size): void {
  out.note(
    `Act: generated from the seed (articles of 3–6 paragraphs, a quarter with 2–4 lettered points, cross-references, tables, an annex), ${size.pages} pages at 3 000 characters a page, seeded with seedActState and stored as a document of a Sajaro server that serves the production renderer; Chromium (headless, the flags of tests/helpers/browser.ts), viewport 1400×1000, a fresh browser context per load.`,
  );
  out.note(
    'Editable: in-page time from navigation start until .sj-editor is contenteditable, the connection badge says synced and every article heading of the act is in the DOM (polled every 10 ms).',
  );
  out.note(
    `Typing: ${size.remoteMembers} Node members (stock WebsocketProvider) each type ${size.remoteCharsPerSecond} characters a second into paragraphs picked from the seed, editing the Lexical layout of the Yjs document directly; after ${size.warmupMs / 1000} s the page's user types ${size.keystrokes} letters, one every ${size.keyIntervalMs} ms (for at most ${size.maxTypingMs / 1000} s), at the end of the fifth paragraph (Playwright key presses). ` +
      'Keystroke to commit: keydown event timestamp → end of Lexical update listeners for the update that changed text (after DOM reconciliation, the numbering plugin, and the Yjs write). Remote edit applied: start of the WebSocket message event carrying a Yjs update → end of Lexical update listeners for the resulting collaboration update.',
  );
}

