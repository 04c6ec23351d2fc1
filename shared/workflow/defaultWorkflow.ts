import type { Bilingual } from '../lang/language';
import type { Stage, StageId, Transition, WorkflowDefinition } from './workflowDefinition';

/**
 * The stage ids of the default workflow for a council's normative act (DESIGN.md, "Georgian acts in
 * brief"), in the order an act passes them, then the two final ways out.
 */
export const DEFAULT_STAGE_IDS = [
  'drafting',
  'consolidation',
  'legal_review',
  'public_consultation',
  'commission',
  'council_vote',
  'signature',
  'publication',
  'in_force',
  'rejected',
  'withdrawn',
] as const;
/** A stage id of the default workflow. */
export type DefaultStageId = (typeof DEFAULT_STAGE_IDS)[number];

/** The stages of the default workflow in which the act has been adopted, so its text is frozen. */
export const TEXT_LOCKED_STAGES: readonly StageId[] = ['signature', 'publication', 'in_force'];

/** The names of the default workflow's stages; the Mayor's order's workflow borrows them. */
export const DEFAULT_STAGE_LABELS: Readonly<Record<DefaultStageId, Bilingual>> = {
  drafting: { ka: 'პროექტის მომზადება', en: 'Drafting' },
  consolidation: { ka: 'სამუშაო ჯგუფში შეჯერება', en: 'Working-group consolidation' },
  legal_review: { ka: 'იურიდიული და ანტიკორუფციული ექსპერტიზა', en: 'Legal and anti-corruption review' },
  public_consultation: { ka: 'საჯარო განხილვა', en: 'Public consultation' },
  commission: { ka: 'საკრებულოს კომისიაში განხილვა', en: 'Council commission' },
  council_vote: { ka: 'საკრებულოს კენჭისყრა (მიღება)', en: 'Council vote (adoption)' },
  signature: { ka: 'საკრებულოს თავმჯდომარის ხელმოწერა', en: "Chairperson's signature" },
  publication: { ka: 'გამოსაქვეყნებლად წარდგენილი', en: 'Submitted for publication' },
  in_force: { ka: 'ძალაში შესული', en: 'In force' },
  rejected: { ka: 'უარყოფილი', en: 'Rejected' },
  // "გამოთხოვა" is what an initiator does to a draft it takes back (a bill is "გამოთხოვილი").
  withdrawn: { ka: 'გამოთხოვილი', en: 'Withdrawn' },
};

const FINAL: ReadonlySet<string> = new Set(['in_force', 'rejected', 'withdrawn']);

/** The stages before the chair's signature: the act may be withdrawn or returned for revision from these. */
const BEFORE_SIGNATURE = [
  'drafting',
  'consolidation',
  'legal_review',
  'public_consultation',
  'commission',
  'council_vote',
] as const;

/** The label of returning an act to drafting; the Mayor's order's workflow shares these labels. */
export const RETURN_LABEL: Bilingual = { ka: 'დაბრუნება გადასამუშავებლად', en: 'Return for revision' };
/** The label of withdrawing a draft. */
export const WITHDRAW_LABEL: Bilingual = { ka: 'პროექტის გამოთხოვა', en: 'Withdraw the draft' };
/** The label of rejecting an act. */
export const REJECT_LABEL: Bilingual = { ka: 'უარყოფა', en: 'Reject' };

/**
 * The stages of a built-in workflow from its ids and labels: in force, rejected and withdrawn are final, and
 * public consultation is optional, in the council's workflow and the Mayor's alike.
 */
export function builtInStages<Id extends string>(ids: readonly Id[], labels: Readonly<Record<Id, Bilingual>>): Stage[] {
  return ids.map((id) => ({
    id,
    label: labels[id],
    ...(FINAL.has(id) ? { final: true } : {}),
    ...(id === 'public_consultation' ? { optional: true } : {}),
  }));
}

/**
 * The first moves of every built-in workflow, from drafting through legal review to public consultation.
 * Stage changes are the coordinator's (issue 7's role table); a workspace's own definition may name others.
 */
export const DRAFTING_TRANSITIONS: readonly Transition[] = [
  { from: 'drafting', to: 'consolidation', role: 'coordinator', requires: [] },
  { from: 'consolidation', to: 'legal_review', role: 'coordinator', requires: [] },
  {
    from: 'legal_review',
    to: 'public_consultation',
    role: 'coordinator',
    requires: ['consultationEndDate'],
    onEnter: ['startConsultationDeadline'],
  },
];

const stages: Stage[] = builtInStages(DEFAULT_STAGE_IDS, DEFAULT_STAGE_LABELS);

const transitions: Transition[] = [
  ...DRAFTING_TRANSITIONS,
  {
    from: 'legal_review',
    to: 'commission',
    role: 'coordinator',
    requires: [],
    label: {
      ka: 'კომისიაში წარდგენა საჯარო განხილვის გარეშე',
      en: 'Send to the commission without public consultation',
    },
  },
  { from: 'public_consultation', to: 'commission', role: 'coordinator', requires: [] },
  { from: 'commission', to: 'council_vote', role: 'coordinator', requires: [] },
  { from: 'council_vote', to: 'signature', role: 'coordinator', requires: ['adoptionRecord'] },
  {
    from: 'signature',
    to: 'publication',
    role: 'coordinator',
    // The chairperson's name goes under the act with the date (issue 13 §2).
    requires: ['signingDate', 'signatoryName'],
    onEnter: ['startRegistrationDeadline'],
  },
  { from: 'publication', to: 'in_force', role: 'coordinator', requires: ['publicationRecord'] },
  ...(['commission', 'council_vote'] as const).map((from): Transition => ({
    from,
    to: 'rejected',
    role: 'coordinator',
    requires: ['reason'],
    label: REJECT_LABEL,
  })),
  ...BEFORE_SIGNATURE.map((from): Transition => ({
    from,
    to: 'withdrawn',
    role: 'coordinator',
    requires: ['reason'],
    label: WITHDRAW_LABEL,
  })),
  ...BEFORE_SIGNATURE.filter((from) => from !== 'drafting').map((from): Transition => ({
    from,
    to: 'drafting',
    role: 'coordinator',
    requires: ['reason'],
    label: RETURN_LABEL,
  })),
];

/**
 * The default workflow of a normative act: drafting → consolidation → legal and anti-corruption review →
 * public consultation (optional) → council commission → council vote → chair's signature → submitted for
 * publication → in force. Before signature the act may be returned for revision or withdrawn; the
 * commission or the council may reject it. Drafters move it through the first two steps; the coordinator
 * does the rest.
 */
export const DEFAULT_WORKFLOW: WorkflowDefinition = { stages, transitions };
