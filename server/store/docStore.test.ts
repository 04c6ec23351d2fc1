import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { migrate } from '../db/migrations';
import { createSqliteDocStore } from './docStore';

function storeWithDocument(docId: string) {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare("INSERT INTO documents (id, title, language, created_at, updated_at) VALUES (?, 't', 'ka', '', '')").run(docId);
  return { db, store: createSqliteDocStore(db) };
}

describe('the SQLite DocStore', () => {
  test('a stored document loads back exactly', () => {
    const { store } = storeWithDocument('doc-00000001');
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => store.append('doc-00000001', update));
    doc.getText('t').insert(0, 'მუხლი 1');
    doc.getText('t').insert(7, '. ზოგადი დებულებები');
    const restored = new Y.Doc();
    Y.applyUpdate(restored, store.load('doc-00000001')!);
    expect(restored.getText('t').toString()).toBe('მუხლი 1. ზოგადი დებულებები');
    expect(store.count('doc-00000001')).toBe(2);
  });

  test('compaction merges all rows into one and keeps the content', () => {
    const { store } = storeWithDocument('doc-00000002');
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => store.append('doc-00000002', update));
    for (let i = 0; i < 50; i += 1) doc.getText('t').insert(doc.getText('t').length, `${i},`);
    expect(store.count('doc-00000002')).toBe(50);
    store.compact('doc-00000002');
    expect(store.count('doc-00000002')).toBe(1);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, store.load('doc-00000002')!);
    expect(restored.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  test('compaction keeps deleted text and its ids, so who deleted what stays readable (issue 12)', () => {
    const { store } = storeWithDocument('doc-00000004');
    const doc = new Y.Doc({ gc: false });
    doc.on('update', (update: Uint8Array) => store.append('doc-00000004', update));
    doc.getText('t').insert(0, 'მუხლი 1. ზოგადი დებულებები');
    const base = Y.snapshot(doc);
    doc.getText('t').delete('მუხლი 1. '.length, 'ზოგადი '.length);
    store.compact('doc-00000004');
    expect(store.count('doc-00000004')).toBe(1);
    const restored = new Y.Doc({ gc: false });
    Y.applyUpdate(restored, store.load('doc-00000004')!);
    const deleted: string[] = [];
    for (let item = restored.getText('t')._start; item; item = item.right) {
      if (item.deleted && item.content instanceof Y.ContentString) deleted.push(item.content.str);
    }
    expect(deleted).toEqual(['ზოგადი ']);
    // The text as it stood before the deletion can be read back from the compacted row.
    expect(restored.getText('t').toString()).toBe('მუხლი 1. დებულებები');
    expect(Y.createDocFromSnapshot(restored, base).getText('t').toString()).toBe('მუხლი 1. ზოგადი დებულებები');
  });

  test('an unknown document loads as null, and migrations run once', () => {
    const { db, store } = storeWithDocument('doc-00000003');
    expect(store.load('doc-unknown0')).toBeNull();
    const version = db.pragma('user_version', { simple: true });
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
  });
});
