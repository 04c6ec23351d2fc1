import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { georgianDate } from '../../shared/workflow/calendar';
import { api, removeDir, ROOT, startTestServer, tempDataDir } from '../helpers/testServer';
import { caller, walk } from '../helpers/workflowHelpers';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'server', 'cli', 'main.ts');

/** Runs `audit-verify` on a data folder as its own process, as a coordinator would from the command line. */
function auditVerify(dataDir: string, viaNpm = false): { status: number | null; out: string } {
  const run = viaNpm
    ? spawnSync('npm', ['run', '--silent', 'audit:verify', '--', '--data', dataDir], {
        cwd: ROOT,
        encoding: 'utf8',
      })
    : spawnSync(TSX, [CLI, 'audit-verify', '--data', dataDir], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A copy of the pristine workspace, opened with the audit triggers dropped, as a tamperer with the file would. */
function tamper(action: (db: Database.Database) => void): string {
  const copy = tempDataDir('sajaro-tamper-');
  cpSync(pristine, copy, { recursive: true });
  copies.push(copy);
  const db = new Database(join(copy, 'workspace.sqlite'));
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  action(db);
  db.close();
  return copy;
}

let pristine: string;
let entries: number;
const copies: string[] = [];

beforeAll(async () => {
  // A workspace with a real history: two acts, one walked to adoption, one version saved by hand.
  pristine = tempDataDir('sajaro-audit-');
  const server = await startTestServer(pristine);
  const token = server.workspace.ownerToken;
  const call = caller(server, token);
  const today = georgianDate(new Date());
  const first = (
    await call('POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka', municipality: 'bagdati' })
  ).body.id;
  const second = (
    await call('POST', '/api/documents', { title: 'Hotline', language: 'en', municipality: 'khoni' })
  ).body.id;
  await walk(call, first, [
    { to: 'consolidation' },
    { to: 'legal_review' },
    { to: 'commission' },
    { to: 'council_vote' },
    {
      to: 'signature',
      data: { actNumber: '7', adoptionDate: today, votesFor: 10, votesAgainst: 1, abstained: 0 },
    },
  ]);
  expect(
    (await call('POST', `/api/documents/${second}/versions`, { name: 'Draft 1 for the working group' }))
      .status,
  ).toBe(201);
  entries = (await call('GET', '/api/audit/verify')).body.entries;
  await server.stop();
  // At least 2 per act created, 2 per move (its version and the move), 1 for the saved version.
  expect(entries).toBeGreaterThanOrEqual(2 * 2 + 2 * 5 + 1);
});

afterAll(() => {
  for (const dir of [...copies, pristine]) if (dir) removeDir(dir);
});

describe('audit:verify on a tampered log', () => {
  test('an untouched log verifies: exit 0 and the number of entries', () => {
    const result = auditVerify(pristine, true);
    expect(result.out).toContain(`the chain holds: ${entries} entries`);
    expect(result.status).toBe(0);
  });

  test('an edited entry is named: the vote count changed after the fact', () => {
    let editedSeq = 0;
    const dir = tamper((db) => {
      const row = db
        .prepare(
          'SELECT seq, payload FROM audit_log WHERE action = \'stage.transition\' AND payload LIKE \'%"to":"signature"%\'',
        )
        .get() as { seq: number; payload: string };
      db.prepare('UPDATE audit_log SET payload = ? WHERE seq = ?').run(
        row.payload.replace('"votesAgainst":1', '"votesAgainst":0'),
        row.seq,
      );
      editedSeq = row.seq;
    });
    const result = auditVerify(dir);
    expect(result.status).toBe(1);
    expect(result.out).toContain(`the chain is broken at entry ${editedSeq}: entry ${editedSeq} was edited`);
  });

  test('a deleted entry is named', () => {
    const dir = tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = 6').run());
    const result = auditVerify(dir);
    expect(result.status).toBe(1);
    expect(result.out).toContain('the chain is broken at entry 6: entry 6 is missing');
  });

  test('a deleted entry is named even when the rest were renumbered to hide the gap', () => {
    const dir = tamper((db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
      db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 4').run();
    });
    const result = auditVerify(dir);
    expect(result.status).toBe(1);
    expect(result.out).toContain('the chain is broken at entry 4: entry 4 does not follow entry 3');
  });

  test('reordered entries are named', () => {
    const dir = tamper((db) => {
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 5').run();
      db.prepare('UPDATE audit_log SET seq = 5 WHERE seq = -1').run();
    });
    const result = auditVerify(dir);
    expect(result.status).toBe(1);
    expect(result.out).toContain('the chain is broken at entry 3: entry 3 is out of place');
    expect(result.out).toContain('reordered');
  });

  test('the API says the same as the command line', async () => {
    const dir = tamper((db) => db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2").run());
    expect(auditVerify(dir).out).toContain('the chain is broken at entry 2: entry 2 was edited');
    const server = await startTestServer(dir);
    try {
      const report = await api(server, server.workspace.ownerToken, 'GET', '/api/audit/verify');
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({
        ok: false,
        entries,
        firstBad: { seq: 2, reason: expect.stringContaining('entry 2 was edited') },
      });
    } finally {
      await server.stop();
    }
  });

  test('a missing workspace is a usage error, not a verified log', () => {
    const result = auditVerify(join(pristine, 'nowhere'));
    expect(result.status).toBe(2);
    expect(result.out).toContain('No workspace in');
  });
});
