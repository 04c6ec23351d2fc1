import { describe, expect, test } from 'vitest';
import { copiesToDrop, formatBytes, type LocalCopyInfo } from './localCopyPolicy';

const now = new Date('2026-12-02T12:00:00Z');
const copy = (docId: string, openedAt: string | null, queued = 0): LocalCopyInfo => ({ docId, title: docId, openedAt, bytes: 1000, queued });

describe('which local copies may be dropped', () => {
  test('copies not opened for N days, never one holding queued comments or suggestions', () => {
    const copies = [copy('old-act-01', '2026-10-01T12:00:00Z'), copy('fresh-act-1', '2026-12-01T12:00:00Z'), copy('old-queued', '2026-09-01T12:00:00Z', 2), copy('unknown-age', null)];
    expect(copiesToDrop(copies, 30, now).map((c) => c.docId)).toEqual(['old-act-01', 'unknown-age']);
    expect(copiesToDrop(copies, 0, now).map((c) => c.docId)).toEqual(['old-act-01', 'fresh-act-1', 'unknown-age']);
  });

  test('sizes read as people read them', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(340_400)).toBe('340 kB');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
  });
});
