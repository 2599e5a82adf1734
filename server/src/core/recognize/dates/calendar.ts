/**
 * Calendar arithmetic on plain day numbers (days since 1970-01-01, proleptic
 * Gregorian, no time zone), so that resolving "last Friday" never depends on the
 * machine's clock or zone.
 */

/** A calendar day; month 1..12, day 1..31. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar day, or undefined when the day does not exist (30 February). */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The calendar day of a day number. */
export function fromDayNumber(n: number): CalendarDay {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Days in a month, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export function weekdayOf(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((n + 4) % 7) + 7) % 7;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** `YYYY-MM-DD` */
export function isoDay(n: number): string {
  const c = fromDayNumber(n);
  return `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)}`;
}

/** `YYYY-MM` */
export function isoMonth(year: number, month: number): string {
  return `${pad4(year)}-${pad2(month)}`;
}

/** `YYYY` */
export function isoYear(year: number): string {
  return pad4(year);
}

/** ISO 8601 week of a day, `YYYY-Www` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(n: number): string {
  const thursday = n - ((weekdayOf(n) + 6) % 7) + 3;
  const year = fromDayNumber(thursday).year;
  const firstThursday = (dayNumber(year, 1, 4) ?? 0);
  const week1Monday = firstThursday - ((weekdayOf(firstThursday) + 6) % 7);
  const week = Math.floor((thursday - 3 - week1Monday) / 7) + 1;
  return `${pad4(year)}-W${pad2(week)}`;
}

/** `YYYY-Qn` for a year and a quarter 1..4. */
export function isoQuarter(year: number, quarter: number): string {
  return `${pad4(year)}-Q${quarter}`;
}

/** Adds months to a (year, month) pair, carrying into years. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const total = year * 12 + (month - 1) + delta;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

/** Parses a strict `YYYY-MM-DD` (a longer ISO timestamp is cut to its day); undefined when invalid. */
export function parseIsoDay(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!m) return undefined;
  return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
}
