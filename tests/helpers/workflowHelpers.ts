import { addDays, georgianDate } from '../../shared/workflow/calendar';
import { makeReady } from './readinessHelpers';
import { api } from './testServer';

/**
 * A member's API caller, as the workflow tests use it. `caller` also says whose it is, for helpers that must
 * write through the sync endpoint too (the explanatory note has no write route).
 */
export type Call = ((method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>) & {
  readonly server?: { url: string };
  readonly token?: string;
};

/** A caller for one member's token. */
export function caller(server: { url: string }, token: string): Call {
  return Object.assign((method: string, path: string, body?: unknown) => api(server, token, method, path, body), { server, token });
}

/** Today in Georgia, as the workflow's date checks see it. */
export const TODAY = georgianDate(new Date());
/** A passing council vote recorded today. */
export const ADOPTION = { actNumber: '12', adoptionDate: TODAY, votesFor: 9, votesAgainst: 2, abstained: 1 } as const;
/** The chairperson signed today; the name goes under the act (issue 13 §2). */
export const SIGNING = { signingDate: TODAY, signatoryName: 'ნინო ბერიძე' } as const;
/** The Legislative Herald registered and published the act today. */
export const PUBLICATION = { registrationCode: '010250000.35.101.016261', publicationDate: TODAY } as const;

/** One move of the walk: the body of POST /transitions. */
export interface Step {
  readonly to: string;
  readonly note?: string;
  readonly data?: object;
  /** A coordinator's override of the readiness warnings, with its reason (issue 13, §1). */
  readonly overrideWarnings?: { readonly reason: string };
}

/** Drafting to in force through the public consultation, with a note on two moves. */
export const THROUGH_CONSULTATION: readonly Step[] = [
  { to: 'consolidation' },
  { to: 'legal_review', note: 'The working group agreed on the text' },
  { to: 'public_consultation', data: { consultationEndDate: addDays(TODAY, 14) } },
  { to: 'commission' },
  { to: 'council_vote' },
  { to: 'signature', data: ADOPTION, note: 'Adopted at the session of the Sakrebulo' },
  { to: 'publication', data: SIGNING },
  { to: 'in_force', data: PUBLICATION },
];

/** Drafting to in force straight from legal review to the commission. */
export const WITHOUT_CONSULTATION: readonly Step[] = [
  { to: 'consolidation' },
  { to: 'legal_review' },
  { to: 'commission' },
  { to: 'council_vote' },
  { to: 'signature', data: ADOPTION },
  { to: 'publication', data: SIGNING },
  { to: 'in_force', data: PUBLICATION },
];

/**
 * Lawyers approve every article (issue 5's sign-off), which an act needs before it leaves legal review
 * forward. A workspace without the review routes has nothing to approve.
 */
export async function approveAllArticles(call: Call, docId: string): Promise<void> {
  const reviews = await call('GET', `/api/documents/${docId}/reviews`);
  if (reviews.status === 404 && reviews.body?.error?.message?.startsWith('No route')) return;
  for (const article of reviews.body.articles ?? []) {
    if (article.status === 'approved') continue;
    const decided = await call('PUT', `/api/documents/${docId}/reviews/${article.articleKey}`, { status: 'approved', textHash: article.currentTextHash });
    if (decided.status !== 200) throw new Error(`Could not approve ${article.label}: ${JSON.stringify(decided.body)}`);
  }
}

/**
 * Moves an act through the steps; each move must succeed. In legal review it first makes the act ready for
 * the council (issue 13, §1: blanks filled, title in form, entry into force), then lawyers approve its articles.
 */
export async function walk(call: Call, docId: string, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    const current = (await call('GET', `/api/documents/${docId}/stages`)).body.current;
    if (current === 'legal_review') {
      await makeReady(call, docId);
      await approveAllArticles(call, docId);
    }
    const moved = await call('POST', `/api/documents/${docId}/transitions`, step);
    if (moved.status !== 200 || moved.body.current !== step.to) {
      throw new Error(`Expected ${docId} to move to ${step.to}, got ${moved.status} ${JSON.stringify(moved.body)}`);
    }
  }
}
