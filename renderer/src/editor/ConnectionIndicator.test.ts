import { describe, expect, test } from 'vitest';
import { badgeState } from './ConnectionIndicator';

const facts = { unconfirmed: false, accessEnded: false, refused: false };

describe('the connection badge', () => {
  test('says saved only when the socket is synced and the server confirmed every change made here', () => {
    expect(badgeState('synced', facts)).toBe('synced');
    expect(badgeState('synced', { ...facts, unconfirmed: true })).toBe('saving');
    expect(badgeState('offline', { ...facts, unconfirmed: true })).toBe('offline');
    expect(badgeState('connecting', facts)).toBe('connecting');
  });

  test('never says saved once access ended or the server refused the edits', () => {
    for (const socket of ['synced', 'connecting', 'offline'] as const) {
      expect(badgeState(socket, { ...facts, accessEnded: true, unconfirmed: true })).toBe('unsent');
      expect(badgeState(socket, { ...facts, accessEnded: true })).toBe('closed');
      expect(badgeState(socket, { ...facts, refused: true })).toBe('unsent');
    }
  });
});
