import * as buffer from 'lib0/buffer';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { fail, ok, type Parsed } from '../parsed';

/**
 * The act's snapshot route (issue 14, resumable initial sync): `GET /api/documents/:id/snapshot?sv=<state
 * vector>` answers the Yjs update from that state vector to the current state, in byte ranges, so a client on
 * a link that drops every few seconds keeps what it received and asks only for the rest.
 */
export const SNAPSHOT_DEFAULTS = {
  /** One Range request's size: small enough to arrive between two drops of a bad line (256 kbit/s ≈ 2 s). */
  chunkBytes: 64 * 1024,
  /**
   * The longest `sv` parameter accepted, well inside Node's 16 KiB of request head: about 700 client ids. A
   * client whose vector is longer (an act edited in very many sessions) asks from nothing instead; applying
   * what it already has again is harmless.
   */
  maxStateVectorChars: 8 * 1024,
} as const;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The `sv` query parameter for a Y.Doc's state vector (base64url, no padding). */
export function stateVectorParam(doc: Y.Doc): string {
  return buffer.toBase64UrlEncoded(Y.encodeStateVector(doc));
}

/**
 * Parses the `sv` parameter into state-vector bytes that Yjs reads as they were meant: base64url of a
 * varuint count and that many (client, clock) varuint pairs, nothing after them. Absent means "from nothing".
 * Yjs itself reads a garbled vector without complaint and answers a wrong diff, so it is checked whole here.
 */
export function parseStateVectorParam(raw: unknown): Parsed<Uint8Array> {
  if (raw === undefined || raw === '') return ok(Y.encodeStateVector(new Y.Doc()));
  if (typeof raw !== 'string') return fail(`Invalid state vector: expected one 'sv' parameter, got ${Array.isArray(raw) ? raw.length : typeof raw}`);
  if (raw.length > SNAPSHOT_DEFAULTS.maxStateVectorChars) return fail(`Invalid state vector: ${raw.length} characters, expected at most ${SNAPSHOT_DEFAULTS.maxStateVectorChars}`);
  if (!BASE64URL.test(raw) || raw.length % 4 === 1) return fail(`Invalid state vector '${raw.slice(0, 40)}': expected base64url (A-Z, a-z, 0-9, '-', '_') without padding`);
  const bytes = buffer.fromBase64UrlEncoded(raw);
  try {
    const decoder = decoding.createDecoder(bytes);
    const count = decoding.readVarUint(decoder);
    // Each entry takes at least two bytes, so a count beyond that is a lie the loop need not believe.
    if (count > bytes.length / 2) return fail(`Invalid state vector: it claims ${count} clients in ${bytes.length} bytes`);
    for (let i = 0; i < count; i += 1) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock)) return fail('Invalid state vector: a client id or clock is out of range');
    }
    if (decoding.hasContent(decoder)) return fail(`Invalid state vector: ${bytes.length - decoder.pos} bytes after its ${count} entries`);
  } catch {
    return fail(`Invalid state vector: it ends in the middle of an entry (${bytes.length} bytes)`);
  }
  return ok(bytes);
}

/** A single byte range of a resource of `total` bytes, inclusive of both ends (RFC 9110 §14.1.2). */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/** Why a Range header was refused: 400 when it does not parse, 416 when it parses but lies past the end. */
export type RangeRefusal = { readonly status: 400 | 416; readonly message: string };

const RANGE_SPEC = /^(\d{0,15})-(\d{0,15})$/;

/**
 * Parses a `Range: bytes=…` header against a resource of `total` bytes. One range only (the route answers
 * single parts, never multipart/byteranges), so a list of many ranges is refused rather than served.
 * Returns null for "no Range: send it whole".
 */
export function parseByteRange(header: string | undefined, total: number): ByteRange | null | RangeRefusal {
  if (header === undefined) return null;
  const value = header.trim();
  if (!value.startsWith('bytes=')) return { status: 400, message: `Invalid Range '${value.slice(0, 40)}': expected bytes=<first>-<last>` };
  const specs = value.slice('bytes='.length).split(',');
  if (specs.length > 1) return { status: 400, message: `Invalid Range: ${specs.length} ranges, expected one (bytes=<first>-<last>)` };
  const match = RANGE_SPEC.exec((specs[0] ?? '').trim());
  if (!match || (match[1] === '' && match[2] === '')) return { status: 400, message: `Invalid Range '${value.slice(0, 40)}': expected bytes=<first>-<last>, bytes=<first>- or bytes=-<suffix length>` };
  const [, first = '', last = ''] = match;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || total === 0) return { status: 416, message: `Range '${value}' selects no bytes of ${total}` };
    return { start: Math.max(0, total - length), end: total - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { status: 400, message: `Invalid Range '${value}': the last byte comes before the first` };
  if (start >= total) return { status: 416, message: `Range '${value}' starts beyond the end: the snapshot has ${total} bytes` };
  return { start, end: last === '' ? total - 1 : Math.min(Number(last), total - 1) };
}

/** True when a parse result is a refusal. */
export function isRangeRefusal(value: ByteRange | null | RangeRefusal): value is RangeRefusal {
  return value !== null && 'status' in value;
}
