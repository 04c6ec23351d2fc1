import { afterEach, describe, expect, test, vi } from 'vitest';
import { refreshAfterPause } from './refreshAfterPause';

afterEach(() => vi.useRealTimers());

describe('refreshAfterPause', () => {
  test('a burst of changes refreshes each act once, after the pause', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const later = refreshAfterPause({ afterMs: 250, refresh: (docId) => ran.push(docId), failed: () => {} });
    later.schedule('act-a');
    vi.advanceTimersByTime(200);
    later.schedule('act-a');
    later.schedule('act-b');
    vi.advanceTimersByTime(200);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(ran).toEqual(['act-a', 'act-b']);
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(['act-a', 'act-b']);
  });

  test('after close nothing runs, neither what was waiting nor what is scheduled later', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const later = refreshAfterPause({ afterMs: 250, refresh: (docId) => ran.push(docId), failed: () => {} });
    later.schedule('act-a');
    later.close();
    later.schedule('act-b');
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a refresh that throws is reported with its act, and the next one still runs', () => {
    vi.useFakeTimers();
    const failures: string[] = [];
    let calls = 0;
    const later = refreshAfterPause({
      afterMs: 10,
      refresh: () => {
        calls += 1;
        if (calls === 1) throw new Error('placement broke');
      },
      failed: (docId, error) => failures.push(`${docId}: ${error.message}`),
    });
    later.schedule('act-a');
    vi.advanceTimersByTime(10);
    later.schedule('act-a');
    vi.advanceTimersByTime(10);
    expect(failures).toEqual(['act-a: placement broke']);
    expect(calls).toBe(2);
  });
});
