import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../shared/canonicalJson';
import { appendAudit, GENESIS_HASH, listAudit, listAuditAfter, verifyAuditChain, type AuditEntryInput } from './auditLog';
import { AUDIT_SCHEMA_SQL } from './auditSchema';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.exec(AUDIT_SCHEMA_SQL);
});
afterEach(() => db.close());

/** Appends entries 1..n, each in its own transaction as an action would. */
function fill(n: number): void {
  for (let i = 1; i <= n; i++) {
    const entry: AuditEntryInput = {
      at: `2026-03-10T08:00:${String(i).padStart(2, '0')}.000Z`,
      actor: i % 2 ? 'member-nino' : 'member-giorgi',
      action: 'stage.transition',
      docId: i % 3 ? 'doc-ethics-code' : 'doc-e-petition',
      payload: {
        to: 'consolidation',
        note: `ცვლილება ${i}`,
        data: { votesFor: i, nested: { b: 1, a: [2, 1] } },
      },
    };
    db.transaction(() => appendAudit(db, entry))();
  }
}

/** Tampering bypasses the app, as someone with the file would: the append-only triggers go first. */
function tamper(sql: string): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
}

const COPY = 'at, actor, action, doc_id, payload, prev_hash, hash';

describe('appending', () => {
  test('an untouched log verifies with the right count', () => {
    fill(7);
    const report = verifyAuditChain(db);
    expect(report).toEqual({ ok: true, entries: 7, head: listAudit(db, { limit: 1 })[0]?.hash });
  });

  test('an empty log verifies with 0 entries', () => {
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
  });

  test('each entry chains to the one before, starting from 64 zeros', () => {
    fill(3);
    const [third, second, first] = listAudit(db);
    expect(first?.prevHash).toBe(GENESIS_HASH);
    expect(second?.prevHash).toBe(first?.hash);
    expect(third?.prevHash).toBe(second?.hash);
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the payload is stored as canonical JSON and read back as it was given', () => {
    fill(1);
    const stored = db.prepare('SELECT payload FROM audit_log').pluck().get();
    expect(stored).toBe(
      '{"data":{"nested":{"a":[2,1],"b":1},"votesFor":1},"note":"ცვლილება 1","to":"consolidation"}',
    );
    expect(listAudit(db)[0]?.payload).toEqual({
      to: 'consolidation',
      note: 'ცვლილება 1',
      data: { votesFor: 1, nested: { b: 1, a: [2, 1] } },
    });
  });

  test('appending outside a transaction is refused, so an action and its entry are never split', () => {
    expect(() =>
      appendAudit(db, { at: '2026-03-10T08:00:00.000Z', actor: 'a', action: 'x', payload: null }),
    ).toThrow(/inside the transaction/);
    expect(verifyAuditChain(db).entries).toBe(0);
  });

  test('an entry whose action fails is rolled back with it', () => {
    fill(2);
    expect(() =>
      db.transaction(() => {
        appendAudit(db, {
          at: '2026-03-10T09:00:00.000Z',
          actor: 'a',
          action: 'document.delete',
          payload: {},
        });
        throw new Error('the action failed');
      })(),
    ).toThrow('the action failed');
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 2 });
  });

  test('the app cannot change or delete rows', () => {
    fill(2);
    expect(() => db.exec("UPDATE audit_log SET actor = 'x' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
  });

  test('entries are listed newest first, by document and page', () => {
    fill(9);
    expect(listAudit(db).map((e) => e.seq)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(listAudit(db, { docId: 'doc-e-petition' }).map((e) => e.seq)).toEqual([9, 6, 3]);
    expect(listAudit(db, { limit: 2, before: 5 }).map((e) => e.seq)).toEqual([4, 3]);
  });

  test('entries after a seq are listed oldest first, by document, and page on without gaps', () => {
    fill(9);
    expect(listAuditAfter(db).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(listAuditAfter(db, { after: 6 }).map((e) => e.seq)).toEqual([7, 8, 9]);
    expect(listAuditAfter(db, { docId: 'doc-e-petition', after: 3 }).map((e) => e.seq)).toEqual([6, 9]);
    const pages: number[][] = [];
    for (let after = 0; ; ) {
      const page = listAuditAfter(db, { after, limit: 4 }).map((e) => e.seq);
      if (!page.length) break;
      pages.push(page);
      after = page.at(-1)!;
    }
    expect(pages).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9]]);
    expect(listAuditAfter(db, { limit: 0 }).map((e) => e.seq)).toEqual([1]);
    expect(listAuditAfter(db, { limit: Number.NaN })).toHaveLength(9);
  });
});

describe('tampering is found', () => {
  test('an edited payload names that entry', () => {
    fill(8);
    tamper(`UPDATE audit_log SET payload = '{"to":"in_force"}' WHERE seq = 5`);
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      entries: 8,
      firstBad: { seq: 5, reason: 'entry 5 was edited: its hash does not match its content' },
    });
  });

  test('an edited actor or an unreadable payload is found too', () => {
    fill(4);
    tamper(
      `UPDATE audit_log SET actor = 'member-x' WHERE seq = 2; UPDATE audit_log SET payload = '{' WHERE seq = 3`,
    );
    expect(verifyAuditChain(db).firstBad?.seq).toBe(2);
  });

  test('a deleted middle entry is named', () => {
    fill(8);
    tamper('DELETE FROM audit_log WHERE seq = 4');
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      entries: 7,
      firstBad: { seq: 4, reason: 'entry 4 is missing: entry 5 does not follow 3' },
    });
  });

  test('a deleted first entry is named', () => {
    fill(3);
    tamper('DELETE FROM audit_log WHERE seq = 1');
    expect(verifyAuditChain(db).firstBad).toEqual({
      seq: 1,
      reason: 'entry 1 is missing: entry 2 does not start the log',
    });
  });

  test('a deleted entry with the rest renumbered is found where the chain breaks', () => {
    fill(6);
    tamper(
      'DELETE FROM audit_log WHERE seq = 3; UPDATE audit_log SET seq = -(seq - 1) WHERE seq > 3; UPDATE audit_log SET seq = -seq WHERE seq < 0',
    );
    expect(verifyAuditChain(db).firstBad).toEqual({
      seq: 3,
      reason:
        'entry 3 does not follow entry 2: its prev_hash matches no entry (an entry was deleted and the rest renumbered, or entry 2 was rewritten)',
    });
  });

  test('two swapped entries name the first of them', () => {
    fill(8);
    tamper(`
      CREATE TEMP TABLE saved AS SELECT * FROM audit_log WHERE seq IN (3, 6);
      UPDATE audit_log SET (${COPY}) = (SELECT ${COPY} FROM saved WHERE saved.seq = 6) WHERE seq = 3;
      UPDATE audit_log SET (${COPY}) = (SELECT ${COPY} FROM saved WHERE saved.seq = 3) WHERE seq = 6;
    `);
    expect(verifyAuditChain(db).firstBad).toEqual({
      seq: 3,
      reason: 'entry 3 is out of place: it follows entry 5 in the chain (entries were reordered)',
    });
  });

  test('swapped payloads of two entries name the first of them', () => {
    fill(8);
    tamper(`
      CREATE TEMP TABLE saved AS SELECT seq, payload FROM audit_log WHERE seq IN (2, 7);
      UPDATE audit_log SET payload = (SELECT payload FROM saved WHERE seq = 7) WHERE seq = 2;
      UPDATE audit_log SET payload = (SELECT payload FROM saved WHERE seq = 2) WHERE seq = 7;
    `);
    expect(verifyAuditChain(db).firstBad?.seq).toBe(2);
  });

  test('renumbered entries are found', () => {
    fill(6);
    tamper(
      'UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 100',
    );
    expect(verifyAuditChain(db).firstBad).toEqual({
      seq: 2,
      reason: 'entry 2 is out of place: it follows entry 4 in the chain (entries were reordered)',
    });
  });

  test('a forged entry inserted in the middle, with a valid hash and the rest renumbered, is named', () => {
    fill(6);
    const third = listAudit(db, { limit: 1, before: 4 })[0]!;
    const forged = {
      seq: 4,
      at: '2026-03-10T08:00:03.500Z',
      actor: 'member-x',
      action: 'stage.transition',
      docId: 'doc-ethics-code',
      payload: { to: 'in_force' },
    };
    const hash = sha256(third.hash + canonicalJson(forged));
    tamper(
      'UPDATE audit_log SET seq = -(seq + 1) WHERE seq >= 4; UPDATE audit_log SET seq = -seq WHERE seq < 0',
    );
    db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      4,
      forged.at,
      forged.actor,
      forged.action,
      forged.docId,
      canonicalJson(forged.payload),
      third.hash,
      hash,
    );
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      entries: 7,
      firstBad: { seq: 4, reason: 'entry 4 was inserted: entry 5 follows entry 3 in the chain' },
    });
  });

  test('a log in a file verifies after it is closed and opened again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sajaro-audit-'));
    try {
      const file = new Database(join(dir, 'workspace.db'));
      file.exec(AUDIT_SCHEMA_SQL);
      file.transaction(() =>
        appendAudit(file, {
          at: '2026-03-10T08:00:00.000Z',
          actor: 'a',
          action: 'document.create',
          docId: 'doc-1',
          payload: { template: 'code_of_ethics' },
        }),
      )();
      file.close();
      const reopened = new Database(join(dir, 'workspace.db'));
      expect(verifyAuditChain(reopened)).toMatchObject({ ok: true, entries: 1 });
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The hash the log uses, computed here as a forger would, without auditLog.ts. */
function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
