import { describe, expect, test } from 'vitest';
import type { Parsed } from '../parsed';
import {
  availableTransitions,
  daysInStage,
  isTextLocked,
  nextDueDate,
  planTransition,
  stageEntryFor,
  type StageEntry,
  type TransitionPlan,
  type TransitionRequest,
} from './stateMachine';
import { DEFAULT_STAGE_IDS, DEFAULT_WORKFLOW } from './defaultWorkflow';
import type { Requirement, Role } from './workflowDefinition';

// 12:00 in Tbilisi on 10 March 2026.
const NOW = new Date('2026-03-10T08:00:00Z');

const ADOPTION = { actNumber: '12', adoptionDate: '2026-03-05', votesFor: 9, votesAgainst: 2, abstained: 1 };
const SIGNING = { signingDate: '2026-03-07', signatoryName: 'ნინო ბერიძე' };
const PUBLICATION = { registrationCode: '010250000.35.101.016261', publicationDate: '2026-03-09' };
const CONSULTATION = { consultationEndDate: '2026-04-01' };

/** Data and note that satisfy every requirement of a transition. */
function satisfying(requires: readonly Requirement[]): TransitionRequest['data'] {
  const all: Record<Requirement, object> = {
    adoptionRecord: ADOPTION,
    signingDate: SIGNING,
    signatoryName: { signatoryName: SIGNING.signatoryName },
    orderRecord: { actNumber: '4', adoptionDate: '2026-03-05' },
    publicationRecord: PUBLICATION,
    consultationEndDate: CONSULTATION,
    reason: {},
  };
  return Object.assign({}, ...requires.map((r) => all[r]));
}

const START: StageEntry = { stage: 'drafting', enteredAt: '2026-01-10T09:00:00.000Z' };

function plan(
  current: string,
  request: TransitionRequest,
  history: readonly StageEntry[] = [START],
  role: Role = 'coordinator',
  now = NOW,
): Parsed<TransitionPlan> {
  return planTransition(DEFAULT_WORKFLOW, current, request, { role }, history, now);
}

function errorOf(result: Parsed<unknown>): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

/** Moves a document along `path` from drafting, as the server would, and returns its history. */
function walk(path: readonly (readonly [string, TransitionRequest['data']?])[]): StageEntry[] {
  const history: StageEntry[] = [START];
  for (const [to, data] of path) {
    const current = history.at(-1)!.stage;
    const result = plan(current, { to, note: `to ${to}`, ...(data ? { data } : {}) }, history);
    if (!result.ok) throw new Error(result.error);
    history.push(stageEntryFor(result.value, NOW));
  }
  return history;
}

const MAIN_PATH = [
  ['consolidation'],
  ['legal_review'],
  ['public_consultation', CONSULTATION],
  ['commission'],
  ['council_vote'],
  ['signature', ADOPTION],
  ['publication', SIGNING],
  ['in_force', PUBLICATION],
] as const;

/** The moves the brief asks for, written out by hand so the definition is checked against them. */
const LEGAL_MOVES = new Set([
  'drafting→consolidation',
  'consolidation→legal_review',
  'legal_review→public_consultation',
  'legal_review→commission',
  'public_consultation→commission',
  'commission→council_vote',
  'council_vote→signature',
  'signature→publication',
  'publication→in_force',
  'commission→rejected',
  'council_vote→rejected',
  ...['drafting', 'consolidation', 'legal_review', 'public_consultation', 'commission', 'council_vote'].map(
    (s) => `${s}→withdrawn`,
  ),
  ...['consolidation', 'legal_review', 'public_consultation', 'commission', 'council_vote'].map(
    (s) => `${s}→drafting`,
  ),
]);
const FINAL = ['in_force', 'rejected', 'withdrawn'];

describe('legal paths of the default workflow', () => {
  test('an act walks from drafting to in force through public consultation', () => {
    const history = walk(MAIN_PATH);
    expect(history.map((e) => e.stage)).toEqual(['drafting', ...MAIN_PATH.map(([to]) => to)]);
    expect(history.at(-1)?.data).toEqual(PUBLICATION);
    expect(history[6]?.data).toEqual(ADOPTION);
    expect(history[3]?.note).toBe('to public_consultation');
  });

  test('an act walks from drafting to in force without public consultation', () => {
    const path = MAIN_PATH.filter(([to]) => to !== 'public_consultation');
    expect(walk(path).at(-1)?.stage).toBe('in_force');
  });

  test('the definition allows exactly the moves of the brief, and each fires with its data', () => {
    const defined = DEFAULT_WORKFLOW.transitions.map((t) => `${t.from}→${t.to}`);
    expect(new Set(defined)).toEqual(LEGAL_MOVES);
    for (const t of DEFAULT_WORKFLOW.transitions) {
      const result = plan(t.from, { to: t.to, note: 'because', data: satisfying(t.requires) }, [
        START,
        { stage: t.from, enteredAt: NOW.toISOString() },
      ]);
      expect(result.ok, `${t.from} → ${t.to}: ${result.ok ? '' : result.error}`).toBe(true);
    }
  });

  test('a document returned for revision is back in drafting and can start again', () => {
    const history = walk([['consolidation'], ['legal_review'], ['drafting'], ['consolidation']]);
    expect(history.map((e) => e.stage)).toEqual([
      'drafting',
      'consolidation',
      'legal_review',
      'drafting',
      'consolidation',
    ]);
  });
});

describe('illegal moves', () => {
  test('every pair of stages the workflow does not join is refused with the allowed next stages', () => {
    let refused = 0;
    for (const from of DEFAULT_STAGE_IDS) {
      const allowed = DEFAULT_STAGE_IDS.filter((to) => LEGAL_MOVES.has(`${from}→${to}`));
      for (const to of DEFAULT_STAGE_IDS) {
        if (LEGAL_MOVES.has(`${from}→${to}`)) continue;
        const error = errorOf(
          plan(from, {
            to,
            note: 'because',
            data: satisfying(['adoptionRecord', 'signingDate', 'publicationRecord', 'consultationEndDate']),
          }),
        );
        refused++;
        if (FINAL.includes(from))
          expect(error).toBe(`Cannot move from '${from}': it is a final stage, so the document stays there`);
        else
          expect(error).toBe(
            `Cannot move from '${from}' to '${to}': allowed next stages are ${allowed.join(', ')}`,
          );
      }
    }
    expect(refused).toBe(DEFAULT_STAGE_IDS.length ** 2 - LEGAL_MOVES.size);
  });

  test('a jump from drafting to the council vote names the next stages', () => {
    expect(errorOf(plan('drafting', { to: 'council_vote' }))).toBe(
      "Cannot move from 'drafting' to 'council_vote': allowed next stages are consolidation, withdrawn",
    );
  });

  test('an unknown stage is refused with the list of stages', () => {
    expect(errorOf(plan('council_vote', { to: 'adoptd' }))).toBe(
      `Invalid stage 'adoptd': expected one of ${DEFAULT_STAGE_IDS.join(', ')}`,
    );
  });

  test('a document in an unknown stage cannot move', () => {
    expect(errorOf(plan('archived', { to: 'drafting' }))).toMatch(
      /^Current stage 'archived' is not in this workflow/,
    );
  });

  test('after signature the act can no longer be withdrawn or returned', () => {
    expect(errorOf(plan('signature', { to: 'withdrawn', note: 'x' }))).toBe(
      "Cannot move from 'signature' to 'withdrawn': allowed next stages are publication",
    );
    expect(errorOf(plan('publication', { to: 'drafting', note: 'x' }))).toMatch(
      /allowed next stages are in_force$/,
    );
  });
});

describe('roles', () => {
  test('an observer may not move a document', () => {
    expect(errorOf(plan('drafting', { to: 'consolidation' }, [START], 'observer'))).toBe(
      "Role 'observer' may not move a document from 'drafting' to 'consolidation': expected coordinator",
    );
  });

  test('in the default workflow stage changes are the coordinator’s; a drafter is refused with the role named', () => {
    expect(errorOf(plan('drafting', { to: 'consolidation' }, [START], 'drafter'))).toBe(
      "Role 'drafter' may not move a document from 'drafting' to 'consolidation': expected coordinator",
    );
    expect(errorOf(plan('legal_review', { to: 'commission' }, [START], 'drafter'))).toBe(
      "Role 'drafter' may not move a document from 'legal_review' to 'commission': expected coordinator",
    );
    expect(errorOf(plan('drafting', { to: 'withdrawn', note: 'x' }, [START], 'drafter'))).toMatch(
      /^Role 'drafter' may not/,
    );
  });

  test('a reviewer may not move a document, and an unknown role is refused', () => {
    expect(errorOf(plan('drafting', { to: 'consolidation' }, [START], 'reviewer'))).toMatch(
      /^Role 'reviewer' may not/,
    );
    expect(errorOf(plan('drafting', { to: 'consolidation' }, [START], 'mayor' as Role))).toBe(
      "Invalid role 'mayor': expected one of coordinator, drafter, reviewer, observer",
    );
  });

  test('the stage panel offers each role only the moves it may make', () => {
    const targets = (stage: string, role: Role) =>
      availableTransitions(DEFAULT_WORKFLOW, stage, role).map((t) => t.to);
    expect(targets('drafting', 'drafter')).toEqual([]);
    expect(targets('drafting', 'coordinator')).toEqual(['consolidation', 'withdrawn']);
    expect(targets('commission', 'coordinator')).toEqual([
      'drafting',
      'council_vote',
      'rejected',
      'withdrawn',
    ]);
    expect(targets('drafting', 'observer')).toEqual([]);
    expect(targets('in_force', 'coordinator')).toEqual([]);
  });
});

describe('requirements', () => {
  const vote = (data: Record<string, unknown>) => plan('council_vote', { to: 'signature', data });

  test('leaving the council vote without an adoption record is refused', () => {
    expect(errorOf(plan('council_vote', { to: 'signature' }))).toBe(
      "Missing actNumber: moving from 'council_vote' to 'signature' needs the adoption record: actNumber, adoptionDate, votesFor, votesAgainst and abstained",
    );
    expect(errorOf(vote({ ...ADOPTION, votesFor: undefined }))).toMatch(/^Missing votesFor: /);
  });

  test('an adoption date that is not a real YYYY-MM-DD date is refused', () => {
    for (const adoptionDate of ['2026-02-30', '2026-3-5', '05.03.2026', '2026-03-05T10:00']) {
      expect(errorOf(vote({ ...ADOPTION, adoptionDate }))).toBe(
        `Invalid adoptionDate '${adoptionDate}': expected a real calendar date written YYYY-MM-DD`,
      );
    }
    expect(errorOf(vote({ ...ADOPTION, adoptionDate: '2026-03-11' }))).toBe(
      "Invalid adoptionDate '2026-03-11': expected a date not after today (2026-03-10)",
    );
  });

  test('negative or fractional votes are refused', () => {
    expect(errorOf(vote({ ...ADOPTION, votesAgainst: -1 }))).toBe(
      "Invalid votesAgainst '-1': expected a non-negative whole number",
    );
    expect(errorOf(vote({ ...ADOPTION, abstained: 1.5 }))).toBe(
      "Invalid abstained '1.5': expected a non-negative whole number",
    );
    expect(errorOf(vote({ ...ADOPTION, votesFor: 'nine' }))).toBe(
      "Invalid votesFor 'nine': expected a non-negative whole number",
    );
  });

  test('a vote that did not pass is refused', () => {
    expect(errorOf(vote({ ...ADOPTION, votesFor: 5, votesAgainst: 5, abstained: 3 }))).toBe(
      'The vote did not pass: 5 for, 5 against, 3 abstained; an act is adopted only with more votes for than against (record it as rejected instead)',
    );
  });

  test('the adoption record is normalised and other fields are dropped', () => {
    const result = vote({
      actNumber: ' 12 ',
      adoptionDate: '2026-03-05',
      votesFor: '9',
      votesAgainst: 0,
      abstained: '0',
      extra: 'x',
    });
    expect(result.ok && result.value.data).toEqual({
      actNumber: '12',
      adoptionDate: '2026-03-05',
      votesFor: 9,
      votesAgainst: 0,
      abstained: 0,
    });
  });

  test('the signing date is required, and cannot precede the adoption', () => {
    const adopted = walk(MAIN_PATH.slice(0, 6));
    const sign = (data?: Record<string, unknown>) =>
      plan('signature', { to: 'publication', ...(data ? { data } : {}) }, adopted);
    expect(errorOf(sign())).toBe(
      "Missing signingDate: moving from 'signature' to 'publication' needs the date the chairperson signed the act",
    );
    expect(errorOf(sign({ signingDate: '2026-03-04' }))).toBe(
      "Invalid signingDate '2026-03-04': expected a date on or after the adoption date 2026-03-05",
    );
    expect(sign(SIGNING).ok).toBe(true);
  });

  test('entry into force needs the registration code and a publication date after signing', () => {
    const published = walk(MAIN_PATH.slice(0, 7));
    const enter = (data: Record<string, unknown>) => plan('publication', { to: 'in_force', data }, published);
    expect(errorOf(enter({ publicationDate: '2026-03-09' }))).toMatch(/^Missing registrationCode: /);
    expect(errorOf(enter({ ...PUBLICATION, registrationCode: 'ABC-1' }))).toMatch(
      /^Invalid registrationCode 'ABC-1': expected the Legislative Herald's code/,
    );
    expect(errorOf(enter({ ...PUBLICATION, publicationDate: '2026-03-06' }))).toBe(
      "Invalid publicationDate '2026-03-06': expected a date on or after the signing date 2026-03-07",
    );
  });

  test('a public consultation must end after today', () => {
    const consult = (consultationEndDate: string) =>
      plan('legal_review', { to: 'public_consultation', data: { consultationEndDate } });
    expect(errorOf(consult('2026-03-10'))).toBe(
      "Invalid consultationEndDate '2026-03-10': expected a date after today (2026-03-10)",
    );
    const result = consult('2026-03-11');
    expect(result.ok && result.value.deadlines).toEqual([{ kind: 'consultation_end', due: '2026-03-11' }]);
  });

  test('returning, rejecting and withdrawing need a note that says why, and the note is kept', () => {
    expect(errorOf(plan('commission', { to: 'rejected', note: '  ' }))).toBe(
      "Missing note: moving from 'commission' to 'rejected' needs a note that says why",
    );
    const result = plan('legal_review', { to: 'drafting', note: ' Article 3 conflicts with the Code ' });
    expect(result.ok && result.value.note).toBe('Article 3 conflicts with the Code');
    expect(errorOf(plan('drafting', { to: 'consolidation', note: 'x'.repeat(2001) }))).toBe(
      'Invalid note: expected at most 2000 characters, got 2001',
    );
  });
});

describe('final stages', () => {
  test('refuse every move', () => {
    for (const from of FINAL) {
      for (const to of DEFAULT_STAGE_IDS) {
        expect(errorOf(plan(from, { to, note: 'x' }))).toBe(
          `Cannot move from '${from}': it is a final stage, so the document stays there`,
        );
      }
    }
  });
});

describe('deadlines and the dashboard', () => {
  test('entering publication starts a registration deadline 10 days after signing', () => {
    const history = walk(MAIN_PATH.slice(0, 7));
    expect(history.at(-1)?.deadlines).toEqual([{ kind: 'registration', due: '2026-03-17' }]);
    const signedInFebruary = plan('signature', { to: 'publication', data: { ...SIGNING, signingDate: '2026-02-25' } }, [
      START,
    ]);
    expect(signedInFebruary.ok && signedInFebruary.value.deadlines).toEqual([
      { kind: 'registration', due: '2026-03-07' },
    ]);
  });

  test('the registration deadline becomes overdue on the day after it, in Georgian time', () => {
    const history = walk(MAIN_PATH.slice(0, 7));
    expect(nextDueDate(history, new Date('2026-03-17T19:59:00Z'))).toEqual({
      kind: 'registration',
      due: '2026-03-17',
      overdue: false,
    });
    // 20:30 UTC on the 17th is already 00:30 on the 18th in Tbilisi.
    expect(nextDueDate(history, new Date('2026-03-17T20:30:00Z'))).toEqual({
      kind: 'registration',
      due: '2026-03-17',
      overdue: true,
    });
  });

  test('the consultation end is the due date while in public consultation, and nothing is due elsewhere', () => {
    const history = walk(MAIN_PATH.slice(0, 3));
    expect(nextDueDate(history, NOW)).toEqual({
      kind: 'consultation_end',
      due: '2026-04-01',
      overdue: false,
    });
    expect(nextDueDate(walk(MAIN_PATH.slice(0, 4)), NOW)).toBeNull();
    expect(nextDueDate(walk(MAIN_PATH), NOW)).toBeNull();
    expect(nextDueDate([], NOW)).toBeNull();
  });

  test('the text locks once the act leaves the council vote for signature', () => {
    const history = walk(MAIN_PATH);
    const locked = history.map((entry, i) => isTextLocked(entry.stage, history.slice(0, i + 1)));
    expect(locked).toEqual([false, false, false, false, false, false, true, true, true]);
    expect(
      isTextLocked('rejected', walk([['consolidation'], ['legal_review'], ['commission'], ['rejected']])),
    ).toBe(false);
    expect(isTextLocked('publication', [])).toBe(true);
  });

  test('days in stage counts whole days since the stage was entered', () => {
    expect(daysInStage([START], new Date('2026-01-13T08:59:00Z'))).toBe(2);
    expect(daysInStage([START], new Date('2026-01-13T09:00:00Z'))).toBe(3);
    expect(daysInStage([], NOW)).toBe(0);
  });
});
