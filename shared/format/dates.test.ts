import { describe, expect, test } from 'vitest';
import { clockTime, deadline, longDate, parseDayMonthYear, shortDate, shortDateTime, tbilisiDate } from './dates';

// Tbilisi is UTC+4 all year: 20:00 UTC is already midnight of the next day there.
const BEFORE_TBILISI_MIDNIGHT = '2026-12-01T19:59:00.000Z';
const AT_TBILISI_MIDNIGHT = '2026-12-01T20:00:00.000Z';
const UTC_MIDNIGHT = '2026-12-02T00:00:00.000Z';
const NEW_YEAR_IN_TBILISI = '2026-12-31T21:30:00.000Z';

describe('one date and time format, in Georgia', () => {
  test('instants become Tbilisi wall-clock dates and times, around midnight UTC and Tbilisi', () => {
    expect(shortDateTime(BEFORE_TBILISI_MIDNIGHT)).toBe('01.12.2026, 23:59');
    expect(shortDateTime(AT_TBILISI_MIDNIGHT)).toBe('02.12.2026, 00:00');
    expect(shortDateTime(UTC_MIDNIGHT)).toBe('02.12.2026, 04:00');
    expect(shortDateTime(NEW_YEAR_IN_TBILISI)).toBe('01.01.2027, 01:30');
    expect(tbilisiDate(new Date(AT_TBILISI_MIDNIGHT))).toBe('2026-12-02');
    expect(clockTime(UTC_MIDNIGHT)).toBe('04:00');
  });

  test('an offset in the input changes nothing: the same instant is the same text', () => {
    expect(shortDateTime('2026-12-02T06:21:00+02:00')).toBe(shortDateTime('2026-12-02T04:21:00Z'));
    expect(shortDateTime('2026-12-02T06:21:00+02:00')).toBe('02.12.2026, 08:21');
  });

  test('long dates as the glossary writes them, in both languages, of the Tbilisi day', () => {
    expect(longDate('2026-12-02', 'ka')).toBe('2026 წლის 2 დეკემბერი');
    expect(longDate('2026-12-02', 'en')).toBe('2 December 2026');
    expect(longDate(BEFORE_TBILISI_MIDNIGHT, 'ka')).toBe('2026 წლის 1 დეკემბერი');
    expect(longDate(AT_TBILISI_MIDNIGHT, 'ka')).toBe('2026 წლის 2 დეკემბერი');
    expect(longDate(NEW_YEAR_IN_TBILISI, 'en')).toBe('1 January 2027');
  });

  test('a calendar date is taken as is, never shifted by a zone', () => {
    expect(shortDate('2026-12-02')).toBe('02.12.2026');
    expect(shortDateTime('2026-12-02')).toBe('02.12.2026');
    expect(clockTime('2026-12-02')).toBe('');
  });

  test('deadlines say that the time is Tbilisi time', () => {
    expect(deadline('2026-12-15', 'ka')).toBe('2026 წლის 15 დეკემბერი (თბილისის დრო)');
    expect(deadline('2026-12-15', 'en')).toBe('15 December 2026 (Tbilisi time)');
    expect(deadline('2026-12-15T19:59:00Z', 'ka')).toBe('2026 წლის 15 დეკემბერი, 23:59 (თბილისის დრო)');
  });

  test('unreadable input comes back unchanged instead of "Invalid Date"', () => {
    expect(shortDateTime('not a date')).toBe('not a date');
    expect(longDate('2026-02-30', 'ka')).toBe('2026-02-30');
    expect(shortDate('')).toBe('');
  });

  test('typed dates are read day first, and impossible ones refused', () => {
    expect(parseDayMonthYear('02.12.2026')).toBe('2026-12-02');
    expect(parseDayMonthYear('2.1.2027')).toBe('2027-01-02');
    expect(parseDayMonthYear(' 15/09/2026 ')).toBe('2026-09-15');
    expect(parseDayMonthYear('12.31.2026')).toBeNull();
    expect(parseDayMonthYear('29.02.2026')).toBeNull();
    expect(parseDayMonthYear('29.02.2028')).toBe('2028-02-29');
    expect(parseDayMonthYear('2026-12-02')).toBeNull();
    expect(parseDayMonthYear('')).toBeNull();
  });
});
