// Sync compression figures for bench/ANALYSIS.md (issue 14): the size of a 40-page act's initial sync under
// permessage-deflate settings and under application-level compression of the Yjs message, and what each costs
// in server memory per connection. Run: npx tsx bench/sync/syncCompression.ts [connections]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import WebSocket, { WebSocketServer, type PerMessageDeflateOptions } from 'ws';
import { generateAct } from '../lib/act';
import { seedActState } from '../../server/lexical/seed';
import { SYNC_DEFLATE } from '../../server/sync/syncServer';

/** The server-side variants compared: ws's defaults, ours, none, and Brotli on the message itself. */
const VARIANTS: Record<string, PerMessageDeflateOptions | false | 'brotli'> = {
  'permessage-deflate, ws defaults (15 bits, memLevel 8)': { threshold: 1024 },
  [`permessage-deflate, Sajaro (${SYNC_DEFLATE.serverMaxWindowBits} bits, memLevel ${SYNC_DEFLATE.memLevel})`]: {
    threshold: SYNC_DEFLATE.thresholdBytes,
    serverMaxWindowBits: SYNC_DEFLATE.serverMaxWindowBits,
    zlibDeflateOptions: { memLevel: SYNC_DEFLATE.memLevel },
  },
  'none': false,
  'application-level Brotli q4 per message': 'brotli',
};

function actState(): Buffer {
  return Buffer.from(seedActState(generateAct({ pages: 40, seed: 14 }).blocks, 'bench-sync-compression'));
}

/** The child: a bare ws server that sends the act's state to every client, so its RSS is the sync's cost. */
async function child(variant: string): Promise<void> {
  const state = actState();
  const option = VARIANTS[variant]!;
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: option === 'brotli' ? false : option });
  wss.on('connection', (ws) => {
    const message = option === 'brotli' ? zlib.brotliCompressSync(state, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }) : state;
    ws.send(message);
  });
  await new Promise((r) => wss.once('listening', r));
  // Asked, it collects garbage and answers with its RSS: zlib's contexts live outside V8's heap, so only RSS
  // sees them (with what malloc keeps after large sends, which the 'none' and Brotli rows show).
  process.on('message', () => {
    globalThis.gc?.();
    globalThis.gc?.();
    process.send!({ rss: process.memoryUsage().rss });
  });
  process.send!({ port: (wss.address() as { port: number }).port });
}

interface ChildMemory {
  readonly rss: number;
}

function askMemory(proc: ReturnType<typeof spawn>): Promise<ChildMemory> {
  return new Promise((resolve) => {
    proc.once('message', (m) => resolve(m as ChildMemory));
    proc.send('measure');
  });
}

async function measure(variant: string, connections: number): Promise<{ wireBytes: number; rssKiB: number }> {
  const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', variant], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise<{ port: number }>((resolve) => proc.once('message', (m) => resolve(m as { port: number })));
  const before = await askMemory(proc);
  const sockets: WebSocket[] = [];
  let wireBytes = 0;
  for (let i = 0; i < connections; i += 1) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    sockets.push(ws);
    await new Promise<void>((resolve) => ws.once('message', () => resolve()));
    wireBytes = (ws as unknown as { _socket: { bytesRead: number } })._socket.bytesRead;
  }
  const after = await askMemory(proc);
  for (const ws of sockets) ws.terminate();
  proc.kill();
  return { wireBytes, rssKiB: (after.rss - before.rss) / 1024 / connections };
}

async function main(): Promise<void> {
  const connections = Number(process.argv[2] ?? 100);
  const state = actState();
  console.log(`40-page act (seed 14): Yjs state ${state.byteLength} bytes; ${connections} connections per variant\n`);
  console.log('| server side | initial sync on the wire | server RSS per open connection |');
  console.log('|---|---|---|');
  for (const variant of Object.keys(VARIANTS)) {
    const { wireBytes, rssKiB } = await measure(variant, connections);
    console.log(`| ${variant} | ${wireBytes} B (${((100 * wireBytes) / state.byteLength).toFixed(0)} %) | ${rssKiB.toFixed(0)} KiB |`);
  }
  console.log('\n| compressor of the 598 kB message | bytes | ms (one core) |');
  console.log('|---|---|---|');
  const time = (name: string, fn: () => Buffer): void => {
    fn();
    const start = performance.now();
    const out = fn();
    console.log(`| ${name} | ${out.byteLength} | ${(performance.now() - start).toFixed(1)} |`);
  };
  for (const [w, m] of [[15, 8], [13, 6], [11, 6], [9, 6]] as const) time(`deflate ${w} bits, memLevel ${m}, level 6`, () => zlib.deflateRawSync(state, { windowBits: w, memLevel: m }));
  time('deflate 15 bits, level 1', () => zlib.deflateRawSync(state, { level: 1 }));
  for (const q of [4, 11]) time(`Brotli q${q}`, () => zlib.brotliCompressSync(state, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: q } }));
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) void child(process.argv[childAt + 1]!);
else
  main().catch((error: unknown) => {
    console.error('[bench:sync-compression]', error);
    process.exit(1);
  });
