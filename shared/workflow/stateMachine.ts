import { fail, ok, type Parsed } from '../parsed';
import { addDays, georgianDate, wholeDaysBetween, type IsoDate } from './calendar';
import { checkRequirement, type TransitionData } from './requirements';
import { TEXT_LOCKED_STAGES } from './defaultWorkflow';
import {
  ROLES,
  type Role,
  type StageId,
  type Transition,
  type WorkflowDefinition,
} from './workflowDefinition';

/** The kinds of deadline the dashboard watches. */
export type DeadlineKind = 'consultation_end' | 'registration';

/** A date by which something must happen while the document stays in the stage that started it. */
export interface Deadline {
  readonly kind: DeadlineKind;
  readonly due: IsoDate;
}

/** One stay of a document in a stage, as the server stores the document's stage history (oldest first). */
export interface StageEntry {
  readonly stage: StageId;
  /** The instant the stage was entered, ISO 8601 (`Date.toISOString()`). */
  readonly enteredAt: string;
  readonly from?: StageId;
  readonly note?: string;
  readonly data?: TransitionData;
  readonly deadlines?: readonly Deadline[];
}

/** What a member asks for: the stage to move to, a note kept with the move, and the data it requires. */
export interface TransitionRequest {
  readonly to: string;
  readonly note?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A checked move, ready to be stored: the validated, normalised data and the deadlines it starts. */
export interface TransitionPlan {
  readonly from: StageId;
  readonly to: StageId;
  readonly note?: string;
  readonly data: TransitionData;
  readonly deadlines: readonly Deadline[];
}

/** The nearest deadline of the document's current stage, as the dashboard shows it. */
export interface DueDate extends Deadline {
  readonly overdue: boolean;
}

/** An act is registered in the Legislative Herald within 10 days of signature (DESIGN.md). */
export const REGISTRATION_DAYS = 10;
/** The longest note a transition keeps. */
export const MAX_NOTE_LENGTH = 2000;

/**
 * Checks a request to move a document from its current stage and plans the move, or says why it may not
 * happen: an unknown stage, a final stage, a move the workflow does not allow, a role that may not make it,
 * or missing or invalid data for its requirements. `history` is the document's stage history, oldest first.
 */
export function planTransition(
  definition: WorkflowDefinition,
  current: StageId,
  request: TransitionRequest,
  actor: { readonly role: Role },
  history: readonly StageEntry[],
  now: Date,
): Parsed<TransitionPlan> {
  const stageIds = definition.stages.map((s) => s.id);
  const currentStage = definition.stages.find((s) => s.id === current);
  if (!currentStage) {
    return fail(`Current stage '${current}' is not in this workflow: expected one of ${stageIds.join(', ')}`);
  }
  if (typeof request.to !== 'string' || !stageIds.includes(request.to)) {
    return fail(`Invalid stage '${String(request.to)}': expected one of ${stageIds.join(', ')}`);
  }
  const to = request.to;
  if (currentStage.final) {
    return fail(`Cannot move from '${current}': it is a final stage, so the document stays there`);
  }
  const transition = findTransition(definition, current, to);
  if (!transition) {
    const next = nextStages(definition, current);
    return fail(
      `Cannot move from '${current}' to '${to}': allowed next stages are ${next.join(', ') || 'none'}`,
    );
  }
  if (!(ROLES as readonly string[]).includes(actor.role)) {
    return fail(`Invalid role '${String(actor.role)}': expected one of ${ROLES.join(', ')}`);
  }
  if (!mayFire(actor.role, transition)) {
    const who = transition.role === 'coordinator' ? 'coordinator' : `${transition.role} or coordinator`;
    return fail(`Role '${actor.role}' may not move a document from '${current}' to '${to}': expected ${who}`);
  }
  if (request.note !== undefined && typeof request.note !== 'string')
    return fail('Invalid note: expected text');
  const note = request.note?.trim() || undefined;
  if (note && note.length > MAX_NOTE_LENGTH) {
    return fail(`Invalid note: expected at most ${MAX_NOTE_LENGTH} characters, got ${note.length}`);
  }
  const raw = request.data ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('Invalid data: expected an object of fields');
  }

  const today = georgianDate(now);
  const recorded = recordedData(history);
  let data: TransitionData = {};
  for (const requirement of transition.requires) {
    const earlier = { ...recorded, ...data };
    const checked = checkRequirement(requirement, { from: current, to, data: raw, note, today, earlier });
    if (!checked.ok) return checked;
    data = { ...data, ...checked.value };
  }
  const known = { ...recorded, ...data };
  const deadlines = (transition.onEnter ?? []).flatMap((effect): Deadline[] => {
    if (effect === 'startRegistrationDeadline') {
      // Without a recorded signature (a workflow of its own may skip it) the clock starts today.
      return [{ kind: 'registration', due: addDays(known.signingDate ?? today, REGISTRATION_DAYS) }];
    }
    return known.consultationEndDate ? [{ kind: 'consultation_end', due: known.consultationEndDate }] : [];
  });
  return ok({ from: current, to, ...(note ? { note } : {}), data, deadlines });
}

/** The stage entry to store once a planned move is carried out at `now`. */
export function stageEntryFor(plan: TransitionPlan, now: Date): StageEntry {
  return {
    stage: plan.to,
    enteredAt: now.toISOString(),
    from: plan.from,
    ...(plan.note ? { note: plan.note } : {}),
    data: plan.data,
    deadlines: plan.deadlines,
  };
}

/**
 * The transition from `from` to `to`, if the workflow has one: a transition named for `from` wins over a
 * '*' one, and '*' never leaves a final stage.
 */
export function findTransition(
  definition: WorkflowDefinition,
  from: StageId,
  to: StageId,
): Transition | undefined {
  const exact = definition.transitions.find((t) => t.from === from && t.to === to);
  if (exact) return exact;
  const isFinal = definition.stages.some((s) => s.id === from && s.final);
  return from === to || isFinal
    ? undefined
    : definition.transitions.find((t) => t.from === '*' && t.to === to);
}

/** The stages a document may move to from `current`, in the workflow's stage order, whoever asks. */
export function nextStages(definition: WorkflowDefinition, current: StageId): StageId[] {
  return definition.stages.map((s) => s.id).filter((id) => findTransition(definition, current, id));
}

/** The transitions out of `current` that `role` may fire, for the stage panel's buttons. */
export function availableTransitions(
  definition: WorkflowDefinition,
  current: StageId,
  role: Role,
): Transition[] {
  return nextStages(definition, current)
    .map((to) => findTransition(definition, current, to))
    .filter((t): t is Transition => t !== undefined && mayFire(role, t));
}

/**
 * True when the act's text is frozen because it was adopted ("After adoption the text is frozen"; it then
 * changes only through an amending act): in the default workflow's signature, publication and in-force
 * stages, and in any stage entered with or after an adoption record, unless the act was since returned
 * to drafting.
 */
export function isTextLocked(stage: StageId, history: readonly StageEntry[]): boolean {
  if (TEXT_LOCKED_STAGES.includes(stage)) return true;
  if (stage === 'drafting') return false;
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i];
    if (entry?.data?.actNumber !== undefined && entry.data.adoptionDate !== undefined) return true;
    if (entry?.stage === 'drafting') return false;
  }
  return false;
}

/** The nearest deadline of the current (last) stage entry, and whether it has passed today in Georgia. */
export function nextDueDate(history: readonly StageEntry[], now: Date): DueDate | null {
  const deadlines = history.at(-1)?.deadlines ?? [];
  const nearest = [...deadlines].sort((a, b) => a.due.localeCompare(b.due))[0];
  return nearest ? { kind: nearest.kind, due: nearest.due, overdue: georgianDate(now) > nearest.due } : null;
}

/** Whole days the document has spent in its current stage (0 for a document with no history). */
export function daysInStage(history: readonly StageEntry[], now: Date): number {
  const last = history.at(-1);
  return last ? wholeDaysBetween(last.enteredAt, now) : 0;
}

function mayFire(role: Role, transition: Transition): boolean {
  return role === transition.role || role === 'coordinator';
}

/** Every field recorded by the history's transitions, the latest value of each. */
function recordedData(history: readonly StageEntry[]): TransitionData {
  return history.reduce<TransitionData>((acc, entry) => ({ ...acc, ...entry.data }), {});
}
