import { describe, expect, test } from 'vitest';
import type { DocumentSummary } from '../../shared/api/documents';
import { DEFAULT_WORKFLOW } from '../../shared/workflow/defaultWorkflow';
import { MAYOR_ORDER_WORKFLOW } from '../../shared/workflow/mayorWorkflow';
import { dashboardRows } from './dashboard';
import type { StoredStageEntry } from './workflowStore';

// 12:00 in Tbilisi on 20 March 2026; whole days count from the instant a stage was entered.
const NOW = new Date('2026-03-20T08:00:00Z');

function doc(id: string, title: string, municipality: string): DocumentSummary {
  return { id, title, language: 'ka', municipality, templateId: null, adoptingBody: 'council', createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z' };
}

function entry(docId: string, stage: string, enteredAt: string, extra: Partial<StoredStageEntry> = {}): StoredStageEntry {
  return { docId, stage, enteredAt, by: 'Nino', byId: 'm-1', note: null, data: {}, from: null, deadlines: [], versionId: null, ...extra };
}

const DOCS = [doc('doc-aaaaaaaa', 'ეთიკის კოდექსი', 'vani'), doc('doc-bbbbbbbb', 'ცხელი ხაზი', 'khoni'), doc('doc-cccccccc', 'ელექტრონული პეტიცია', 'vani')];
const HISTORIES = new Map<string, StoredStageEntry[]>([
  ['doc-aaaaaaaa', [entry('doc-aaaaaaaa', 'drafting', '2026-01-05T09:00:00.000Z'), entry('doc-aaaaaaaa', 'public_consultation', '2026-03-01T09:00:00.000Z', { deadlines: [{ kind: 'consultation_end', due: '2026-03-25' }] })]],
  [
    'doc-bbbbbbbb',
    [
      entry('doc-bbbbbbbb', 'drafting', '2026-01-05T09:00:00.000Z'),
      entry('doc-bbbbbbbb', 'signature', '2026-03-02T09:00:00.000Z', { data: { actNumber: '3', adoptionDate: '2026-03-02' } }),
      entry('doc-bbbbbbbb', 'publication', '2026-03-05T09:00:00.000Z', { data: { signingDate: '2026-03-05' }, deadlines: [{ kind: 'registration', due: '2026-03-15' }] }),
    ],
  ],
]);

describe('the dashboard rows', () => {
  test('one row per act: stage, days in it, the next deadline and whether it has passed, overdue first', () => {
    const rows = dashboardRows(() => DEFAULT_WORKFLOW, DOCS, HISTORIES, {}, NOW);
    expect(rows.map((r) => r.id)).toEqual(['doc-bbbbbbbb', 'doc-aaaaaaaa', 'doc-cccccccc']);
    expect(rows[0]).toMatchObject({ stage: 'publication', stageLabel: { en: 'Submitted for publication' }, daysInStage: 14, nextDueDate: '2026-03-15', nextDueKind: 'registration', overdue: true, locked: true });
    expect(rows[1]).toMatchObject({ stage: 'public_consultation', daysInStage: 18, nextDueDate: '2026-03-25', overdue: false, locked: false });
    expect(rows[1]!.timeline).toEqual([
      { stage: 'drafting', enteredAt: '2026-01-05T09:00:00.000Z' },
      { stage: 'public_consultation', enteredAt: '2026-03-01T09:00:00.000Z' },
    ]);
    // An act without a stored history stands in the first stage since it was created.
    expect(rows[2]).toMatchObject({ stage: 'drafting', daysInStage: 73, nextDueDate: null, overdue: false, timeline: [{ stage: 'drafting' }] });
  });

  test('a deadline is overdue only once its day has passed in Georgia', () => {
    const lastDay = new Date('2026-03-15T19:59:00Z'); // 23:59 in Tbilisi on the 15th
    const nextDay = new Date('2026-03-15T20:00:00Z'); // 00:00 in Tbilisi on the 16th
    expect(dashboardRows(() => DEFAULT_WORKFLOW, DOCS, HISTORIES, { stage: 'publication' }, lastDay)[0]?.overdue).toBe(false);
    expect(dashboardRows(() => DEFAULT_WORKFLOW, DOCS, HISTORIES, { stage: 'publication' }, nextDay)[0]?.overdue).toBe(true);
  });

  test('filters by municipality and by stage, together or alone', () => {
    const ids = (filter: { municipality?: string; stage?: string }) => dashboardRows(() => DEFAULT_WORKFLOW, DOCS, HISTORIES, filter, NOW).map((r) => r.id);
    expect(ids({ municipality: 'vani' })).toEqual(['doc-aaaaaaaa', 'doc-cccccccc']);
    expect(ids({ stage: 'drafting' })).toEqual(['doc-cccccccc']);
    expect(ids({ municipality: 'vani', stage: 'publication' })).toEqual([]);
    expect(ids({ municipality: '', stage: '' })).toHaveLength(3);
  });

  test("a Mayor's order's row names its own workflow's stage: the Mayor's signature, not the chairperson's", () => {
    const order = { ...doc('doc-dddddddd', 'ბრძანება', 'khoni'), adoptingBody: 'mayor' as const };
    const history = new Map([['doc-dddddddd', [entry('doc-dddddddd', 'drafting', '2026-01-05T09:00:00.000Z'), entry('doc-dddddddd', 'signature', '2026-03-02T09:00:00.000Z')]]]);
    const definitionOf = (d: DocumentSummary) => (d.adoptingBody === 'mayor' ? MAYOR_ORDER_WORKFLOW : DEFAULT_WORKFLOW);
    const [row] = dashboardRows(definitionOf, [order], history, {}, NOW);
    expect(row?.stageLabel).toEqual({ ka: 'მერის ხელმოწერა', en: "Mayor's signature" });
  });
});
