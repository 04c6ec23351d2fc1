import { formatActDate } from '../lang/dates';

/**
 * The one place dates and times are written for people (issue 15): every screen and export reads it, so
 * the same event shows the same date and clock time everywhere, in Georgia's time whatever the computer's
 * own zone and locale are.
 *
 * - `shortDateTime` for lists and history: "02.12.2026, 10:21" (day.month.year, 24-hour clock).
 * - `longDate` for the dates of the law (adoption, signature, publication, deadlines), as the acts write them:
 *   "2026 წლის 2 დეკემბერი" / "2 December 2026".
 * - `deadline` adds "(თბილისის დრო)" / "(Tbilisi time)" where the zone matters.
 *
 * A calendar date (YYYY-MM-DD) is taken as is; an instant (ISO with a time) is turned into Tbilisi's wall
 * clock. Unreadable input comes back unchanged, so free text typed by a user survives.
 */

/** Georgia's time zone. Georgia keeps UTC+4 all year, but the zone is named rather than the offset assumed. */
export const GEORGIA_TIME_ZONE = 'Asia/Tbilisi';

/** A language dates are written in: Georgian or English. */
export type DateLanguage = 'ka' | 'en';

/** The words that say a time is Georgia's. */
export const TBILISI_TIME: Readonly<Record<DateLanguage, string>> = { ka: 'თბილისის დრო', en: 'Tbilisi time' };

/** The wall-clock parts of a date or instant in Tbilisi. */
export interface TbilisiParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Null for a calendar date, which has no time of day. */
  readonly hour: number | null;
  readonly minute: number | null;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Latin digits and fixed fields whatever locale data the browser has: only the parts are read, never the
// formatted string, so no locale's order or month names ("2026 M12 2") can leak into the screen.
const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: GEORGIA_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** The Tbilisi wall-clock parts of a calendar date, an ISO instant or a Date; null when unreadable. */
export function tbilisiParts(value: string | Date): TbilisiParts | null {
  if (typeof value === 'string') {
    const date = CALENDAR_DATE.exec(value);
    if (date) {
      const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
      const check = new Date(Date.UTC(year, month - 1, day));
      return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day, hour: null, minute: null } : null;
    }
  }
  const at = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(at)) return null;
  const parts = PARTS.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  // Some engines write midnight as 24 even with h23; it is the start of the same day.
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar date (YYYY-MM-DD) in Tbilisi of a date or instant; null when unreadable. */
export function tbilisiDate(value: string | Date): string | null {
  const p = tbilisiParts(value);
  return p ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : null;
}

/** "02.12.2026": the short date, the same in both languages and the order the date inputs use. */
export function shortDate(value: string | Date): string {
  const p = tbilisiParts(value);
  return p ? `${pad(p.day)}.${pad(p.month)}.${p.year}` : String(value);
}

/** "10:21": the Tbilisi clock time of an instant (empty for a calendar date). */
export function clockTime(value: string | Date): string {
  const p = tbilisiParts(value);
  return p && p.hour !== null && p.minute !== null ? `${pad(p.hour)}:${pad(p.minute)}` : '';
}

/** "02.12.2026, 10:21": for lists and history; a calendar date is shown without a time. */
export function shortDateTime(value: string | Date): string {
  const time = clockTime(value);
  return time ? `${shortDate(value)}, ${time}` : shortDate(value);
}

/** "2026 წლის 2 დეკემბერი" / "2 December 2026": the date as the acts write it, of Tbilisi's day. */
export function longDate(value: string | Date, language: DateLanguage): string {
  const day = tbilisiDate(value);
  return day ? formatActDate(day, language) : String(value);
}

/** A deadline, its zone stated: "2026 წლის 2 დეკემბერი (თბილისის დრო)", with the time when it has one. */
export function deadline(value: string | Date, language: DateLanguage): string {
  const time = clockTime(value);
  return `${longDate(value, language)}${time ? `, ${time}` : ''} (${TBILISI_TIME[language]})`;
}

/** The UI language as this module names it (anything but English is Georgian, the first language). */
export function dateLanguage(uiLanguage: string): DateLanguage {
  return uiLanguage === 'en' ? 'en' : 'ka';
}

const DAY_MONTH_YEAR = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/;

/** Reads "2.12.2026" or "02.12.2026" (also with / or -) as the calendar date 2026-12-02; null when not a real date. */
export function parseDayMonthYear(raw: string): string | null {
  const m = DAY_MONTH_YEAR.exec(raw);
  if (!m) return null;
  const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return tbilisiParts(iso) ? iso : null;
}
