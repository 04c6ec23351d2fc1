import { describe, expect, test } from 'vitest';
import { SnapshotCache } from './snapshotCache';

describe('SnapshotCache', () => {
  test('the same bytes get the same id, and an id is served only for its act and audience', () => {
    const cache = new SnapshotCache({ ttlMs: 1000, maxBytes: 100 });
    const first = cache.put('doc-aaaaaaaa', true, new Uint8Array([1, 2, 3]));
    expect(cache.put('doc-aaaaaaaa', true, new Uint8Array([1, 2, 3])).id).toBe(first.id);
    expect(cache.put('doc-aaaaaaaa', false, new Uint8Array([1, 2, 3])).id).not.toBe(first.id);
    expect(cache.get(first.id, 'doc-aaaaaaaa', true)?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(cache.get(first.id, 'doc-bbbbbbbb', true)).toBeNull();
    expect(cache.get(first.id, 'doc-aaaaaaaa', false)).toBeNull();
  });

  test('snapshots leave after their time unused, and the least recently used leave beyond the byte budget', () => {
    let now = 0;
    const cache = new SnapshotCache({ ttlMs: 1000, maxBytes: 10 }, () => now);
    const a = cache.put('doc-aaaaaaaa', true, new Uint8Array(4).fill(1));
    const b = cache.put('doc-aaaaaaaa', true, new Uint8Array(4).fill(2));
    now = 500;
    expect(cache.get(a.id, 'doc-aaaaaaaa', true)).not.toBeNull();
    // Over 10 bytes: b, used least recently, goes.
    const c = cache.put('doc-aaaaaaaa', true, new Uint8Array(4).fill(3));
    expect(cache.get(b.id, 'doc-aaaaaaaa', true)).toBeNull();
    expect(cache.heldBytes).toBe(8);
    now = 1200;
    expect(cache.get(c.id, 'doc-aaaaaaaa', true)).not.toBeNull();
    // a was last used at 500, c at 1200: only a is past its time.
    now = 1600;
    expect(cache.get(c.id, 'doc-aaaaaaaa', true)).not.toBeNull();
    expect(cache.get(a.id, 'doc-aaaaaaaa', true)).toBeNull();
    expect(cache.heldBytes).toBe(4);
    // Larger than the whole budget: served, never kept.
    const big = cache.put('doc-aaaaaaaa', true, new Uint8Array(11));
    expect(cache.get(big.id, 'doc-aaaaaaaa', true)).toBeNull();
  });
});
