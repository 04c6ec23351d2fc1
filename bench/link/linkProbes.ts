/**
 * Measurement code that runs inside the page, as JavaScript source text (see bench/editor/pageProbes.ts for
 * why not functions).
 */

/**
 * True (as the time since navigation, in ms) once the act can be edited with its text shown: the editor is
 * contenteditable and every article heading of the act is in the DOM. Unlike the editor part's condition it
 * does not wait for the server: a warm open shows the local copy before the connection has synced.
 */
export function shownCondition(articles: number): string {
  return `(() => {
    const editor = document.querySelector('.sj-editor');
    const ready = editor && editor.getAttribute('contenteditable') === 'true'
      && document.querySelectorAll('.sj-editor .sj-article').length >= ${articles};
    return ready ? performance.now() : false;
  })()`;
}

/** True (as the time since navigation, in ms) once the connection badge says synced. */
export const SYNCED_CONDITION = `(() => document.querySelector('.sj-connection[data-state="synced"]') ? performance.now() : false)()`;

/**
 * Watches the editor's DOM for marked remote edits (`⁅id⁆`, bench/editor/remoteTypists.ts) and keeps the
 * wall-clock time (Date.now(), the clock the members use too) at which each first appeared. A
 * MutationObserver's callback runs right after the DOM changed, before the next paint.
 */
export const INSTALL_MARK_PROBE = `(() => {
  const seen = (window.__benchMarks = {});
  const editor = document.querySelector('.sj-editor');
  if (!editor) throw new Error('Expected .sj-editor in the page');
  const scan = (text, now) => {
    if (!text || text.indexOf('⁅') < 0) return;
    for (const m of text.matchAll(/⁅(\\d+)⁆/g)) if (!(m[1] in seen)) seen[m[1]] = now;
  };
  new MutationObserver((mutations) => {
    const now = Date.now();
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') scan(mutation.target.data, now);
      else for (const node of mutation.addedNodes) scan(node.textContent, now);
    }
  }).observe(editor, { subtree: true, childList: true, characterData: true });
  return true;
})()`;

/** The marks seen so far: id → Date.now() when it appeared. */
export const READ_MARKS = `(() => window.__benchMarks || {})()`;
