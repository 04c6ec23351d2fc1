import type { Database } from 'better-sqlite3';
import type { StageHistoryEntry } from '../../shared/api/workflow';
import type { Deadline, StageEntry } from '../../shared/workflow/stateMachine';
import type { TransitionData } from '../../shared/workflow/requirements';
import { DEFAULT_WORKFLOW } from '../../shared/workflow/defaultWorkflow';
import { parseWorkflowDefinition, type WorkflowDefinition } from '../../shared/workflow/workflowDefinition';
import type { Actor } from './actor';

interface HistoryRow {
  seq: number;
  doc_id: string;
  stage: string;
  from_stage: string | null;
  entered_at: string;
  by_id: string;
  by_name: string;
  note: string | null;
  data: string;
  deadlines: string;
  version_id: string | null;
}

/** A stored stage entry: what the API shows, and what the state machine reads. */
export interface StoredStageEntry extends StageHistoryEntry {
  readonly docId: string;
}

/** The SQL side of the workflow: the workspace's definition and every document's stage history. */
export interface WorkflowStore {
  /** The stored definition, or the built-in default when none is stored (or the stored one is unreadable). */
  definition(): WorkflowDefinition;
  saveDefinition(definition: WorkflowDefinition, actor: Actor, at: string): void;
  /** One document's stage history, oldest first. */
  history(docId: string): StoredStageEntry[];
  /** Every document's stage history, oldest first, grouped by document. */
  allHistories(): Map<string, StoredStageEntry[]>;
  append(docId: string, entry: StageEntry, actor: Actor, versionId: string | null): void;
}

const toEntry = (row: HistoryRow): StoredStageEntry => ({
  docId: row.doc_id,
  stage: row.stage,
  enteredAt: row.entered_at,
  by: row.by_name,
  byId: row.by_id,
  note: row.note,
  data: JSON.parse(row.data) as TransitionData,
  from: row.from_stage,
  deadlines: JSON.parse(row.deadlines) as Deadline[],
  versionId: row.version_id,
});

/** The state machine's view of a stored entry. */
export function toStageEntry(entry: StageHistoryEntry): StageEntry {
  return {
    stage: entry.stage,
    enteredAt: entry.enteredAt,
    ...(entry.from ? { from: entry.from } : {}),
    ...(entry.note ? { note: entry.note } : {}),
    data: entry.data,
    deadlines: entry.deadlines,
  };
}

/** A workflow store on SQLite. */
export function createWorkflowStore(db: Database, log: (line: string) => void): WorkflowStore {
  const readDefinition = db.prepare<[], { definition: string }>('SELECT definition FROM workflow_definition WHERE id = 1');
  const writeDefinition = db.prepare(
    `INSERT INTO workflow_definition (id, definition, updated_at, updated_by) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  // The history names who moved the act by the member's name now (issue 15), the stored one for 'system'.
  const columns = 'h.seq, h.doc_id, h.stage, h.from_stage, h.entered_at, h.by_id, COALESCE(m.name, h.by_name) AS by_name, h.note, h.data, h.deadlines, h.version_id';
  const from = 'stage_history h LEFT JOIN members m ON m.id = h.by_id';
  const byDoc = db.prepare<[string], HistoryRow>(`SELECT ${columns} FROM ${from} WHERE h.doc_id = ? ORDER BY h.seq`);
  const all = db.prepare<[], HistoryRow>(`SELECT ${columns} FROM ${from} ORDER BY h.doc_id, h.seq`);
  const insert = db.prepare(
    'INSERT INTO stage_history (doc_id, stage, from_stage, entered_at, by_id, by_name, note, data, deadlines, version_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let cached: WorkflowDefinition | null = null;

  return {
    definition() {
      if (cached) return cached;
      const row = readDefinition.get();
      if (!row) return (cached = DEFAULT_WORKFLOW);
      let raw: unknown;
      try {
        raw = JSON.parse(row.definition);
      } catch {
        raw = null;
      }
      const parsed = parseWorkflowDefinition(raw);
      if (!parsed.ok) log(`[workflow] the stored workflow definition is unreadable, using the default: ${parsed.error}`);
      return (cached = parsed.ok ? parsed.value : DEFAULT_WORKFLOW);
    },
    saveDefinition(definition, actor, at) {
      writeDefinition.run(JSON.stringify(definition), at, actor.id);
      // Read back on next use, so a transaction that rolls back leaves no stale definition behind.
      cached = null;
    },
    history(docId) {
      return byDoc.all(docId).map(toEntry);
    },
    allHistories() {
      const grouped = new Map<string, StoredStageEntry[]>();
      for (const row of all.iterate()) {
        const entry = toEntry(row);
        const list = grouped.get(entry.docId);
        if (list) list.push(entry);
        else grouped.set(entry.docId, [entry]);
      }
      return grouped;
    },
    append(docId, entry, actor, versionId) {
      insert.run(
        docId,
        entry.stage,
        entry.from ?? null,
        entry.enteredAt,
        actor.id,
        actor.name,
        entry.note ?? null,
        JSON.stringify(entry.data ?? {}),
        JSON.stringify(entry.deadlines ?? []),
        versionId,
      );
    },
  };
}
