import type { Outcome } from '../../shared/api/review';
import { longDate } from '../../shared/format/dates';
import type { Language } from '../../shared/lang/language';
import type { SuggestionInState } from '../suggestions/suggestionService';
import type { ThreadInState } from './commentService';

/** One row of the "comments and responses" table the working group hands to the council commission. */
export interface RecordRow {
  readonly index: number;
  /** The article with its number in the exported state ("მუხლი 3"), or where the text was. */
  readonly article: string;
  /** The text as it was commented on, or the text a suggestion would replace. */
  readonly quote: string;
  /** A suggestion's new text (its words for a deletion); '' for a comment. */
  readonly proposal: string;
  /** The comment, or a suggestion's note. */
  readonly comment: string;
  readonly author: string;
  readonly date: string;
  /** The outcome in words, or "open". */
  readonly outcome: string;
  readonly reason: string;
  /** Replies, one a line: "name (date): text". */
  readonly replies: string;
  readonly publicConsultation: boolean;
  readonly textRemoved: boolean;
}

/** The words of the record, in the act's language. */
export const RECORD_WORDS: Readonly<
  Record<
    Language,
    {
      title: string;
      columns: readonly string[];
      outcomes: Record<Outcome | 'open', string>;
      /** An open suggestion whose quote no longer stands. */
      stale: string;
      /** The proposed text of a suggestion that deletes its quote. */
      deletion: string;
      removed: string;
      consultation: string;
      version: string;
      current: string;
    }
  >
> = {
  ka: {
    title: 'შენიშვნები და პასუხები',
    columns: ['№', 'მუხლი', 'ციტირებული ტექსტი', 'შემოთავაზებული ტექსტი', 'შენიშვნა', 'ავტორი', 'თარიღი', 'შედეგი', 'დასაბუთება', 'პასუხები', 'საჯარო განხილვა'],
    outcomes: { accepted: 'გათვალისწინებულია', partly_accepted: 'ნაწილობრივ გათვალისწინებულია', rejected: 'არ არის გათვალისწინებული', open: 'განსახილველია' },
    stale: 'განსახილველია (ციტირებული ტექსტი შეიცვალა)',
    deletion: '(ამოღება)',
    removed: 'ტექსტი წაშლილია',
    consultation: 'საჯარო განხილვის შენიშვნა',
    version: 'ვერსია',
    current: 'მიმდინარე ტექსტი',
  },
  en: {
    title: 'Comments and responses',
    columns: ['No.', 'Article', 'Quoted text', 'Proposed text', 'Comment', 'Author', 'Date', 'Outcome', 'Reason', 'Replies', 'Public consultation'],
    outcomes: { accepted: 'Accepted', partly_accepted: 'Partly accepted', rejected: 'Rejected', open: 'Open' },
    stale: 'Open (the quoted text has changed)',
    deletion: '(delete)',
    removed: 'text removed',
    consultation: 'public-consultation comment',
    version: 'Version',
    current: 'Current text',
  },
};

// The day in Tbilisi: a comment made at 01:00 there on the 3rd is dated the 3rd, not UTC's 2nd.
const day = (iso: string, language: Language): string => longDate(iso, language);

/**
 * The rows of the record for the threads and suggestions of one state of the act, in document order: a
 * council commission treats a suggestion as it treats a comment (issue 12), so each is one row, with the
 * quoted text and the proposed one.
 */
export function recordRows(threads: readonly ThreadInState[], language: Language, suggestions: readonly SuggestionInState[] = []): RecordRow[] {
  const items = [
    ...threads.map((t) => ({ order: t.placement.resolved.order, at: t.thread.createdAt, row: threadRow(t, language) })),
    ...suggestions.map((s) => ({ order: s.placement.order, at: s.suggestion.createdAt, row: suggestionRow(s, language) })),
  ];
  // A stable sort: threads come in document order already, and rows at one place keep the order they were made in.
  items.sort((a, b) => a.order - b.order || a.at.localeCompare(b.at));
  return items.map(({ row }, i) => ({ ...row, index: i + 1 }));
}

function threadRow({ thread, replies, placement }: ThreadInState, language: Language): RecordRow {
  const words = RECORD_WORDS[language];
  const removed = placement.resolved.state !== 'anchored';
  const article = placement.resolved.articleLabel || '—';
  return {
    index: 0,
    article: removed ? `${article} (${words.removed})` : article,
    quote: thread.quote,
    proposal: '',
    comment: thread.text,
    author: thread.author.name,
    date: day(thread.createdAt, language),
    outcome: words.outcomes[thread.resolution?.outcome ?? 'open'],
    reason: thread.resolution?.reason ?? '',
    replies: replies.map((r) => `${r.author.name} (${day(r.createdAt, language)}): ${r.text}`).join('\n'),
    publicConsultation: thread.publicConsultation,
    textRemoved: removed,
  };
}

function suggestionRow({ suggestion, placement }: SuggestionInState, language: Language): RecordRow {
  const words = RECORD_WORDS[language];
  return {
    index: 0,
    article: placement.articleLabel || '—',
    quote: suggestion.quote,
    proposal: suggestion.text || words.deletion,
    comment: suggestion.note ?? '',
    author: suggestion.author.name,
    date: day(suggestion.createdAt, language),
    outcome: placement.status === 'stale' ? words.stale : words.outcomes[placement.status],
    reason: suggestion.decision?.reason ?? '',
    replies: '',
    publicConsultation: suggestion.publicConsultation,
    textRemoved: false,
  };
}

// What a spreadsheet takes as the start of a formula (OWASP "CSV Injection"): = + - @, tab and carriage return.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field per RFC 4180 (quoted when it holds a comma, quote or line break, quotes doubled), after a
 * cell that a spreadsheet would run as a formula is neutralised by a leading `'` (issue 11, point 8): a
 * comment "=HYPERLINK(…)" must reach the commission as text, not as a link that runs on opening.
 */
export function csvField(raw: string): string {
  const value = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The record as CSV (RFC 4180: CRLF line ends, quoted fields), with a UTF-8 byte-order mark so that Excel
 * opens Georgian text right.
 */
export function recordCsv(rows: readonly RecordRow[], language: Language): Uint8Array {
  const words = RECORD_WORDS[language];
  const yes = language === 'ka' ? 'დიახ' : 'yes';
  const lines = [words.columns.map(csvField).join(',')];
  for (const row of rows) {
    const fields = [String(row.index), row.article, row.quote, row.proposal, row.comment, row.author, row.date, row.outcome, row.reason, row.replies, row.publicConsultation ? yes : ''];
    lines.push(fields.map(csvField).join(','));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
