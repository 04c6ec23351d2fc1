import { z } from 'zod';
import { parseDocId } from '../ids';

/** The number of entries `GET /api/audit` answers when the query does not say. */
export const AUDIT_PAGE_DEFAULT = 100;
/** The most entries one `GET /api/audit` answers. */
export const AUDIT_PAGE_MAX = 1000;

const shown = (input: unknown): string =>
  typeof input === 'string'
    ? `'${input.slice(0, 80)}'`
    : (JSON.stringify(input)?.slice(0, 80) ?? String(input));

/** A whole number in a query string, with a message naming the value it got. */
const wholeNumber = (name: string, min: number, max: number, expected: string) =>
  z
    .string({ error: (issue) => `Invalid ${name} ${shown(issue.input)}: expected one value, ${expected}` })
    .regex(/^\d{1,16}$/, { error: (issue) => `Invalid ${name} ${shown(issue.input)}: expected ${expected}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, {
      error: (issue) => `Invalid ${name} '${String(issue.input)}': expected ${expected}`,
    });

/**
 * `GET /api/audit?docId=&after=&limit=`: the entries of one act (or of the whole workspace), those after the
 * entry `after` (seq), oldest first, at most `limit` (default 100, at most 1000). A client pages on by
 * passing the last seq it got as `after`. Unknown parameters are refused, so a typo never widens the answer.
 */
export const AuditQuery = z.strictObject(
  {
    docId: z
      .string({ error: (issue) => `Invalid docId ${shown(issue.input)}: expected one document id` })
      .superRefine((raw, ctx) => {
        const parsed = parseDocId(raw);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
      })
      .optional(),
    after: wholeNumber(
      'after',
      0,
      Number.MAX_SAFE_INTEGER,
      'the seq of an entry, a whole number >= 0',
    ).optional(),
    limit: wholeNumber('limit', 1, AUDIT_PAGE_MAX, `a whole number from 1 to ${AUDIT_PAGE_MAX}`).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter ${issue.keys.map((k) => `'${k.slice(0, 40)}'`).join(', ')}: expected docId, after, limit`
        : undefined,
  },
);
/** A parsed audit query. */
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One entry of the audit log as the API shows it; `payload` is what the action recorded. */
export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  /** A member id, or 'system' for what the workspace did itself (e.g. a restore). */
  readonly actor: string;
  /** Dotted, e.g. 'stage.transition', 'template.saved'. */
  readonly action: string;
  readonly docId: string | null;
  readonly payload: unknown;
}

/** `GET /api/audit`: entries oldest first. */
export interface AuditListResponse {
  readonly entries: readonly AuditEntryView[];
}
