import type { Outcome } from '../../shared/api/review';
import { formatActDate } from '../../shared/lang/dates';
import type { Language } from '../../shared/lang/language';
import type { ThreadInState } from './commentService';

/** One row of the "comments and responses" table the working group hands to the council commission. */
export interface RecordRow {
  readonly index: number;
  /** The article with its number in the exported state ("მუხლი 3"), or where the text was. */
  readonly article: string;
  /** The text as it was commented on. */
  readonly quote: string;
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
  Record<Language, { title: string; columns: readonly string[]; outcomes: Record<Outcome | 'open', string>; removed: string; consultation: string; version: string; current: string }>
> = {
  ka: {
    title: 'შენიშვნები და პასუხები',
    columns: ['№', 'მუხლი', 'ციტირებული ტექსტი', 'შენიშვნა', 'ავტორი', 'თარიღი', 'შედეგი', 'დასაბუთება', 'პასუხები', 'საჯარო განხილვა'],
    outcomes: { accepted: 'გათვალისწინებულია', partly_accepted: 'ნაწილობრივ გათვალისწინებულია', rejected: 'არ არის გათვალისწინებული', open: 'განსახილველია' },
    removed: 'ტექსტი წაშლილია',
    consultation: 'საჯარო განხილვის შენიშვნა',
    version: 'ვერსია',
    current: 'მიმდინარე ტექსტი',
  },
  en: {
    title: 'Comments and responses',
    columns: ['No.', 'Article', 'Quoted text', 'Comment', 'Author', 'Date', 'Outcome', 'Reason', 'Replies', 'Public consultation'],
    outcomes: { accepted: 'Accepted', partly_accepted: 'Partly accepted', rejected: 'Rejected', open: 'Open' },
    removed: 'text removed',
    consultation: 'public-consultation comment',
    version: 'Version',
    current: 'Current text',
  },
};

const day = (iso: string, language: Language): string => formatActDate(iso.slice(0, 10), language);

/** The rows of the record for the threads of one state of the act, in document order. */
export function recordRows(threads: readonly ThreadInState[], language: Language): RecordRow[] {
  const words = RECORD_WORDS[language];
  return threads.map(({ thread, replies, placement }, i) => {
    const removed = placement.resolved.state !== 'anchored';
    const article = placement.resolved.articleLabel || '—';
    return {
      index: i + 1,
      article: removed ? `${article} (${words.removed})` : article,
      quote: thread.quote,
      comment: thread.text,
      author: thread.author.name,
      date: day(thread.createdAt, language),
      outcome: words.outcomes[thread.resolution?.outcome ?? 'open'],
      reason: thread.resolution?.reason ?? '',
      replies: replies.map((r) => `${r.author.name} (${day(r.createdAt, language)}): ${r.text}`).join('\n'),
      publicConsultation: thread.publicConsultation,
      textRemoved: removed,
    };
  });
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
    const fields = [String(row.index), row.article, row.quote, row.comment, row.author, row.date, row.outcome, row.reason, row.replies, row.publicConsultation ? yes : ''];
    lines.push(fields.map(csvField).join(','));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
