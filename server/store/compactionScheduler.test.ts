import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate } from '../db/migrations';
import { createCompactionScheduler } from './compactionScheduler';
import { createSqliteDocStore } from './docStore';

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('compaction scheduling', () => {
  test('merges after the threshold, on a later turn, not inside the append', async () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO documents (id, title, language, created_at, updated_at) VALUES ('doc-00000001', 't', 'ka', '', '')").run();
    const store = createSqliteDocStore(db);
    const scheduler = createCompactionScheduler(store, 5, () => {});
    for (let i = 0; i < 6; i += 1) {
      store.append('doc-00000001', new Uint8Array([0, 0]));
      scheduler.appended('doc-00000001');
    }
    // The sixth row crossed the threshold: still six rows until the event loop turns.
    expect(store.count('doc-00000001')).toBe(6);
    await nextTurn();
    expect(store.count('doc-00000001')).toBe(1);
    // Counting starts again from the merged row.
    for (let i = 0; i < 4; i += 1) {
      store.append('doc-00000001', new Uint8Array([0, 0]));
      scheduler.appended('doc-00000001');
    }
    await nextTurn();
    expect(store.count('doc-00000001')).toBe(5);
    scheduler.compactNow('doc-00000001');
    expect(store.count('doc-00000001')).toBe(1);
    scheduler.close();
  });
});
