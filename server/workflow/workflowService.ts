import type { Database } from 'better-sqlite3';
import type { DocumentSummary } from '../../shared/api/documents';
import type { AvailableTransition, StageHistoryEntry, StagesState } from '../../shared/api/workflow';
import { fail, ok, type Parsed } from '../../shared/parsed';
import {
  availableTransitions,
  isTextLocked,
  nextDueDate,
  planTransition,
  stageEntryFor,
  type TransitionRequest,
} from '../../shared/workflow/stateMachine';
import { parseWorkflowDefinition, type WorkflowDefinition } from '../../shared/workflow/workflowDefinition';
import { appendAudit } from '../audit/auditLog';
import { may } from '../auth/permissions';
import { withFullSync } from '../db/openDatabase';
import type { WorkspaceEvents } from '../events/workspaceEvents';
import type { VersionService } from '../versions/versionService';
import type { RecordedTextWriter } from '../adoption/recordedTextWriter';
import { DEFAULT_ADOPTING_BODY, type AdoptingBody } from '../../shared/workflow/adoptingBody';
import { MAYOR_ORDER_WORKFLOW } from '../../shared/workflow/mayorWorkflow';
import { syncFully } from '../db/openDatabase';
import type { Actor } from './actor';
import { toStageEntry, type StoredStageEntry, type WorkflowStore } from './workflowStore';

/**
 * The approval workflow of a workspace's acts: where each act stands, the moves it may make, and the
 * record of each move. A move is one transaction: its stage entry, the version it freezes and its audit
 * entries are stored together or not at all, and a refused move stores nothing.
 */
export interface WorkflowService {
  /** The workflow of acts the council adopts (the workspace's own, stored), or of the Mayor's orders (issue 13 §5). */
  definition(adoptingBody?: AdoptingBody): WorkflowDefinition;
  /** Replaces the workspace's definition, if it is valid and keeps every act's current stage. */
  setDefinition(raw: unknown, actor: Actor, now?: Date): Parsed<WorkflowDefinition>;
  /** A document's stages as `actor` sees them (with the moves it may make). The document must exist. */
  state(docId: string, actor: Actor | null, now?: Date): StagesState;
  /**
   * Moves a document to another stage, or says why it may not move. The document must exist. `withinMove`
   * runs inside the move's transaction once the move is checked, for records that must stand or fall with it
   * (a readiness override's audit entry, issue 13).
   */
  transition(docId: string, request: TransitionRequest, actor: Actor, now?: Date, withinMove?: (move: { readonly from: string; readonly to: string; readonly at: string }) => void): Parsed<StagesState>;
  /** Records a new document's first stage and version; runs inside the document's creation transaction. */
  recordCreation(doc: DocumentSummary, actor: Actor, now: Date): void;
  /** Why the act's text is frozen, or null when it may be edited. */
  lockReason(docId: string): string | null;
  /** The council's adoption record of an adopted act, for exports. */
  adoptionRecord(docId: string): { readonly actNumber: string; readonly adoptionDate: string } | null;
  /** Every document's stage history, for the dashboard. */
  histories(): Map<string, StoredStageEntry[]>;
}

/** What the workflow reads of the acts beyond its own tables (issue 13). */
export interface WorkflowServiceOptions {
  /** Writes a move's recorded data into the act's text; without it the text is left as it is. */
  readonly recordedText?: RecordedTextWriter;
  /** Who adopts a document, which picks its workflow; the council when not given. */
  readonly adoptingBodyOf?: (docId: string) => AdoptingBody;
  /** The signatory's name last recorded for an act of that body, offered as the default. */
  readonly lastSignatory?: (body: AdoptingBody) => string | null;
  /**
   * Runs inside each move's transaction, after its entry, version and audit entry are stored (issue 13, §4:
   * an amending act entering into force gives the amended act its next edition in the same transaction).
   */
  readonly afterTransition?: (move: MadeTransition) => void;
}

/** A move that was made, as the hook after it sees it (inside the move's transaction). */
export interface MadeTransition {
  readonly docId: string;
  readonly from: string;
  readonly to: string;
  /** The version the move froze. */
  readonly versionId: string;
  readonly actor: Actor;
  readonly at: Date;
}

/** Creates the workflow service over its store, the versions it freezes, and the events it publishes. */
export function createWorkflowService(db: Database, store: WorkflowStore, versions: VersionService, events: WorkspaceEvents, options: WorkflowServiceOptions = {}): WorkflowService {
  // The sync endpoint asks on every update whether the text is locked, so the answer is kept until a move.
  const locks = new Map<string, string | null>();

  const bodyOf = (docId: string): AdoptingBody => options.adoptingBodyOf?.(docId) ?? DEFAULT_ADOPTING_BODY;
  const definitionOf = (body: AdoptingBody): WorkflowDefinition => (body === 'mayor' ? MAYOR_ORDER_WORKFLOW : store.definition());
  const definitionFor = (docId: string): WorkflowDefinition => definitionOf(bodyOf(docId));
  const historyOf = (docId: string): StoredStageEntry[] => store.history(docId);
  const currentOf = (history: readonly StageHistoryEntry[], definition = store.definition()): string => history.at(-1)?.stage ?? definition.stages[0]!.id;

  const freezeName = (stage: string, definition: WorkflowDefinition): string => {
    const label = definition.stages.find((s) => s.id === stage)?.label;
    return label ? `${label.ka} / ${label.en}` : stage;
  };

  const computeLock = (history: readonly StoredStageEntry[]): string | null => {
    const current = currentOf(history);
    if (!isTextLocked(current, history.map(toStageEntry))) return null;
    const adopted = [...history].reverse().find((e) => e.data.actNumber !== undefined && e.data.adoptionDate !== undefined)?.data;
    const record = adopted ? ` (№${adopted.actNumber} of ${adopted.adoptionDate})` : '';
    return `the act was adopted${record} and is now in the stage '${current}': its text is frozen and changes only through an amending act`;
  };

  const service: WorkflowService = {
    definition: (adoptingBody = DEFAULT_ADOPTING_BODY) => definitionOf(adoptingBody),

    setDefinition(raw, actor, now = new Date()) {
      const parsed = parseWorkflowDefinition(raw);
      if (!parsed.ok) return parsed;
      const ids = new Set(parsed.value.stages.map((s) => s.id));
      for (const [docId, history] of store.allHistories()) {
        // A Mayor's order follows its own workflow, which the stored definition does not replace.
        if (bodyOf(docId) !== 'council') continue;
        const current = currentOf(history);
        if (!ids.has(current)) return fail(`Invalid workflow definition: document '${docId}' is in the stage '${current}', which it leaves out`);
      }
      withFullSync(db, () => {
        store.saveDefinition(parsed.value, actor, now.toISOString());
        appendAudit(db, { at: now.toISOString(), actor: actor.id, action: 'workflow.definition_changed', payload: { by: actor.name, definition: parsed.value } });
      });
      locks.clear();
      return parsed;
    },

    state(docId, actor, now = new Date()) {
      const history = historyOf(docId);
      const body = bodyOf(docId);
      const definition = definitionOf(body);
      const current = currentOf(history, definition);
      const lockReason = computeLock(history);
      const lastName = (): string | null => options.lastSignatory?.(body) ?? null;
      const available: AvailableTransition[] =
        actor && may(actor.role, 'changeStage')
          ? availableTransitions(definition, current, actor.role).map((t) => {
              const name = t.requires.includes('signatoryName') ? lastName() : null;
              return { to: t.to, requires: t.requires, ...(t.label ? { label: t.label } : {}), ...(name ? { defaults: { signatoryName: name } } : {}) };
            })
          : [];
      return {
        current,
        history: history.map(({ docId: _docId, ...entry }) => entry),
        locked: lockReason !== null,
        lockReason,
        available,
        nextDue: nextDueDate(history.map(toStageEntry), now),
      };
    },

    transition(docId, request, actor, now = new Date(), withinMove) {
      // Planned and carried out without a pause between (all synchronous), so nothing moves the act meanwhile.
      const definition = definitionFor(docId);
      const history = historyOf(docId);
      const plan = planTransition(definition, currentOf(history, definition), request, actor, history.map(toStageEntry), now);
      if (!plan.ok) return plan;
      const entry = stageEntryFor(plan.value, now);
      // What the move records goes into the act's own text (issue 13 §2), and the version frozen now holds it.
      const edit = options.recordedText?.plan(docId, plan.value.data) ?? null;
      const record = (): void => {
        withinMove?.({ from: plan.value.from, to: plan.value.to, at: entry.enteredAt });
        const version = versions.freeze(docId, { name: freezeName(entry.stage, definition), kind: 'stage', stage: entry.stage }, actor, now, edit?.stateAfter);
        store.append(docId, entry, actor, version.id);
        appendAudit(db, {
          at: entry.enteredAt,
          actor: actor.id,
          action: 'stage.transition',
          docId,
          payload: {
            from: plan.value.from,
            to: plan.value.to,
            by: actor.name,
            note: plan.value.note ?? null,
            data: plan.value.data,
            deadlines: plan.value.deadlines,
            versionId: version.id,
            stateSha256: version.stateSha256,
            ...(edit ? { textRecorded: true } : {}),
          },
        });
        options.afterTransition?.({ docId, from: plan.value.from, to: plan.value.to, versionId: version.id, actor, at: now });
      };
      // The text edit is stored with the move's rows in one transaction, before any client receives it; it is
      // the coordinator's edit in the record of who changed what.
      if (edit && options.recordedText) syncFully(db, () => options.recordedText!.apply(docId, edit, record, actor.id));
      else withFullSync(db, record);
      locks.delete(docId);
      events.publish({ type: 'stage', docId, stage: plan.value.to, from: plan.value.from, at: now.toISOString() });
      return ok(service.state(docId, actor, now));
    },

    recordCreation(doc, actor, now) {
      const definition = definitionOf(doc.adoptingBody);
      const first = definition.stages[0]!.id;
      const version = versions.freeze(doc.id, { name: freezeName(first, definition), kind: 'stage', stage: first }, actor, now);
      store.append(doc.id, { stage: first, enteredAt: now.toISOString(), data: {}, deadlines: [] }, actor, version.id);
      appendAudit(db, {
        at: now.toISOString(),
        actor: actor.id,
        action: 'document.created',
        docId: doc.id,
        payload: { title: doc.title, language: doc.language, municipality: doc.municipality, templateId: doc.templateId, adoptingBody: doc.adoptingBody, stage: first, by: actor.name, versionId: version.id },
      });
      locks.delete(doc.id);
    },

    lockReason(docId) {
      if (!locks.has(docId)) locks.set(docId, computeLock(historyOf(docId)));
      return locks.get(docId) ?? null;
    },

    adoptionRecord(docId) {
      const adopted = [...historyOf(docId)].reverse().find((e) => e.data.actNumber !== undefined && e.data.adoptionDate !== undefined)?.data;
      return adopted?.actNumber && adopted.adoptionDate ? { actNumber: adopted.actNumber, adoptionDate: adopted.adoptionDate } : null;
    },

    histories: () => store.allHistories(),
  };
  return service;
}
