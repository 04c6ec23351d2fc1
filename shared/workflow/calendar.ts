import { isIsoDate } from '../lang/dates';

/** A calendar date written YYYY-MM-DD, as deadlines and requirement records carry it. */
export type IsoDate = string;

/**
 * Georgia keeps UTC+4 all year (no daylight saving since 2005), so "today" for a deadline of a Georgian
 * municipality is the date at this offset, whatever the time zone of the server or the browser.
 */
export const GEORGIA_UTC_OFFSET_MINUTES = 240;

const DAY_MS = 86_400_000;

/** The date in Georgia at the instant `now`. */
export function georgianDate(now: Date): IsoDate {
  return new Date(now.getTime() + GEORGIA_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!isIsoDate(date)) throw new Error(`Expected a YYYY-MM-DD date, got '${date}'`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from the instant `since` to `now`; 0 when `since` is not a readable timestamp or lies ahead. */
export function wholeDaysBetween(since: string, now: Date): number {
  const start = Date.parse(since);
  if (Number.isNaN(start)) return 0;
  return Math.max(0, Math.floor((now.getTime() - start) / DAY_MS));
}
