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

/** Day number of a calendar day, or undefined when the day does not exist (30 February). */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Howard Hinnant's days_from_civil: exact, and no Date object on the hot path.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar day of a day number (Hinnant's civil_from_days). */
export function fromDayNumber(n: number): CalendarDay {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export function weekdayOf(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((n + 4) % 7) + 7) % 7;
}

/** `String(n).padStart(2, '0')` for the months and days it is given, without the call. */
function pad2(n: number): string {
  return n >= 0 && n < 10 ? `0${n}` : String(n);
}

/** `String(n).padStart(4, '0')`, short for the four-digit years of news. */
function pad4(n: number): string {
  return n >= 1000 ? String(n) : String(n).padStart(4, '0');
}

/**
 * Recent {@link isoDay} strings by day number, direct-mapped: a story's dates
 * and its reference date come back again and again, and formatting one costs a
 * calendar object and a few strings. Only integer day numbers are cached.
 */
const ISO_DAY_SLOTS = 1024;
const isoDayKeys = new Int32Array(ISO_DAY_SLOTS);
const isoDayValues: string[] = new Array<string>(ISO_DAY_SLOTS).fill('');

/** `YYYY-MM-DD` */
export function isoDay(n: number): string {
  const slot = n & (ISO_DAY_SLOTS - 1);
  // An empty value marks a free slot (every formatted day has ten characters or more).
  if (isoDayKeys[slot] === n && isoDayValues[slot] !== '') return isoDayValues[slot] ?? '';
  const c = fromDayNumber(n);
  const iso = `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)}`;
  if ((n | 0) === n) {
    isoDayKeys[slot] = n;
    isoDayValues[slot] = iso;
  }
  return iso;
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
  // By char codes: this runs once per story, and a regex match with three captures costs more than the rest.
  const t = text.trim();
  if (t.length < 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(t, 0, 4);
  const month = digitsAt(t, 5, 2);
  const day = digitsAt(t, 8, 2);
  return year < 0 || month < 0 || day < 0 ? undefined : dayNumber(year, month, day);
}

/** The value of the `count` ASCII digits at `from`; -1 if one is no digit. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
