import { fromBase64, toBase64 } from 'lib0/buffer';
import { z } from 'zod';
import { NewThreadRequest, ReplyRequest } from '../api/review';
import { NewSuggestionRequest } from '../api/suggestions';
import { fail, ok, type Parsed } from '../parsed';
import { hmacSha256, sameBytes } from './hmacSha256';

/**
 * A `.sajaro` update file (issue 14, part 4): work carried by hand between a member's computer and the
 * workspace. Length-prefixed binary, big-endian:
 *
 *   magic   8 bytes  "SAJAROUF"
 *   format  u16      UPDATE_FILE_FORMAT (a later Sajaro keeps a decoder for every older format)
 *   manifest u32 length + UTF-8 JSON (`UpdateFileManifest`)
 *   blobs   u32 count, then each u32 length + bytes: the Yjs updates, in the order the manifest's acts list them
 *   signature 32 bytes  HMAC-SHA256(key, every byte before it)
 *
 * The key is the SHA-256 of the signer's token: the member's computer computes it from the token, the
 * workspace has it as the stored token hash. See `updateFileKey`.
 */
export const UPDATE_FILE_MAGIC = 'SAJAROUF';
/** The format this Sajaro writes. */
export const UPDATE_FILE_FORMAT = 1;

/** Size limits, checked before anything is parsed (CONVENTIONS: a file is checked whole before it is applied). */
export const UPDATE_FILE_LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  manifestBytes: 8 * 1024 * 1024,
  blobBytes: 32 * 1024 * 1024,
  blobs: 10_000,
  acts: 500,
  commentsPerAct: 5_000,
  suggestionsPerAct: 5_000,
  stateVectorChars: 1_000_000,
} as const;

const SIGNATURE_BYTES = 32;
const HEADER_BYTES = UPDATE_FILE_MAGIC.length + 2;

const docId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/, "expected 8-64 characters of a-z, 0-9, '-'");
const clientId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/, "expected 8-64 characters of a-z, 0-9, '-'");
const base64 = z.string().max(UPDATE_FILE_LIMITS.stateVectorChars).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

/** A queued comment: a new thread or a reply, each with the id the member's computer chose (so loading twice is harmless). */
export const QueuedComment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('thread'), body: NewThreadRequest.and(z.object({ id: clientId })) }).strict(),
  z.object({ kind: z.literal('reply'), body: ReplyRequest.and(z.object({ id: clientId })) }).strict(),
]);
/** A parsed queued comment. */
export type QueuedComment = z.infer<typeof QueuedComment>;
/** A queued comment as the member's computer writes it (defaults not yet applied). */
export type QueuedCommentInput = z.input<typeof QueuedComment>;

const QueuedSuggestionRequest = NewSuggestionRequest.refine((s) => s.id !== undefined, { message: 'expected the id the member chose' });

const ActEntry = z
  .object({
    docId,
    /** The act's state the server last acknowledged (y-protocols state vector, base64): the updates start there. */
    baseStateVector: base64,
    /** How many of the file's blobs are this act's updates (taken in order). */
    updates: z.number().int().min(0).max(UPDATE_FILE_LIMITS.blobs),
    comments: z.array(QueuedComment).max(UPDATE_FILE_LIMITS.commentsPerAct),
    suggestions: z.array(QueuedSuggestionRequest).max(UPDATE_FILE_LIMITS.suggestionsPerAct),
  })
  .strict();

/** What a file is for: a member's changes for the workspace, or an act's text for a member offline. */
export const UPDATE_FILE_KINDS = ['member-changes', 'act-copy'] as const;

const Manifest = z
  .object({
    kind: z.enum(UPDATE_FILE_KINDS),
    /** The member whose token signed the file (and, for member-changes, whose work it carries). */
    memberId: z.string().min(1).max(64),
    createdAt: z.iso.datetime({ offset: true }),
    appVersion: z.string().min(1).max(40),
    acts: z.array(ActEntry).min(1, 'expected at least one act').max(UPDATE_FILE_LIMITS.acts),
  })
  .strict()
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    for (const act of m.acts) {
      if (ids.has(act.docId)) ctx.addIssue({ code: 'custom', path: ['acts'], message: `act '${act.docId}' is listed twice` });
      ids.add(act.docId);
    }
  });

/** The manifest of a file, as parsed. */
export type UpdateFileManifest = z.infer<typeof Manifest>;

/** One act's part of a file. */
export interface UpdateFileAct {
  readonly docId: string;
  readonly baseStateVector: Uint8Array;
  readonly updates: readonly Uint8Array[];
  readonly comments: readonly QueuedComment[];
  readonly suggestions: readonly NewSuggestionRequest[];
}

/** A decoded file: its manifest fields and its acts; `signedBytes` and `signature` are for `verifyUpdateFile`. */
export interface UpdateFile {
  readonly format: number;
  readonly kind: (typeof UPDATE_FILE_KINDS)[number];
  readonly memberId: string;
  readonly createdAt: string;
  readonly appVersion: string;
  readonly acts: readonly UpdateFileAct[];
  readonly signedBytes: Uint8Array;
  readonly signature: Uint8Array;
}

/** What a member's computer (or the server) puts into a file. */
export interface UpdateFileContent {
  readonly kind: (typeof UPDATE_FILE_KINDS)[number];
  readonly memberId: string;
  readonly createdAt: string;
  readonly appVersion: string;
  readonly acts: ReadonlyArray<{
    readonly docId: string;
    readonly baseStateVector: Uint8Array;
    readonly updates: readonly Uint8Array[];
    readonly comments: readonly QueuedCommentInput[];
    readonly suggestions: readonly z.input<typeof NewSuggestionRequest>[];
  }>;
}

/**
 * The signing key: SHA-256 of the token, which is exactly the hash the workspace stores (server/auth/tokens.ts).
 *
 * Why this is sound enough: the token never leaves the member's computer, and a file can be signed only by
 * someone holding the token or its stored hash. Whoever holds the workspace database holds every hash and could
 * forge a file, but they could also rewrite the acts directly: the database is already the trust root. What the
 * signature rules out is what matters on a USB stick or in e-mail: a file altered on the way, or one made in
 * someone else's name by a person who has neither their token nor the database.
 */
export function updateFileKey(tokenHash: Uint8Array): Uint8Array {
  return tokenHash;
}

/** Encodes and signs a file with the signer's key (`updateFileKey`). Throws on content that breaks the limits. */
export function encodeUpdateFile(content: UpdateFileContent, key: Uint8Array): Uint8Array {
  const blobs = content.acts.flatMap((act) => act.updates);
  const manifest = {
    kind: content.kind,
    memberId: content.memberId,
    createdAt: content.createdAt,
    appVersion: content.appVersion,
    acts: content.acts.map((act) => ({
      docId: act.docId,
      baseStateVector: toBase64(act.baseStateVector),
      updates: act.updates.length,
      comments: act.comments,
      suggestions: act.suggestions,
    })),
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const size = HEADER_BYTES + 4 + manifestBytes.length + 4 + blobs.reduce((n, b) => n + 4 + b.length, 0) + SIGNATURE_BYTES;
  if (size > UPDATE_FILE_LIMITS.fileBytes) throw new Error(`The file would be ${size} bytes, more than the ${UPDATE_FILE_LIMITS.fileBytes} a workspace takes`);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const ch of UPDATE_FILE_MAGIC) out[at++] = ch.charCodeAt(0);
  view.setUint16(at, UPDATE_FILE_FORMAT);
  at += 2;
  view.setUint32(at, manifestBytes.length);
  out.set(manifestBytes, at + 4);
  at += 4 + manifestBytes.length;
  view.setUint32(at, blobs.length);
  at += 4;
  for (const blob of blobs) {
    view.setUint32(at, blob.length);
    out.set(blob, at + 4);
    at += 4 + blob.length;
  }
  out.set(hmacSha256(key, out.subarray(0, at)), at);
  return out;
}

/**
 * Decodes a file strictly: magic, format, every length against the bytes left and the limits, the manifest's
 * schema, and that the blobs are exactly the ones the acts claim. The signature is read, not checked (the
 * checker needs the signer's key: `verifyUpdateFile`). The error names what was wrong.
 */
export function decodeUpdateFile(bytes: Uint8Array): Parsed<UpdateFile> {
  if (bytes.length > UPDATE_FILE_LIMITS.fileBytes) return fail(`the file is ${bytes.length} bytes, more than ${UPDATE_FILE_LIMITS.fileBytes}`);
  if (bytes.length < HEADER_BYTES) return fail('the file is too short to be a Sajaro update file');
  const magic = String.fromCharCode(...bytes.subarray(0, UPDATE_FILE_MAGIC.length));
  if (magic !== UPDATE_FILE_MAGIC) return fail(`not a Sajaro update file (it does not start with '${UPDATE_FILE_MAGIC}')`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint16(UPDATE_FILE_MAGIC.length);
  // Each format keeps its own reader here; a later Sajaro adds one and keeps this.
  if (format === 1) return decodeFormat1(bytes, view);
  if (format > UPDATE_FILE_FORMAT) return fail(`the file was written by a later Sajaro (format ${format}); this one reads formats up to ${UPDATE_FILE_FORMAT}: update Sajaro`);
  return fail(`unknown file format ${format}`);
}

function decodeFormat1(bytes: Uint8Array, view: DataView): Parsed<UpdateFile> {
  const end = bytes.length - SIGNATURE_BYTES;
  let at = HEADER_BYTES;
  const length = (what: string, max: number): Parsed<number> => {
    if (at + 4 > end) return fail(`the file is truncated (it ends before the length of ${what})`);
    const n = view.getUint32(at);
    at += 4;
    if (n > max) return fail(`${what} is ${n} bytes, more than ${max}`);
    if (at + n > end) return fail(`the file is truncated (${what} needs ${n} bytes, ${Math.max(0, end - at)} are left)`);
    return ok(n);
  };
  const manifestLength = length('the manifest', UPDATE_FILE_LIMITS.manifestBytes);
  if (!manifestLength.ok) return manifestLength;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + manifestLength.value)));
  } catch {
    return fail('the manifest is not UTF-8 JSON');
  }
  at += manifestLength.value;
  const manifest = Manifest.safeParse(json);
  if (!manifest.success) {
    const issue = manifest.error.issues[0]!;
    return fail(`the manifest is not valid: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  if (at + 4 > end) return fail('the file is truncated (it ends before the updates)');
  const count = view.getUint32(at);
  at += 4;
  if (count > UPDATE_FILE_LIMITS.blobs) return fail(`the file lists ${count} updates, more than ${UPDATE_FILE_LIMITS.blobs}`);
  const claimed = manifest.data.acts.reduce((n, act) => n + act.updates, 0);
  if (count !== claimed) return fail(`the file holds ${count} updates but its manifest lists ${claimed}`);
  const blobs: Uint8Array[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = length(`update ${i + 1}`, UPDATE_FILE_LIMITS.blobBytes);
    if (!n.ok) return n;
    blobs.push(bytes.slice(at, at + n.value));
    at += n.value;
  }
  if (at !== end) return fail(bytes.length - at < SIGNATURE_BYTES ? 'the file is truncated (its signature is missing)' : `the file has ${end - at} unexpected bytes before its signature`);
  const acts: UpdateFileAct[] = [];
  let next = 0;
  for (const act of manifest.data.acts) {
    let baseStateVector: Uint8Array;
    try {
      baseStateVector = fromBase64(act.baseStateVector);
    } catch {
      return fail(`the base state of act '${act.docId}' is not base64`);
    }
    acts.push({ docId: act.docId, baseStateVector, updates: blobs.slice(next, next + act.updates), comments: act.comments, suggestions: act.suggestions });
    next += act.updates;
  }
  const { kind, memberId, createdAt, appVersion } = manifest.data;
  return ok({ format: 1, kind, memberId, createdAt, appVersion, acts, signedBytes: bytes.subarray(0, end), signature: bytes.slice(end) });
}

/** True when the file was signed with this key (the signer's token hash), compared in constant time. */
export function verifyUpdateFile(file: UpdateFile, key: Uint8Array): boolean {
  return sameBytes(hmacSha256(key, file.signedBytes), file.signature);
}
