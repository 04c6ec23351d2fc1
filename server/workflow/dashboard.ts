import type { DocumentSummary } from '../../shared/api/documents';
import type { DashboardRow } from '../../shared/api/workflow';
import { daysInStage, isTextLocked, nextDueDate } from '../../shared/workflow/stateMachine';
import type { WorkflowDefinition } from '../../shared/workflow/workflowDefinition';
import { toStageEntry, type StoredStageEntry } from './workflowStore';

/** What the dashboard may be narrowed to; an absent or empty filter lets every document through. */
export interface DashboardFilter {
  readonly municipality?: string | undefined;
  readonly stage?: string | undefined;
}

/**
 * The coordinator's dashboard: one row per document with its current stage, days in it, the next due date
 * (consultation end, registration deadline) and whether it has passed, and the dated stages it went
 * through. Rows are ordered overdue first, then by the nearest due date, then by title.
 */
export function dashboardRows(
  definitionOf: (doc: DocumentSummary) => WorkflowDefinition,
  documents: readonly DocumentSummary[],
  histories: ReadonlyMap<string, readonly StoredStageEntry[]>,
  filter: DashboardFilter,
  now: Date,
): DashboardRow[] {
  const rows = documents.map((doc): DashboardRow => {
    // Each act follows its adopting body's workflow: a Mayor's order is signed by the Mayor, not the chair.
    const definition = definitionOf(doc);
    const first = definition.stages[0]!;
    const stored = histories.get(doc.id) ?? [];
    const history = stored.length ? stored.map(toStageEntry) : [{ stage: first.id, enteredAt: doc.createdAt }];
    const current = history.at(-1)!;
    const due = nextDueDate(history, now);
    const stage = definition.stages.find((s) => s.id === current.stage);
    return {
      id: doc.id,
      title: doc.title,
      municipality: doc.municipality,
      language: doc.language,
      stage: current.stage,
      stageLabel: stage?.label ?? { ka: current.stage, en: current.stage },
      enteredAt: current.enteredAt,
      daysInStage: daysInStage(history, now),
      nextDueDate: due?.due ?? null,
      nextDueKind: due?.kind ?? null,
      overdue: due?.overdue ?? false,
      locked: isTextLocked(current.stage, history),
      timeline: history.map((e) => ({ stage: e.stage, enteredAt: e.enteredAt })),
    };
  });
  return rows
    .filter((row) => !filter.municipality || row.municipality === filter.municipality)
    .filter((row) => !filter.stage || row.stage === filter.stage)
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.nextDueDate ?? '9999').localeCompare(b.nextDueDate ?? '9999') ||
        a.title.localeCompare(b.title),
    );
}
