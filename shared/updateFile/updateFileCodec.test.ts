import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { hmacSha256, sha256Text } from './hmacSha256';
import { decodeUpdateFile, encodeUpdateFile, UPDATE_FILE_LIMITS, updateFileKey, verifyUpdateFile, type UpdateFileContent } from './updateFileCodec';

const token = 'tok-of-a-member-0123456789abcdef';
const key = updateFileKey(sha256Text(token));

function content(): UpdateFileContent {
  const doc = new Y.Doc();
  const base = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, 'მუხლი 1');
  return {
    kind: 'member-changes',
    memberId: 'm-abc123',
    createdAt: '2026-12-02T15:00:00.000Z',
    appVersion: '0.1.0',
    acts: [
      {
        docId: 'doc-00000001',
        baseStateVector: base,
        updates: [Y.encodeStateAsUpdate(doc, base)],
        comments: [{ kind: 'reply', body: { id: 're-offline-1', threadId: 'th-1', text: 'შენიშვნა' } }],
        suggestions: [],
      },
    ],
  };
}

const error = (bytes: Uint8Array): string => {
  const decoded = decodeUpdateFile(bytes);
  if (decoded.ok) throw new Error('expected the file to be refused');
  return decoded.error;
};

describe('the .sajaro update file', () => {
  test('the key is the stored token hash, and the HMAC is the standard one', () => {
    expect(Buffer.from(sha256Text(token)).toString('hex')).toBe(createHash('sha256').update(token, 'utf8').digest('hex'));
    const message = new TextEncoder().encode('x'.repeat(200));
    const longKey = new Uint8Array(100).fill(7);
    for (const k of [key, longKey]) expect(Buffer.from(hmacSha256(k, message)).toString('hex')).toBe(createHmac('sha256', k).update(message).digest('hex'));
  });

  test('a file round-trips: text, comments and the signature', () => {
    const bytes = encodeUpdateFile(content(), key);
    const decoded = decodeUpdateFile(bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.memberId).toBe('m-abc123');
    const [act] = decoded.value.acts;
    const doc = new Y.Doc();
    for (const update of act!.updates) Y.applyUpdate(doc, update);
    expect(doc.getText('t').toString()).toBe('მუხლი 1');
    expect(act!.comments).toEqual([{ kind: 'reply', body: { id: 're-offline-1', threadId: 'th-1', text: 'შენიშვნა' } }]);
    expect(verifyUpdateFile(decoded.value, key)).toBe(true);
    expect(verifyUpdateFile(decoded.value, sha256Text('another token'))).toBe(false);
  });

  test('a tampered byte fails the signature, wherever it is', () => {
    const bytes = encodeUpdateFile(content(), key);
    for (const at of [20, bytes.length - 40, bytes.length - 1]) {
      const copy = bytes.slice();
      copy[at] = copy[at]! ^ 1;
      const decoded = decodeUpdateFile(copy);
      // A flipped bit either breaks the structure (named) or only the signature.
      if (decoded.ok) expect(verifyUpdateFile(decoded.value, key)).toBe(false);
      else expect(decoded.error).toMatch(/manifest|update|truncated|unexpected/);
    }
  });

  test('a truncated file is named as truncated, at every cut', () => {
    const bytes = encodeUpdateFile(content(), key);
    for (const cut of [12, 30, bytes.length - 33, bytes.length - 1]) {
      const decoded = decodeUpdateFile(bytes.subarray(0, cut));
      if (decoded.ok) expect(verifyUpdateFile(decoded.value, key)).toBe(false);
      else expect(decoded.error).toMatch(/truncated|manifest/);
    }
    expect(error(bytes.subarray(0, 5))).toMatch(/too short/);
    expect(error(bytes.subarray(0, bytes.length - 1))).toMatch(/truncated/);
  });

  test('wrong magic and a future format are named', () => {
    const bytes = encodeUpdateFile(content(), key);
    const zip = bytes.slice();
    zip.set([0x50, 0x4b, 0x03, 0x04], 0);
    expect(error(zip)).toMatch(/not a Sajaro update file/);
    const later = bytes.slice();
    new DataView(later.buffer).setUint16(8, 7);
    expect(error(later)).toMatch(/later Sajaro \(format 7\)/);
  });

  test('oversized fields and a manifest that lies are refused before anything is read', () => {
    const bytes = encodeUpdateFile(content(), key);
    const huge = bytes.slice();
    new DataView(huge.buffer).setUint32(10, UPDATE_FILE_LIMITS.manifestBytes + 1);
    expect(error(huge)).toMatch(/manifest is \d+ bytes, more than/);
    const long = bytes.slice();
    new DataView(long.buffer).setUint32(10, 1_000_000);
    expect(error(long)).toMatch(/truncated \(the manifest needs 1000000 bytes/);
    expect(error(new Uint8Array(UPDATE_FILE_LIMITS.fileBytes + 1))).toMatch(/more than/);

    const lying = { ...content(), acts: [{ ...content().acts[0]!, updates: [] }] };
    const withExtra = encodeUpdateFile(lying, key);
    // Claim one update in the blob count while the manifest lists none.
    const manifestLength = new DataView(withExtra.buffer).getUint32(10);
    new DataView(withExtra.buffer).setUint32(14 + manifestLength, 1);
    expect(error(withExtra)).toMatch(/holds 1 updates but its manifest lists 0/);
  });

  test('a manifest that breaks its schema is named by field', () => {
    const bad = { ...content(), acts: [{ ...content().acts[0]!, docId: 'Not An Id' }] };
    expect(error(encodeUpdateFile(bad, key))).toMatch(/acts\.0\.docId/);
    const noId = { ...content(), acts: [{ ...content().acts[0]!, comments: [{ kind: 'reply', body: { threadId: 'th-1', text: 'x' } }] as never }] };
    expect(error(encodeUpdateFile(noId, key))).toMatch(/acts\.0\.comments/);
  });
});
