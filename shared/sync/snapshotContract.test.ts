import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { isRangeRefusal, parseByteRange, parseStateVectorParam, stateVectorParam } from './snapshotContract';

describe('the snapshot contract', () => {
  test('a state vector survives the parameter round trip, and garbage does not parse', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'მუხლი 1');
    const parsed = parseStateVectorParam(stateVectorParam(doc));
    expect(parsed.ok && Y.decodeStateVector(parsed.value)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
    for (const bad of ['@@', 'AA==', 'BQ', 'AAEC', ['AA', 'AA'], 42]) expect(parseStateVectorParam(bad).ok, JSON.stringify(bad)).toBe(false);
    expect(parseStateVectorParam(undefined).ok).toBe(true);
  });

  test('one byte range parses against the size; lists, reversed and negative ranges are refused', () => {
    expect(parseByteRange(undefined, 10)).toBeNull();
    expect(parseByteRange('bytes=0-3', 10)).toEqual({ start: 0, end: 3 });
    expect(parseByteRange('bytes=8-', 10)).toEqual({ start: 8, end: 9 });
    expect(parseByteRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(parseByteRange('bytes=-4', 10)).toEqual({ start: 6, end: 9 });
    const refused = (header: string) => {
      const result = parseByteRange(header, 10);
      return isRangeRefusal(result) ? result.status : null;
    };
    expect(refused('bytes=0-1,2-3')).toBe(400);
    expect(refused('bytes=-3--1')).toBe(400);
    expect(refused('bytes=4-2')).toBe(400);
    expect(refused('items=0-1')).toBe(400);
    expect(refused('bytes=10-')).toBe(416);
    expect(refused('bytes=-0')).toBe(416);
  });
});
