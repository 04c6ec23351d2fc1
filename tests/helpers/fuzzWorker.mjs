// The fuzzer's sockets, in a worker thread so that the server under test keeps the main thread's core to
// itself (tests/integration/fuzz.test.ts). Plain JavaScript: a worker does not go through vitest's transform.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

const { url, lanes, corpora, probes, goal, timeCapMs, seed, maxMessageBytes, window } = workerData;

/** mulberry32: deterministic, so a failing run can be replayed from its seed. */
function prng(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const int = (n) => Math.floor(random() * n);

/** True when a message decodes as a sync update (step 2 or update) carrying any change at all. */
function isDocumentChange(message) {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0) return false;
    const kind = decoding.readVarUint(decoder);
    if (kind !== 1 && kind !== 2) return false;
    const { structs, ds } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
    return structs.length > 0 || ds.clients.size > 0;
  } catch {
    return false;
  }
}

/**
 * True when the protocol obliges the server to answer a message with a sync step 2: a complete sync step 1
 * whose state vector decodes. The lane then expects two answers (this one and its probe's).
 */
function expectsStep2(message) {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 0) return false;
    const stateVector = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) return false;
    Y.decodeStateVector(stateVector);
    return true;
  } catch {
    return false;
  }
}

function frame(type, body) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  body(encoder);
  return encoding.toUint8Array(encoder);
}

/** One fuzz message derived from the corpus: random bytes, a truncated real message, or bit flips in one. */
function mutate(corpus, flippable) {
  const roll = random();
  if (roll < 0.0005) return { kind: 'oversized', bytes: new Uint8Array(maxMessageBytes + 1 + int(1024)).map(() => int(256)) };
  if (roll < 0.1) {
    const body = new Uint8Array(int(random() < 0.9 ? 48 : 4096)).map(() => int(256));
    if (random() < 0.4) return { kind: 'random', bytes: body };
    // The others carry a plausible header with a correct length, so they reach the payload decoders.
    return {
      kind: 'random',
      bytes: frame(int(5), (e) => {
        if (random() < 0.7) {
          encoding.writeVarUint(e, int(4));
          encoding.writeVarUint8Array(e, body);
        } else encoding.writeUint8Array(e, body);
      }),
    };
  }
  if (roll < 0.2) {
    const source = corpus[int(corpus.length)];
    return { kind: 'truncated', bytes: source.slice(0, int(source.length)) };
  }
  // Flipping a bit of a message of one to three bytes only tests the type dispatch, as random bytes do.
  const source = flippable[int(flippable.length)];
  const bytes = source.slice();
  // Mostly one flip (the hardest to notice), sometimes a burst.
  const flips = random() < 0.7 ? 1 : 2 + int(random() < 0.7 ? 1 : 7);
  for (let i = 0; i < flips && bytes.length > 0; i += 1) {
    // Mostly deep in the payload, where a flip survives the framing and reaches Yjs, the state vector
    // and the awareness decoders; now and then in the header.
    const at = random() < 0.1 ? int(Math.min(bytes.length, 4)) : int(bytes.length);
    bytes[at] ^= 1 << int(8);
  }
  return { kind: 'bitflip', bytes };
}

const tally = { processed: 0, closedByServer: 0, byKind: {}, closeCodes: {}, connections: 0, unexpectedAnswers: 0 };
const count = (kind) => (tally.byKind[kind] = (tally.byKind[kind] ?? 0) + 1);
const deadline = Date.now() + timeCapMs;
const budgetLeft = () => tally.processed < goal && Date.now() < deadline;

/**
 * One lane: connect, send a window of (fuzz message, probe) pairs, count what the server answered, and
 * reconnect when it closes. A probe is a sync step 1; its answer, a sync step 2, proves that the server read
 * the message before it and kept the connection. The message after the last answered one, when the server
 * closes with 1003 or 1009, is the one it rejected; messages after that were never read and do not count.
 */
async function runLane(lane) {
  const probe = probes[lane.docId];
  const corpus = corpora[lane.corpus];
  const flippable = corpus.filter((m) => m.length > 3);
  while (budgetLeft()) {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/sync/${lane.docId}?token=${lane.token}`, { perMessageDeflate: false });
    tally.connections += 1;
    const opened = await new Promise((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('error', () => resolve(false));
      ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    });
    if (opened !== true) throw new Error(`Lane ${lane.role}@${lane.docId} could not connect: ${opened}`);
    let answered = 0;
    let closedCode = 0;
    let onProgress = () => undefined;
    ws.on('message', (data) => {
      if (data[0] === 0 && data[1] === 1) {
        answered += 1;
        onProgress();
      }
    });
    ws.once('close', (code) => {
      closedCode = code;
      onProgress();
    });
    // The window grows while the server keeps the connection, and starts small again on a new one.
    let size = 1;
    while (closedCode === 0 && budgetLeft()) {
      const sent = [];
      let expected = 0;
      for (let i = 0; i < size; i += 1) {
        let message = mutate(corpus, flippable);
        // Rare: a flip that turns some other message into a document change.
        while (!lane.mayChange && isDocumentChange(message.bytes)) message = mutate(corpus, flippable);
        const answers = expectsStep2(message.bytes) ? 2 : 1;
        sent.push({ kind: message.kind, answers });
        expected += answers;
        ws.send(message.bytes);
        ws.send(probe);
      }
      const before = answered;
      await new Promise((resolve) => {
        onProgress = () => {
          if (answered - before >= expected || closedCode !== 0) resolve();
        };
        onProgress();
      });
      // Walk the answers in order: each message is read once its answers have come.
      let left = answered - before;
      let read = 0;
      while (read < sent.length && left >= sent[read].answers) {
        left -= sent[read].answers;
        count(sent[read].kind);
        read += 1;
      }
      tally.processed += read;
      if (closedCode === 0 && read < sent.length) throw new Error(`Expected ${expected} answers, got ${answered - before}`);
      if (closedCode === 0 && answered - before > expected) tally.unexpectedAnswers += answered - before - expected;
      if (closedCode !== 0) {
        tally.closeCodes[closedCode] = (tally.closeCodes[closedCode] ?? 0) + 1;
        // The first message without all its answers is the one the server rejected, and so read.
        if ((closedCode === 1003 || closedCode === 1009) && read < sent.length) {
          tally.processed += 1;
          tally.closedByServer += 1;
          count(sent[read].kind);
        }
      }
      size = Math.min(size * 2, window);
    }
    if (closedCode === 0) {
      ws.close();
      await new Promise((resolve) => ws.once('close', resolve));
    }
  }
}

const started = Date.now();
const elu = performance.eventLoopUtilization();
Promise.all(lanes.map(runLane)).then(
  () => parentPort.postMessage({ ok: true, tally: { ...tally, seconds: (Date.now() - started) / 1000, busy: performance.eventLoopUtilization(elu).utilization } }),
  (error) => parentPort.postMessage({ ok: false, error: String(error?.stack ?? error), tally }),
);
