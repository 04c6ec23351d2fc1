import { describe, expect, test } from 'vitest';
import { createMemberStreams, endEventStream } from './memberStreams';

describe('member streams', () => {
  test("ending a member's streams ends all of theirs, once, and no one else's", () => {
    const streams = createMemberStreams(() => undefined);
    const ended: string[] = [];
    streams.add('m-nino', (reason) => ended.push(`nino-1 ${reason}`));
    streams.add('m-nino', (reason) => ended.push(`nino-2 ${reason}`));
    streams.add('m-giorgi', (reason) => ended.push(`giorgi ${reason}`));
    expect(streams.count()).toBe(3);
    expect(streams.endMember('m-nino', 'revoked')).toBe(2);
    expect(ended).toEqual(['nino-1 revoked', 'nino-2 revoked']);
    expect(streams.endMember('m-nino', 'revoked')).toBe(0);
    expect(streams.count('m-nino')).toBe(0);
    expect(streams.count('m-giorgi')).toBe(1);
  });

  test('a stream that closed on its own is no longer ended; a stream whose end throws does not keep the others open', () => {
    const logs: string[] = [];
    const streams = createMemberStreams((line) => logs.push(line));
    const ended: string[] = [];
    const unregister = streams.add('m-nino', () => ended.push('closed already'));
    unregister();
    streams.add('m-nino', () => {
      throw new Error('socket gone');
    });
    streams.add('m-nino', (reason) => ended.push(reason));
    expect(streams.endMember('m-nino', 'role_changed')).toBe(1);
    expect(ended).toEqual(['role_changed']);
    expect(logs).toEqual(['[streams] could not end a stream of m-nino (role_changed): socket gone']);
    // Unregistering after the registry ended it is harmless, and does not drop a newer stream.
    streams.add('m-nino', (reason) => ended.push(`newer ${reason}`));
    unregister();
    streams.endAll();
    expect(ended).toEqual(['role_changed', 'newer shutdown']);
  });

  test('an event stream ends with a last event that names the reason, and only once', () => {
    const chunks: string[] = [];
    const response = {
      writableEnded: false,
      destroyed: false,
      end(chunk?: string) {
        chunks.push(chunk ?? '');
        this.writableEnded = true;
      },
    };
    endEventStream(response, 'revoked');
    endEventStream(response, 'shutdown');
    expect(chunks).toEqual(['event: closed\ndata: {"reason":"revoked"}\n\n']);
    const gone = { ...response, writableEnded: false, destroyed: true };
    endEventStream(gone, 'revoked');
    expect(chunks).toHaveLength(1);
  });
});
