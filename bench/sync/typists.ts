import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { watchEventLoop } from '../lib/loopDelay';
import { createPrng } from '../lib/prng';
import { allowProviders, connectDoc, type Connected } from '../lib/yProvider';
import { waitFor } from '../lib/wait';

/** Who types where: the documents of one group of clients and how fast each client types. */
export interface TypistPlan {
  /** The provider's server URL without the room: ws://host/sync (Sajaro) or ws://host (baseline). */
  readonly serverUrl: string;
  readonly docIds: readonly string[];
  readonly clientsPerDoc: number;
  readonly params: Readonly<Record<string, string>>;
  readonly seed: number;
}

/** When to type, as wall-clock times (Date.now) shared by every client process of a run. */
export interface TypingWindow {
  readonly startAt: number;
  /** Edits made from here until `measureUntil` are measured; earlier ones warm up the servers and clients. */
  readonly measureFrom: number;
  readonly measureUntil: number;
  readonly charsPerSecond: number;
  /** How long to wait after the window for the last measured edits to reach every client. */
  readonly graceMs: number;
}

/** What one group of clients measured. */
export interface TypingResult {
  /** Per measured edit: from the edit made to the last other client of its document having it, in ms. */
  readonly fanoutMs: number[];
  readonly editsMeasured: number;
  readonly editsTotal: number;
  /** Measured edits that some client of the document had not received when the grace time ended. */
  readonly incomplete: number;
  /** CPU seconds this client process used during the measured window. */
  readonly clientCpuSeconds: number;
  /** The 99th percentile of this process's event-loop delay during the window, in ms. */
  readonly eventLoopDelayP99Ms: number;
  readonly disconnects: number;
}

/** Connected clients, ready to type. */
export interface TypistSession {
  readonly clients: number;
  type(window: TypingWindow): Promise<TypingResult>;
  close(): void;
}

interface Client extends Connected {
  readonly text: Y.Text;
  readonly provider: WebsocketProvider;
}

interface SentEdit {
  readonly sentAt: number;
  readonly measured: boolean;
  remaining: number;
}

const LETTERS = 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ ';

/**
 * Connects `clientsPerDoc` plain Y.Doc clients to each document over the stock WebsocketProvider
 * (disableBc, ws polyfill) and waits until all have synced. Each client edits the Y.Text 'bench', so the
 * load is the same on any server; every keystroke is one real Yjs update.
 */
export async function connectTypists(plan: TypistPlan): Promise<TypistSession> {
  const clients: Client[] = [];
  let disconnects = 0;
  allowProviders(plan.docIds.length * plan.clientsPerDoc);
  for (const docId of plan.docIds) {
    for (let c = 0; c < plan.clientsPerDoc; c += 1) {
      const connected = connectDoc(plan.serverUrl, docId, plan.params);
      connected.provider.on('connection-close', () => {
        disconnects += 1;
      });
      clients.push({ ...connected, text: connected.doc.getText('bench') });
    }
  }
  const close = (): void => {
    for (const client of clients) client.destroy();
  };
  try {
    await waitFor(() => clients.every((c) => c.provider.synced), `${clients.length} clients to sync`, 60_000, 50);
  } catch (error) {
    close();
    throw error;
  }
  return { clients: clients.length, type: (window) => typeAll(clients, plan, window, () => disconnects), close };
}

async function typeAll(clients: readonly Client[], plan: TypistPlan, window: TypingWindow, disconnects: () => number): Promise<TypingResult> {
  const sent = new Map<string, SentEdit>();
  const fanoutMs: number[] = [];
  let editsMeasured = 0;
  let editsTotal = 0;
  const disconnectsBefore = disconnects();

  // An edit is identified by the Yjs id (client:clock) of the character it inserted; a receiver learns which
  // ids a remote transaction brought from its state vectors before and after (YTextEvent.changes.added is
  // always empty for text).
  const observers = clients.map((client) => {
    const observer = (transaction: Y.Transaction): void => {
      if (transaction.local) return;
      const now = performance.now();
      for (const [id, after] of transaction.afterState) {
        for (let clock = transaction.beforeState.get(id) ?? 0; clock < after; clock += 1) {
          const key = `${id}:${clock}`;
          const edit = sent.get(key);
          if (!edit) continue;
          edit.remaining -= 1;
          if (edit.remaining > 0) continue;
          sent.delete(key);
          if (edit.measured) fanoutMs.push(now - edit.sentAt);
        }
      }
    };
    client.doc.on('afterTransaction', observer);
    return () => client.doc.off('afterTransaction', observer);
  });

  const intervalMs = 1000 / window.charsPerSecond;
  const typists = clients.map((client, index) => {
    const prng = createPrng(plan.seed).fork(`typist-${index}`);
    const firstAt = window.startAt + prng.next() * intervalMs;
    let cursor: Y.RelativePosition | null = null;
    return new Promise<void>((done) => {
      let k = 0;
      const keystroke = (): void => {
        const wallNow = Date.now();
        if (wallNow >= window.measureUntil) return done();
        const { text, doc } = client;
        // Type where the cursor is, and now and then click somewhere else, as a person does.
        let index = cursor ? (Y.createAbsolutePositionFromRelativePosition(cursor, doc)?.index ?? 0) : 0;
        if (!cursor || prng.chance(0.03)) index = prng.int(0, text.length);
        const key = `${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`;
        const measured = wallNow >= window.measureFrom;
        sent.set(key, { sentAt: performance.now(), measured, remaining: plan.clientsPerDoc - 1 });
        text.insert(index, LETTERS[prng.int(0, LETTERS.length - 1)] as string);
        cursor = Y.createRelativePositionFromTypeIndex(text, index + 1);
        editsTotal += 1;
        if (measured) editsMeasured += 1;
        k += 1;
        setTimeout(keystroke, Math.max(0, firstAt + k * intervalMs - Date.now()));
      };
      setTimeout(keystroke, Math.max(0, firstAt - Date.now()));
    });
  });

  const loop = watchEventLoop();
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  const startMeter = setTimeout(
    () => {
      cpuAtStart = process.cpuUsage();
      loop.reset();
    },
    Math.max(0, window.measureFrom - Date.now()),
  );
  await Promise.all(typists);
  const cpu = process.cpuUsage(cpuAtStart);
  const loopDelay = loop.read();
  loop.stop();
  clearTimeout(startMeter);

  const stillMeasured = (): number => [...sent.values()].filter((e) => e.measured).length;
  await waitFor(() => stillMeasured() === 0, 'the last edits to reach every client', window.graceMs).catch(() => undefined);
  for (const stop of observers) stop();
  return {
    fanoutMs,
    editsMeasured,
    editsTotal,
    incomplete: stillMeasured(),
    clientCpuSeconds: cpuAtStart ? (cpu.user + cpu.system) / 1e6 : 0,
    eventLoopDelayP99Ms: loopDelay.p99Ms,
    disconnects: disconnects() - disconnectsBefore,
  };
}
