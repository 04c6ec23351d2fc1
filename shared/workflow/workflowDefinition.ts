import { z } from 'zod';
import type { Bilingual } from '../lang/language';
import { fail, ok, type Parsed } from '../parsed';

/**
 * The approval stages of an act and the moves between them. A workspace stores its definition as data
 * (JSON), so every part here is plain and checked by {@link WorkflowDefinitionSchema} when it is loaded.
 */

/** The id of a stage, e.g. 'drafting' or 'council_vote'; a workspace may define its own. */
export type StageId = string;

/** The roles a member of a document can hold, from the one who steers it to the one who only reads. */
export const ROLES = ['coordinator', 'drafter', 'reviewer', 'observer'] as const;
/** A member's role on a document. */
export type Role = (typeof ROLES)[number];

/**
 * The data a transition can require, built into the app: each id names a record the coordinator must give
 * with the request (stateMachine.ts checks it).
 * - `adoptionRecord`: the council's vote: actNumber, adoptionDate, votesFor, votesAgainst, abstained;
 * - `signingDate`: the day the chairperson signed the act;
 * - `signatoryName`: the name of who signed it, printed under the act (issue 13 §2);
 * - `orderRecord`: a Mayor's order's actNumber and date (adoptionDate, also its signing date; issue 13 §5);
 * - `publicationRecord`: the Legislative Herald's registrationCode and the publicationDate;
 * - `consultationEndDate`: the last day of the public consultation, after today;
 * - `reason`: a note that says why (returning, rejecting, withdrawing).
 */
export const REQUIREMENTS = {
  adoptionRecord: 'adoptionRecord',
  signingDate: 'signingDate',
  signatoryName: 'signatoryName',
  orderRecord: 'orderRecord',
  publicationRecord: 'publicationRecord',
  consultationEndDate: 'consultationEndDate',
  reason: 'reason',
} as const;
/** The id of a built-in requirement. */
export type Requirement = (typeof REQUIREMENTS)[keyof typeof REQUIREMENTS];

/**
 * What happens when a transition is taken, built into the app:
 * - `startRegistrationDeadline`: the act must be registered in the Legislative Herald within 10 days of
 *   signature;
 * - `startConsultationDeadline`: the public consultation ends on the consultationEndDate given.
 */
export const EFFECTS = {
  startRegistrationDeadline: 'startRegistrationDeadline',
  startConsultationDeadline: 'startConsultationDeadline',
} as const;
/** The id of a built-in effect. */
export type Effect = (typeof EFFECTS)[keyof typeof EFFECTS];

/** One approval stage. A final stage has no way out; an optional one may be skipped by another path. */
export interface Stage {
  readonly id: StageId;
  readonly label: Bilingual;
  readonly final?: boolean;
  readonly optional?: boolean;
}

/**
 * A legal move from one stage (or from any non-final stage: '*') to another. `role` may fire it, and so may
 * a coordinator, who steers the document and may fire every transition.
 */
export interface Transition {
  readonly from: StageId | '*';
  readonly to: StageId;
  readonly role: Role;
  readonly requires: readonly Requirement[];
  readonly onEnter?: readonly Effect[];
  /** The name of the action where the stage name alone does not say it, e.g. "Return for revision". */
  readonly label?: Bilingual;
}

/** A workspace's workflow: its stages in display order (the first is where a new document starts). */
export interface WorkflowDefinition {
  readonly stages: readonly Stage[];
  readonly transitions: readonly Transition[];
}

const text = z.string().trim().min(1, 'expected non-empty text');
const bilingual = z.object({ ka: text, en: text }, { error: 'expected { ka: …, en: … }' }).strict();
const STAGE_ID = /^[a-z][a-z0-9_]{0,39}$/;
const stageId = z
  .string()
  .regex(STAGE_ID, "expected a stage id of a-z, 0-9 and '_' (at most 40, starting with a letter)");
const roleIds = ROLES.join(', ');
const requirementIds = Object.values(REQUIREMENTS).join(', ');
const effectIds = Object.values(EFFECTS).join(', ');

/** The schema of a stored workflow definition; {@link parseWorkflowDefinition} adds the cross-checks. */
export const WorkflowDefinitionSchema = z
  .object({
    stages: z
      .array(
        z
          .object({
            id: stageId,
            label: bilingual,
            final: z.boolean().optional(),
            optional: z.boolean().optional(),
          })
          .strict(),
      )
      .min(2, 'expected at least two stages'),
    transitions: z
      .array(
        z
          .object({
            from: z.union([stageId, z.literal('*')], { error: "expected a stage id or '*'" }),
            to: stageId,
            role: z.enum(ROLES, { error: `expected one of ${roleIds}` }),
            requires: z.array(z.enum(REQUIREMENTS, { error: `expected one of ${requirementIds}` })),
            onEnter: z.array(z.enum(EFFECTS, { error: `expected one of ${effectIds}` })).optional(),
            label: bilingual.optional(),
          })
          .strict(),
      )
      .min(1, 'expected at least one transition'),
  })
  .strict();

/**
 * Parses a stored workflow definition: the schema, then the checks that span stages and transitions
 * (known and unique stage ids, nothing leaving a final stage, no transition given twice).
 */
export function parseWorkflowDefinition(raw: unknown): Parsed<WorkflowDefinition> {
  const parsed = WorkflowDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.map(String).join('.') : '';
    return fail(
      `Invalid workflow definition at '${path || '(top)'}': ${issue?.message ?? 'expected an object'}`,
    );
  }
  const definition: WorkflowDefinition = parsed.data;
  const problem = consistencyProblem(definition);
  return problem ? fail(`Invalid workflow definition: ${problem}`) : ok(definition);
}

function consistencyProblem({ stages, transitions }: WorkflowDefinition): string | null {
  const ids = stages.map((s) => s.id);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return `stage '${id}' is defined twice: expected unique stage ids`;
    seen.add(id);
  }
  const final = new Set(stages.filter((s) => s.final).map((s) => s.id));
  if (final.has(ids[0] ?? ''))
    return `the first stage '${ids[0]}' is final: expected the starting stage to lead somewhere`;
  const pairs = new Set<string>();
  for (const [i, t] of transitions.entries()) {
    for (const end of [t.from, t.to]) {
      if (end !== '*' && !seen.has(end))
        return `transitions.${i} names unknown stage '${end}': expected one of ${ids.join(', ')}`;
    }
    if (final.has(t.from))
      return `transitions.${i} leaves the final stage '${t.from}': expected no way out of a final stage`;
    if (t.from === t.to)
      return `transitions.${i} goes from '${t.from}' to itself: expected a different stage`;
    if (t.onEnter?.includes('startConsultationDeadline') && !t.requires.includes('consultationEndDate')) {
      return `transitions.${i} starts the consultation deadline: expected it to require consultationEndDate`;
    }
    const pair = `${t.from}→${t.to}`;
    if (pairs.has(pair)) return `transitions.${i} repeats '${t.from}' to '${t.to}': expected each move once`;
    pairs.add(pair);
  }
  return null;
}
