/**
 * Measurement code that runs inside the page. It is kept as JavaScript source text, because functions
 * compiled by tsx carry helpers that do not exist in the browser.
 *
 * - Keystroke to commit: from the keydown event's timestamp (when the browser received the key, so time the
 *   key waited behind other work counts) to the end of Lexical's update listeners for the update that
 *   changed text, which is after the DOM was reconciled, the numbering plugin ran and the change was written
 *   to Yjs and handed to the WebSocket (the probe's listener is registered last). Also to the next animation
 *   frame after it.
 * - Remote edit applied: from the start of the WebSocket message event that carries a Yjs update to the end
 *   of Lexical's update listeners for the 'collaboration' update it caused (Yjs applied, Lexical updated,
 *   DOM reconciled, numbering done).
 */

/** Installed before the app's scripts: wraps WebSocket to time update messages, and watches keydown. */
export const PROBE_INIT_SCRIPT = `(() => {
  const bench = (window.__bench = { keys: [], frames: [], remote: [], unmatchedKeys: 0, unmatchedRemote: 0, pendingKey: null, pendingRemote: null });
  const Native = window.WebSocket;
  class ProbedWebSocket extends Native {
    constructor(...args) {
      super(...args);
      // Registered before y-websocket sets onmessage, so this runs first for every message.
      this.addEventListener('message', (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const bytes = new Uint8Array(event.data);
        // messageSync (0), then messageYjsUpdate (2): a remote edit.
        if (bytes[0] !== 0 || bytes[1] !== 2) return;
        const started = performance.now();
        bench.pendingRemote = started;
        // Lexical commits in a microtask of this task; if no update came of it, do not pair it with a later one.
        setTimeout(() => {
          if (bench.pendingRemote === started) {
            bench.pendingRemote = null;
            bench.unmatchedRemote += 1;
          }
        }, 0);
      });
    }
  }
  window.WebSocket = ProbedWebSocket;
  document.addEventListener('keydown', (event) => {
    if (event.key.length !== 1) return;
    if (bench.pendingKey !== null) bench.unmatchedKeys += 1;
    bench.pendingKey = event.timeStamp;
  }, true);
})();`;

/** Registers the Lexical update listener that closes both measurements; run once the editor is loaded. */
export const INSTALL_LEXICAL_PROBE = `(() => {
  const bench = window.__bench;
  const editor = document.querySelector('.sj-editor').__lexicalEditor;
  if (!editor) throw new Error('Expected the Lexical editor on .sj-editor');
  bench.keys.length = 0; bench.frames.length = 0; bench.remote.length = 0;
  bench.unmatchedKeys = 0; bench.unmatchedRemote = 0; bench.pendingKey = null; bench.pendingRemote = null;
  // Frames the page renders while others type: below 60 a second, its main thread is falling behind.
  bench.frameCount = 0; bench.frameStart = performance.now();
  const countFrame = () => { bench.frameCount += 1; if (!bench.stopped) requestAnimationFrame(countFrame); };
  requestAnimationFrame(countFrame);
  editor.registerUpdateListener(({ tags, dirtyLeaves }) => {
    const now = performance.now();
    if (tags.has('collaboration') || tags.has('historic')) {
      if (bench.pendingRemote !== null) {
        bench.remote.push(now - bench.pendingRemote);
        bench.pendingRemote = null;
      }
      return;
    }
    if (bench.pendingKey === null || dirtyLeaves.size === 0) return;
    const pressed = bench.pendingKey;
    bench.pendingKey = null;
    bench.keys.push(now - pressed);
    requestAnimationFrame(() => bench.frames.push(performance.now() - pressed));
  });
  return true;
})()`;

/** What the probes collected. */
export interface ProbeSamples {
  readonly keys: number[];
  readonly frames: number[];
  readonly remote: number[];
  readonly unmatchedKeys: number;
  readonly unmatchedRemote: number;
  readonly framesPerSecond: number;
}

/** Reads the probes' samples. */
export const READ_PROBES = `(() => {
  const b = window.__bench;
  b.stopped = true;
  const framesPerSecond = b.frameCount / ((performance.now() - b.frameStart) / 1000);
  return { keys: b.keys, frames: b.frames, remote: b.remote, unmatchedKeys: b.unmatchedKeys, unmatchedRemote: b.unmatchedRemote, framesPerSecond };
})()`;

/** True (as the time since navigation, in ms) once the act is editable, synced and its last article rendered. */
export function editableCondition(articles: number): string {
  return `(() => {
    const editor = document.querySelector('.sj-editor');
    const ready = editor && editor.getAttribute('contenteditable') === 'true'
      && document.querySelector('.sj-connection[data-state="synced"]')
      && document.querySelectorAll('.sj-editor .sj-article').length >= ${articles};
    return ready ? performance.now() : false;
  })()`;
}
