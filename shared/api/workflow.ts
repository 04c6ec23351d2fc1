import { z } from 'zod';
import type { Bilingual } from '../lang/language';
import type { ModelDiff } from '../model/diffModels';
import type { DueDate, Deadline } from '../workflow/stateMachine';
import type { TransitionData } from '../workflow/requirements';
import type { Requirement, StageId } from '../workflow/workflowDefinition';

/** The longest name of a saved version. */
export const MAX_VERSION_NAME = 200;

/**
 * `POST /api/documents/:id/transitions`: the stage to move to, a note kept with the move, its data, and
 * (issue 13, §1) `overrideWarnings: { reason }`, a coordinator's decision to move on past the readiness
 * warnings, recorded in the audit log; it never overrides a blocking problem.
 */
export const TransitionRequestBody = z
  .object({
    to: z.string({ error: 'expected the id of the stage to move to' }).min(1, 'expected a stage id').max(40),
    note: z.string({ error: 'expected the note as text' }).max(2000, 'expected at most 2000 characters').optional(),
    data: z.record(z.string(), z.unknown(), { error: 'expected an object of fields, e.g. { "signingDate": "2026-03-07" }' }).optional(),
    overrideWarnings: z
      .object({ reason: z.string({ error: 'expected the reason as text' }).trim().min(1, 'expected the reason for overriding the warnings').max(2000, 'expected at most 2000 characters') }, { error: 'expected { "reason": "…" }' })
      .strict()
      .optional(),
  })
  .strict();
/** A parsed transition request body. */
export type TransitionRequestBody = z.infer<typeof TransitionRequestBody>;

/** `POST /api/documents/:id/versions`: save the current text as a named version by hand. */
export const SaveVersionRequest = z
  .object({
    name: z.string({ error: 'expected the name of the version as text' }).trim().min(1, 'expected a non-empty name').max(MAX_VERSION_NAME, `expected at most ${MAX_VERSION_NAME} characters`),
  })
  .strict();

/** `GET /api/documents/:id/diff?from=&to=`: version ids, or 'current' for the text as it is now. */
export const DiffQuery = z.object({
  from: z.string({ error: "expected ?from=<versionId> (or 'current')" }).min(1).max(80),
  to: z.string().min(1).max(80).default('current'),
});

/** `GET /api/dashboard?municipality=&stage=`: both filters optional; an empty value does not filter. */
export const DashboardQuery = z.object({
  municipality: z.string().max(120).optional(),
  stage: z.string().max(40).optional(),
});

/** `GET /api/workflow?adoptingBody=`: the workflow of acts the council (default) or the Mayor adopts (issue 13 §5). */
export const WorkflowQuery = z.object({
  adoptingBody: z.enum(['council', 'mayor'], { error: "expected ?adoptingBody=council or ?adoptingBody=mayor" }).optional(),
});

/** The word that names the live text in a diff request. */
export const CURRENT_TEXT = 'current';

/** One stay of a document in a stage as the API shows it (oldest first in a history). */
export interface StageHistoryEntry {
  readonly stage: StageId;
  readonly enteredAt: string;
  /** The name of the member who moved the act ('system' for a document created before workflows). */
  readonly by: string;
  readonly byId: string;
  readonly note: string | null;
  readonly data: TransitionData;
  readonly from: StageId | null;
  readonly deadlines: readonly Deadline[];
  /** The version frozen on entering the stage. */
  readonly versionId: string | null;
}

/** A move the asking member may make now, for the stage panel's buttons. */
export interface AvailableTransition {
  readonly to: StageId;
  readonly requires: readonly Requirement[];
  readonly label?: Bilingual;
  /**
   * What the transition dialog fills in for the member to confirm or change: the signatory's name last
   * recorded for an act of the same adopting body (issue 13 §2).
   */
  readonly defaults?: { readonly signatoryName?: string };
}

/** `GET /api/documents/:id/stages` and the answer to a transition. */
export interface StagesState {
  readonly current: StageId;
  readonly history: readonly StageHistoryEntry[];
  /** True once the act was adopted: the sync endpoint refuses changes to its text. */
  readonly locked: boolean;
  /** Why the text is locked, as a sentence; null when it is not. */
  readonly lockReason: string | null;
  /** The moves the asking member may make from the current stage. */
  readonly available: readonly AvailableTransition[];
  readonly nextDue: DueDate | null;
}

/** A frozen version of an act: exact Yjs state plus its derived model, never changed once stored. */
export interface VersionSummary {
  readonly id: string;
  readonly docId: string;
  /** 1, 2, 3, … per document, in the order the versions were saved. */
  readonly number: number;
  readonly name: string;
  /** 'stage': frozen on entering a stage; 'manual': saved by hand. */
  readonly kind: 'stage' | 'manual';
  readonly stage: StageId | null;
  readonly createdAt: string;
  readonly by: string;
  readonly byId: string;
  /** SHA-256 of the Yjs state and of the canonical model JSON, as the audit log records them. */
  readonly stateSha256: string;
  readonly modelSha256: string;
}

/** Which side of a comparison: a version, or the text as it is now. */
export interface DiffSide {
  readonly id: string;
  readonly name: string;
  readonly number: number | null;
}

/** `GET /api/documents/:id/diff`: diffModels' article-aligned changes between the two sides. */
export interface DiffResponse extends ModelDiff {
  readonly from: DiffSide;
  readonly to: DiffSide;
}

/** One stage on a document's timeline, for the dashboard's picture. */
export interface TimelineEntry {
  readonly stage: StageId;
  readonly enteredAt: string;
}

/** One row of `GET /api/dashboard`: where an act stands and what is due. */
export interface DashboardRow {
  readonly id: string;
  readonly title: string;
  readonly municipality: string;
  readonly language: 'ka' | 'en';
  readonly stage: StageId;
  readonly stageLabel: Bilingual;
  readonly enteredAt: string;
  readonly daysInStage: number;
  /** The nearest deadline of the current stage (YYYY-MM-DD), or null. */
  readonly nextDueDate: string | null;
  readonly nextDueKind: Deadline['kind'] | null;
  readonly overdue: boolean;
  readonly locked: boolean;
  readonly timeline: readonly TimelineEntry[];
}

/** `GET /api/audit/verify`. */
export interface AuditVerifyResponse {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: string;
  readonly firstBad?: { readonly seq: number; readonly reason: string };
}

/** What the workspace pushes to every open client on `GET /api/events` (Server-Sent Events). */
export type WorkspaceEvent =
  | { readonly type: 'stage'; readonly docId: string; readonly stage: StageId; readonly from: StageId | null; readonly at: string }
  | { readonly type: 'version'; readonly docId: string; readonly versionId: string; readonly at: string }
  | { readonly type: 'document'; readonly docId: string; readonly at: string };
