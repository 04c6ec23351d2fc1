import type { Bilingual } from '../lang/language';
import { builtInStages, DEFAULT_STAGE_LABELS, DRAFTING_TRANSITIONS, REJECT_LABEL, RETURN_LABEL, WITHDRAW_LABEL } from './defaultWorkflow';
import type { Stage, Transition, WorkflowDefinition } from './workflowDefinition';

/**
 * The stages of a Mayor's order (issue 13 §5): the council's commission and vote are left out, and the
 * signature is the Mayor's. The ids are the default workflow's, so the text lock, the dashboard and the
 * deadlines read them as they read a council act's.
 */
export const MAYOR_STAGE_IDS = [
  'drafting',
  'consolidation',
  'legal_review',
  'public_consultation',
  'signature',
  'publication',
  'in_force',
  'rejected',
  'withdrawn',
] as const;
/** A stage id of the Mayor's order's workflow. */
export type MayorStageId = (typeof MAYOR_STAGE_IDS)[number];

const LABELS: Readonly<Record<MayorStageId, Bilingual>> = {
  ...DEFAULT_STAGE_LABELS,
  signature: { ka: 'მერის ხელმოწერა', en: "Mayor's signature" },
};

/** Until the Mayor signs, the order is a draft: it may be withdrawn or returned for revision from these. */
const BEFORE_SIGNING = ['drafting', 'consolidation', 'legal_review', 'public_consultation'] as const;

const stages: Stage[] = builtInStages(MAYOR_STAGE_IDS, LABELS);

const transitions: Transition[] = [
  ...DRAFTING_TRANSITIONS,
  {
    from: 'legal_review',
    to: 'signature',
    role: 'coordinator',
    requires: [],
    label: { ka: 'მერისთვის ხელმოსაწერად წარდგენა საჯარო განხილვის გარეშე', en: "Send for the Mayor's signature without public consultation" },
  },
  { from: 'public_consultation', to: 'signature', role: 'coordinator', requires: [] },
  // The order is adopted when the Mayor signs it: its number, its date and the Mayor's name, all at once.
  {
    from: 'signature',
    to: 'publication',
    role: 'coordinator',
    requires: ['orderRecord', 'signatoryName'],
    onEnter: ['startRegistrationDeadline'],
  },
  { from: 'publication', to: 'in_force', role: 'coordinator', requires: ['publicationRecord'] },
  { from: 'signature', to: 'rejected', role: 'coordinator', requires: ['reason'], label: REJECT_LABEL },
  // Not yet signed, so the Mayor may still send it back: the text opens again in drafting.
  { from: 'signature', to: 'drafting', role: 'coordinator', requires: ['reason'], label: RETURN_LABEL },
  ...BEFORE_SIGNING.map((from): Transition => ({ from, to: 'withdrawn', role: 'coordinator', requires: ['reason'], label: WITHDRAW_LABEL })),
  ...BEFORE_SIGNING.filter((from) => from !== 'drafting').map((from): Transition => ({
    from,
    to: 'drafting',
    role: 'coordinator',
    requires: ['reason'],
    label: RETURN_LABEL,
  })),
];

/**
 * The workflow of a Mayor's order: drafting → consolidation → legal and anti-corruption review → public
 * consultation (optional) → the Mayor's signature (number, date and name recorded) → submitted for
 * publication → in force.
 */
export const MAYOR_ORDER_WORKFLOW: WorkflowDefinition = { stages, transitions };
