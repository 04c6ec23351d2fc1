import type { Parsed } from './parsed';

/** A DocId is the room name on the sync endpoint, so it is URL-safe and never changes. */
export type DocId = string & { readonly __brand: 'DocId' };

const DOC_ID = /^[a-z0-9][a-z0-9-]{7,63}$/;

/** Parses a document id from a URL or request. */
export function parseDocId(raw: string): Parsed<DocId> {
  return DOC_ID.test(raw)
    ? { ok: true, value: raw as DocId }
    : {
        ok: false,
        error: `Invalid document id '${raw.slice(0, 80)}': expected 8-64 characters of a-z, 0-9, '-'`,
      };
}

/** Makes a fresh random id of the given length from a-z0-9, using Web Crypto (present in Node and browsers). */
export function randomId(length = 16): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}
