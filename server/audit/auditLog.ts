import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from '../../shared/api/audit';
import { canonicalJson } from '../../shared/canonicalJson';
import { invariant } from '../../shared/parsed';

/** The prev_hash of the first entry: the chain starts from 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an action writes to the audit log. */
export interface AuditEntryInput {
  /** The instant of the action, ISO 8601. */
  readonly at: string;
  /** Who acted: a member id, or 'system'. */
  readonly actor: string;
  /** What was done, e.g. 'stage.transition'. */
  readonly action: string;
  readonly docId?: string | null;
  /** Any JSON value; it is stored as canonical JSON. */
  readonly payload: unknown;
}

/** A stored audit entry with its place in the hash chain. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly docId: string | null;
  readonly payload: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** The outcome of checking the whole chain; `firstBad` names the first entry that breaks it. */
export interface AuditChainReport {
  readonly ok: boolean;
  readonly entries: number;
  /**
   * The hash of the last entry (the genesis hash for an empty log). Deleting entries from the end, or
   * appending forged ones, keeps the chain whole; keeping this value elsewhere (an export, a printout)
   * lets a later check notice that too.
   */
  readonly head: string;
  readonly firstBad?: { readonly seq: number; readonly reason: string };
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  doc_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'seq, at, actor, action, doc_id, payload, prev_hash, hash';
// One name for the page size: the API's query schema uses the same bounds.
const DEFAULT_LIST_LIMIT = AUDIT_PAGE_DEFAULT;
const MAX_LIST_LIMIT = AUDIT_PAGE_MAX;

/**
 * Appends an entry to the audit log and returns it. Call it inside the transaction of the action it
 * records (`db.transaction(() => { …change…; appendAudit(db, …) })()`), so that the action and its entry are
 * stored together or not at all, and two appends never read the same previous entry; it throws otherwise.
 */
export function appendAudit(db: Database.Database, entry: AuditEntryInput): AuditEntry {
  invariant(db.inTransaction, 'Expected appendAudit to run inside the transaction of the action it records');
  invariant(entry.at && entry.actor && entry.action, 'Expected an audit entry with at, actor and action');
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    Pick<AuditRow, 'seq' | 'hash'> | undefined;
  const payloadJson = canonicalJson(entry.payload);
  const stored: AuditEntry = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    docId: entry.docId ?? null,
    payload: JSON.parse(payloadJson),
    prevHash: last?.hash ?? GENESIS_HASH,
    hash: '',
  };
  const hash = chainHash(stored);
  db.prepare(`INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    stored.seq,
    stored.at,
    stored.actor,
    stored.action,
    stored.docId,
    payloadJson,
    stored.prevHash,
    hash,
  );
  return { ...stored, hash };
}

/**
 * Lists audit entries newest first: of one document or of the whole workspace, at most `limit` (default
 * 100, at most 1000), and only those before the entry `before` when paging back.
 */
export function listAudit(
  db: Database.Database,
  options: { readonly docId?: string; readonly limit?: number; readonly before?: number } = {},
): AuditEntry[] {
  const requested =
    options.limit !== undefined && Number.isFinite(options.limit)
      ? Math.floor(options.limit)
      : DEFAULT_LIST_LIMIT;
  const limit = Math.min(MAX_LIST_LIMIT, Math.max(1, requested));
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (options.docId !== undefined) {
    where.push('doc_id = ?');
    params.push(options.docId);
  }
  if (options.before !== undefined) {
    where.push('seq < ?');
    params.push(options.before);
  }
  const sql = `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...params, limit) as AuditRow[];
  return rows.map(toEntry);
}

/** A stored row as an entry; a payload that is not JSON (a tampered row) is shown as the text it holds. */
function toEntry(row: AuditRow): AuditEntry {
  const payload = parseJson(row.payload);
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    docId: row.doc_id,
    payload: payload === undefined ? row.payload : payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Lists audit entries oldest first, of one document or of the whole workspace: those after the entry
 * `after` (seq), at most `limit` (default 100, at most 1000). Reading on from the last seq a reader got
 * never skips or repeats an entry, since entries are only ever appended.
 */
export function listAuditAfter(
  db: Database.Database,
  options: { readonly docId?: string; readonly after?: number; readonly limit?: number } = {},
): AuditEntry[] {
  const requested = options.limit !== undefined && Number.isFinite(options.limit) ? Math.floor(options.limit) : DEFAULT_LIST_LIMIT;
  const limit = Math.min(MAX_LIST_LIMIT, Math.max(1, requested));
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM audit_log WHERE seq > ? ${options.docId !== undefined ? 'AND doc_id = ?' : ''} ORDER BY seq LIMIT ?`)
    .all(...[options.after ?? 0, ...(options.docId !== undefined ? [options.docId] : []), limit]) as AuditRow[];
  return rows.map(toEntry);
}

/**
 * Walks the whole log in order and checks that every entry follows the one before and still matches its
 * hash, so an edited, deleted, inserted or reordered entry is found; it names the first one that breaks
 * the chain.
 */
export function verifyAuditChain(db: Database.Database): AuditChainReport {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let broken: { row: AuditRow; problem: 'gap' | 'link' | 'content' } | null = null;
  for (const row of db
    .prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`)
    .iterate() as Iterable<AuditRow>) {
    if (row.seq !== expected) broken = { row, problem: 'gap' };
    else if (row.prev_hash !== prevHash) broken = { row, problem: 'link' };
    else if (row.hash !== contentHash(row)) broken = { row, problem: 'content' };
    if (broken) break;
    prevHash = row.hash;
    expected++;
  }
  const total = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  const head = (
    db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined
  )?.hash;
  const report = { entries: total, head: head ?? GENESIS_HASH };
  if (!broken) return { ok: true, ...report };
  const { row, problem } = broken;
  if (problem === 'content') {
    return {
      ok: false,
      ...report,
      firstBad: { seq: row.seq, reason: `entry ${row.seq} was edited: its hash does not match its content` },
    };
  }
  if (problem === 'gap') {
    const reason =
      row.seq < expected
        ? `entry ${row.seq} was inserted: the log starts at entry 1`
        : `entry ${expected} is missing: entry ${row.seq} does not ${expected === 1 ? 'start the log' : `follow ${expected - 1}`}`;
    return { ok: false, ...report, firstBad: { seq: Math.min(row.seq, expected), reason } };
  }
  return { ok: false, ...report, firstBad: diagnoseLink(db, row) };
}

/** Says why an entry does not follow the one before it, from where its prev_hash points in the log. */
function diagnoseLink(db: Database.Database, row: AuditRow): { seq: number; reason: string } {
  const target = db
    .prepare('SELECT seq FROM audit_log WHERE hash = ? ORDER BY seq LIMIT 1')
    .get(row.prev_hash) as { seq: number } | undefined;
  const n = row.seq;
  if (target && target.seq < n - 1) {
    return {
      seq: target.seq + 1,
      reason: `entry ${target.seq + 1} was inserted: entry ${n} follows entry ${target.seq} in the chain`,
    };
  }
  if (target && target.seq > n) {
    return {
      seq: n,
      reason: `entry ${n} is out of place: it follows entry ${target.seq} in the chain (entries were reordered)`,
    };
  }
  if (n === 1) {
    return {
      seq: 1,
      reason:
        'entry 1 does not start the chain: its prev_hash is not the genesis hash (the first entries were deleted and the rest renumbered)',
    };
  }
  return {
    seq: n,
    reason: `entry ${n} does not follow entry ${n - 1}: its prev_hash matches no entry (an entry was deleted and the rest renumbered, or entry ${n - 1} was rewritten)`,
  };
}

function contentHash(row: AuditRow): string | null {
  const payload = parseJson(row.payload);
  if (payload === undefined) return null;
  const { seq, at, actor, action, doc_id: docId, prev_hash: prevHash } = row;
  return chainHash({ seq, at, actor, action, docId, payload, prevHash });
}

/** SHA-256 hex of the previous entry's hash followed by the canonical JSON of this entry's content. */
function chainHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, docId, payload } = entry;
  return createHash('sha256')
    .update(entry.prevHash + canonicalJson({ seq, at, actor, action, docId, payload }), 'utf8')
    .digest('hex');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
