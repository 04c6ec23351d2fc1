import { expect, test } from 'vitest';
import { canonicalJson } from './canonicalJson';

test('keys are sorted at every depth and there is no whitespace', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'ა' } })).toBe(
    '{"a":{"c":"ა","d":[3,{"y":2,"z":1}]},"b":1}',
  );
});

test('the same value in another key order gives the same text', () => {
  expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
});

test('values read as JSON.stringify reads them', () => {
  expect(canonicalJson({ a: undefined, b: new Date('2026-03-10T08:00:00Z'), c: [undefined, Infinity] })).toBe(
    '{"b":"2026-03-10T08:00:00.000Z","c":[null,null]}',
  );
  expect(canonicalJson(undefined)).toBe('null');
  expect(canonicalJson('„ბ.ა"')).toBe('"„ბ.ა\\""');
});
