import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { checkUpdate } from './updateCheck';

/** Two clients editing one text; `server` holds only what it was given. */
function scene() {
  const server = new Y.Doc();
  const a = new Y.Doc();
  a.getText('t').insert(0, 'hello');
  Y.applyUpdate(server, Y.encodeStateAsUpdate(a));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { server, a, b };
}

const diff = (doc: Y.Doc, edit: () => void) => {
  const sv = Y.encodeStateVector(doc);
  edit();
  return Y.encodeStateAsUpdate(doc, sv);
};

describe('checkUpdate', () => {
  test('an honest edit is complete; what the server already has is nothing new', () => {
    const { server, b } = scene();
    const insert = diff(b, () => b.getText('t').insert(5, ' world'));
    const deletion = diff(b, () => b.getText('t').delete(0, 2));
    // The writers are whose client ids the update adds text under; a pure deletion adds none.
    expect(checkUpdate(server, insert)).toEqual({ kind: 'complete', writers: [b.clientID] });
    Y.applyUpdate(server, insert);
    expect(checkUpdate(server, deletion)).toEqual({ kind: 'complete', writers: [] });
    Y.applyUpdate(server, deletion);
    // An idle client's sync step 2: no new items, and its whole delete set, all of it known.
    expect(checkUpdate(server, Y.encodeStateAsUpdate(b, Y.encodeStateVector(server)))).toEqual({ kind: 'nothingNew' });
    expect(checkUpdate(server, Y.encodeStateAsUpdate(b))).toEqual({ kind: 'nothingNew' });
    expect(checkUpdate(server, new Uint8Array([0, 0]))).toEqual({ kind: 'nothingNew' });
  });

  test('an insert after an unseen one of the same client is incomplete', () => {
    const { server, b } = scene();
    b.getText('t').insert(0, 'x');
    const second = diff(b, () => b.getText('t').insert(0, 'y'));
    expect(checkUpdate(server, second)).toMatchObject({ kind: 'incomplete', reason: expect.stringMatching(/starts at clock 1, but the document has only up to 0/) });
  });

  test('an insert next to another client’s unseen item is incomplete', () => {
    const { server, a, b } = scene();
    const fromA = diff(a, () => a.getText('t').insert(5, '!'));
    Y.applyUpdate(b, fromA);
    const fromB = diff(b, () => b.getText('t').insert(6, '?'));
    expect(checkUpdate(server, fromB)).toMatchObject({ kind: 'incomplete', reason: expect.stringMatching(/refers to an item/) });
    // With A's edit first, B's is complete.
    Y.applyUpdate(server, fromA);
    expect(checkUpdate(server, fromB)).toEqual({ kind: 'complete', writers: [b.clientID] });
  });

  test('deleting an unseen item is incomplete', () => {
    const { server, a, b } = scene();
    const fromA = diff(a, () => a.getText('t').insert(5, '!!!'));
    Y.applyUpdate(b, fromA);
    const deletion = diff(b, () => b.getText('t').delete(5, 3));
    expect(checkUpdate(server, deletion)).toMatchObject({ kind: 'incomplete', reason: expect.stringMatching(/deletes/) });
  });

  test('a reloaded client resending everyone’s text names only itself as a writer of what is new', () => {
    const { server, a, b } = scene();
    const fromB = diff(b, () => b.getText('t').insert(0, 'B: '));
    Y.applyUpdate(a, fromB);
    a.getText('t').insert(0, 'A: ');
    // A's whole local copy: the seed (A's), B's text the server has, and A's new text.
    Y.applyUpdate(server, fromB);
    expect(checkUpdate(server, Y.encodeStateAsUpdate(a))).toEqual({ kind: 'complete', writers: [a.clientID] });
  });

  test('garbage throws, as Y.decodeUpdate does', () => {
    const { server } = scene();
    expect(() => checkUpdate(server, new Uint8Array([5, 200, 1]))).toThrow();
  });
});
