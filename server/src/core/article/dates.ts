/**
 * Absolute calendar dates as scraped news pages print them: `10 January 2020`,
 * `Jan. 3, 2024`, `Sept. 2, 2019`, `2024-01-19`, `19/01/2024`. Own small
 * parser rather than a general NLP one: we only need day-precise dates, it
 * must be fast on every line, and the result must be predictable.
 */

/** A day-precise date found in a string. */
export interface FoundDate {
  /** ISO `YYYY-MM-DD`. */
  readonly iso: string;
  /** Offset of the match within the searched string. */
  readonly index: number;
  readonly length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** Month names and their usual abbreviations, longest first so alternation picks the full word. */
export const MONTH_PATTERN =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\.?';

// Day-first (`10 January 2020`), month-first (`Jan. 3, 2024`), ISO and numeric forms.
const DATE_RE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN}),?\\s+(\\d{4})` +
  `|(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})` +
  `|(\\d{4})-(\\d{2})-(\\d{2})` +
  `|(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}))(?!\\d)`,
  'gi',
);

/**
 * Month numbers (0: none) by the (lower-case) first three letters of the name, at
 * {@link prefixIndex}: read by char codes, with no three-letter string built and hashed.
 */
const MONTH_BY_PREFIX: Int8Array = (() => {
  const table = new Int8Array(26 * 26 * 26);
  for (const [k, month] of Object.entries(MONTHS)) if (k.length === 3) table[prefixIndex(k.charCodeAt(0), k.charCodeAt(1), k.charCodeAt(2))] = month;
  return table;
})();

/** Index of three lower-case ASCII letters in {@link MONTH_BY_PREFIX}; -1 when one is no such letter. */
function prefixIndex(a: number, b: number, c: number): number {
  if (!(a >= 97 && a <= 122 && b >= 97 && b <= 122 && c >= 97 && c <= 122)) return -1;
  return ((a - 97) * 26 + (b - 97)) * 26 + (c - 97);
}
/** The full month names, lower case, by month number - 1. */
const MONTH_NAMES: readonly string[] = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Month number for a month name or abbreviation (`Sept.` → 9), in any case,
 * else undefined. By char codes, with no lower-cased copy: the date-line scan
 * reads one per date. (`toLowerCase` may turn a non-ASCII letter into an ASCII
 * one, but only `K` (Kelvin) to `k`, which no month name holds.)
 */
export function monthNumber(name: string): number | undefined {
  let n = name.length;
  if (name.charCodeAt(n - 1) === 0x2e) n--;
  if (n < 3) return undefined;
  // `| 32` lower-cases an ASCII letter; it turns nothing else into one.
  const index = prefixIndex(name.charCodeAt(0) | 32, name.charCodeAt(1) | 32, name.charCodeAt(2) | 32);
  const month = index < 0 ? 0 : MONTH_BY_PREFIX[index] ?? 0;
  if (month === 0) return undefined;
  if (n === 3) return month;
  const full = n === 4 && month === 9 ? 'sept' : MONTH_NAMES[month - 1] ?? '';
  if (full.length !== n) return undefined;
  for (let i = 3; i < n; i++) if ((name.charCodeAt(i) | 32) !== full.charCodeAt(i)) return undefined;
  return month;
}

/** `YYYY-MM-DD` when the triple is a real calendar day, else undefined. */
export function isoDay(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > days) return undefined;
  // year has four digits here; month and day need a leading zero below 10.
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Outcome of reading one date match: a valid day, or a date-shaped string that is no real day. */
type DateReading = { readonly iso: string } | { readonly invalid: true };

/** The ISO day a date match names, or undefined when it is no real day. */
function matchIso(m: RegExpExecArray): string | undefined {
  let y: number; let mo: number | undefined; let d: number;
  if (m[1] !== undefined) { d = +m[1]; mo = monthNumber(m[2]!); y = +m[3]!; }
  else if (m[4] !== undefined) { mo = monthNumber(m[4]); d = +m[5]!; y = +m[6]!; }
  else if (m[7] !== undefined) { y = +m[7]; mo = +m[8]!; d = +m[9]!; }
  else {
    // Numeric dates: day first (the usual order outside the US) unless that cannot be.
    const a = +m[10]!; const b = +m[11]!; y = +m[12]!;
    if (a > 12 && b <= 12) { d = a; mo = b; } else if (b > 12 && a <= 12) { d = b; mo = a; } else { d = a; mo = b; }
  }
  return mo === undefined ? undefined : isoDay(y, mo, d);
}

/** One date-shaped match, valid or not. */
export type DateMatch = { readonly index: number; readonly length: number } & DateReading;

// Cheap reject before DATE_RE: every form has a run of four digits (the year).
const YEAR_RE = /\d{4}/;

/** Every date-shaped match in `s`, valid or not, in order. */
export function scanDates(s: string): DateMatch[] {
  const out: DateMatch[] = [];
  if (!YEAR_RE.test(s)) return out;
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(s)) !== null) {
    const iso = matchIso(m);
    out.push(iso === undefined ? { index: m.index, length: m[0].length, invalid: true } : { index: m.index, length: m[0].length, iso });
  }
  return out;
}

/** The first date-shaped match in `s` (`scanDates(s)[0]` without reading the rest), or undefined. */
export function firstDateMatch(s: string): DateMatch | undefined {
  if (!YEAR_RE.test(s)) return undefined;
  DATE_RE.lastIndex = 0;
  const m = DATE_RE.exec(s);
  if (m === null) return undefined;
  const iso = matchIso(m);
  return iso === undefined ? { index: m.index, length: m[0].length, invalid: true } : { index: m.index, length: m[0].length, iso };
}

/** The first valid day-precise date in `s`, or undefined. Stops at it: a body part may be long. */
export function findFirstDate(s: string): FoundDate | undefined {
  if (!YEAR_RE.test(s)) return undefined;
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(s)) !== null) {
    const iso = matchIso(m);
    if (iso !== undefined) return { iso, index: m.index, length: m[0].length };
  }
  return undefined;
}

/** Adds `days` to an ISO day (negative to go back). */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
