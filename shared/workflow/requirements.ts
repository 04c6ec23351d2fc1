import { isIsoDate } from '../lang/dates';
import { fail, ok, type Parsed } from '../parsed';
import type { IsoDate } from './calendar';
import type { Requirement, StageId } from './workflowDefinition';

/** The council's vote that adopted the act, recorded when it leaves the council vote for signature. */
export interface AdoptionRecord {
  /** The number the act received, e.g. "12" of "დადგენილება №12". */
  readonly actNumber: string;
  readonly adoptionDate: IsoDate;
  readonly votesFor: number;
  readonly votesAgainst: number;
  readonly abstained: number;
}

/** The Legislative Herald's record of the act, given when it enters into force. */
export interface PublicationRecord {
  readonly registrationCode: string;
  readonly publicationDate: IsoDate;
}

/** The validated, normalised data a transition carries; which fields are present depends on its requirements. */
export interface TransitionData extends Partial<AdoptionRecord>, Partial<PublicationRecord> {
  readonly signingDate?: IsoDate;
  /** Who signed the act: the chairperson of the Sakrebulo, or the Mayor for an order (issue 13 §2). */
  readonly signatoryName?: string;
  readonly consultationEndDate?: IsoDate;
}

/** What a requirement check sees: the request, today's date in Georgia and the data recorded earlier. */
export interface RequirementContext {
  readonly from: StageId;
  readonly to: StageId;
  readonly data: Readonly<Record<string, unknown>>;
  readonly note: string | undefined;
  readonly today: IsoDate;
  /**
   * Every field recorded by earlier transitions of this document (the latest value of each), with the fields
   * this request's earlier requirements already gave.
   */
  readonly earlier: TransitionData;
}

const MAX_TEXT = 40;
/** A person's name as it is printed under the act. */
const MAX_NAME = 80;
/** Herald codes are digit groups joined by dots, e.g. 010250000.35.101.016261. */
const REGISTRATION_CODE = /^\d+(?:\.\d+)*$/;
const ADOPTION_FIELDS = 'actNumber, adoptionDate, votesFor, votesAgainst and abstained';

/** Checks one built-in requirement against a transition request and returns the fields it contributes. */
export function checkRequirement(requirement: Requirement, ctx: RequirementContext): Parsed<TransitionData> {
  const move = `moving from '${ctx.from}' to '${ctx.to}'`;
  switch (requirement) {
    case 'adoptionRecord':
      return checkAdoption(ctx, `${move} needs the adoption record: ${ADOPTION_FIELDS}`);
    case 'signingDate': {
      const signed = pastDate(ctx, 'signingDate', `${move} needs the date the chairperson signed the act`);
      if (!signed.ok) return signed;
      const adopted = ctx.earlier.adoptionDate;
      if (adopted && signed.value < adopted) {
        return fail(
          `Invalid signingDate '${signed.value}': expected a date on or after the adoption date ${adopted}`,
        );
      }
      return ok({ signingDate: signed.value });
    }
    case 'signatoryName': {
      const name = shortText(ctx.data, 'signatoryName', `${move} needs the name of the person who signed the act`, MAX_NAME);
      if (!name.ok) return name;
      // A blank is what the act held before: it is not a name, and would leave "______" under the act.
      if (!/\p{L}/u.test(name.value) || /[\p{Cc}\p{Cf}]/u.test(name.value)) {
        return fail(`Invalid signatoryName ${show(name.value)}: expected the signatory's name, in letters`);
      }
      return ok({ signatoryName: name.value.replace(/\s+/gu, ' ') });
    }
    case 'orderRecord': {
      // A Mayor's order is adopted by its signature: its date is the day it was signed (issue 13 §5).
      const why = `${move} needs the order's actNumber and its date, adoptionDate`;
      const actNumber = shortText(ctx.data, 'actNumber', why);
      if (!actNumber.ok) return actNumber;
      const signed = pastDate(ctx, 'adoptionDate', why);
      if (!signed.ok) return signed;
      return ok({ actNumber: actNumber.value, adoptionDate: signed.value, signingDate: signed.value });
    }
    case 'publicationRecord':
      return checkPublication(
        ctx,
        `${move} needs the Legislative Herald's registrationCode and publicationDate`,
      );
    case 'consultationEndDate': {
      const end = date(
        ctx.data,
        'consultationEndDate',
        `${move} needs the last day of the public consultation`,
      );
      if (!end.ok) return end;
      if (end.value <= ctx.today) {
        return fail(`Invalid consultationEndDate '${end.value}': expected a date after today (${ctx.today})`);
      }
      return ok({ consultationEndDate: end.value });
    }
    case 'reason':
      return ctx.note ? ok({}) : fail(`Missing note: ${move} needs a note that says why`);
  }
}

function checkAdoption(ctx: RequirementContext, why: string): Parsed<TransitionData> {
  const actNumber = shortText(ctx.data, 'actNumber', why);
  if (!actNumber.ok) return actNumber;
  const adoptionDate = pastDate(ctx, 'adoptionDate', why);
  if (!adoptionDate.ok) return adoptionDate;
  const votes: number[] = [];
  for (const field of ['votesFor', 'votesAgainst', 'abstained'] as const) {
    const n = count(ctx.data, field, why);
    if (!n.ok) return n;
    votes.push(n.value);
  }
  const [votesFor = 0, votesAgainst = 0, abstained = 0] = votes;
  if (votesFor <= votesAgainst) {
    return fail(
      `The vote did not pass: ${votesFor} for, ${votesAgainst} against, ${abstained} abstained; ` +
        'an act is adopted only with more votes for than against (record it as rejected instead)',
    );
  }
  return ok({
    actNumber: actNumber.value,
    adoptionDate: adoptionDate.value,
    votesFor,
    votesAgainst,
    abstained,
  });
}

function checkPublication(ctx: RequirementContext, why: string): Parsed<TransitionData> {
  const code = shortText(ctx.data, 'registrationCode', why);
  if (!code.ok) return code;
  if (!REGISTRATION_CODE.test(code.value)) {
    return fail(
      `Invalid registrationCode '${code.value}': expected the Legislative Herald's code, digit groups joined by dots (e.g. 010250000.35.101.016261)`,
    );
  }
  const published = pastDate(ctx, 'publicationDate', why);
  if (!published.ok) return published;
  const signed = ctx.earlier.signingDate;
  if (signed && published.value < signed) {
    return fail(
      `Invalid publicationDate '${published.value}': expected a date on or after the signing date ${signed}`,
    );
  }
  return ok({ registrationCode: code.value, publicationDate: published.value });
}

/** A date that has already come: a record of something done cannot be dated in the future. */
function pastDate(ctx: RequirementContext, field: string, why: string): Parsed<IsoDate> {
  const parsed = date(ctx.data, field, why);
  if (parsed.ok && parsed.value > ctx.today) {
    return fail(`Invalid ${field} '${parsed.value}': expected a date not after today (${ctx.today})`);
  }
  return parsed;
}

function date(data: RequirementContext['data'], field: string, why: string): Parsed<IsoDate> {
  const raw = data[field];
  if (raw === undefined || raw === null || raw === '') return fail(`Missing ${field}: ${why}`);
  if (typeof raw !== 'string' || !isIsoDate(raw.trim())) {
    return fail(`Invalid ${field} ${show(raw)}: expected a real calendar date written YYYY-MM-DD`);
  }
  return ok(raw.trim());
}

function count(data: RequirementContext['data'], field: string, why: string): Parsed<number> {
  const raw = data[field];
  if (raw === undefined || raw === null || raw === '') return fail(`Missing ${field}: ${why}`);
  const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    return fail(`Invalid ${field} ${show(raw)}: expected a non-negative whole number`);
  }
  return ok(n);
}

function shortText(data: RequirementContext['data'], field: string, why: string, max = MAX_TEXT): Parsed<string> {
  const raw = data[field];
  const value = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return fail(`Missing ${field}: ${why}`);
  }
  if (typeof value !== 'string' || value.trim().length > max) {
    return fail(`Invalid ${field} ${show(raw)}: expected text of 1 to ${max} characters`);
  }
  return ok(value.trim());
}

function show(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  return `'${text.length > 60 ? `${text.slice(0, 60)}…` : text}'`;
}
