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

/** Month number for a month name or abbreviation (`Sept.` → 9), else undefined. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** `YYYY-MM-DD` when the triple is a real calendar day, else undefined. */
export function isoDay(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Outcome of reading one date match: a valid day, or a date-shaped string that is no real day. */
type DateReading = { readonly iso: string } | { readonly invalid: true };

function readMatch(m: RegExpExecArray): DateReading {
  let y: number; let mo: number | undefined; let d: number;
  if (m[1] !== undefined) { d = +m[1]; mo = monthNumber(m[2]!); y = +m[3]!; }
  else if (m[4] !== undefined) { mo = monthNumber(m[4]); d = +m[5]!; y = +m[6]!; }
  else if (m[7] !== undefined) { y = +m[7]; mo = +m[8]!; d = +m[9]!; }
  else {
    // Numeric dates: day first (the usual order outside the US) unless that cannot be.
    const a = +m[10]!; const b = +m[11]!; y = +m[12]!;
    if (a > 12 && b <= 12) { d = a; mo = b; } else if (b > 12 && a <= 12) { d = b; mo = a; } else { d = a; mo = b; }
  }
  const iso = mo === undefined ? undefined : isoDay(y, mo, d);
  return iso === undefined ? { invalid: true } : { iso };
}

/** Every date-shaped match in `s`, valid or not, in order. */
export function scanDates(s: string): Array<{ readonly index: number; readonly length: number } & DateReading> {
  const out: Array<{ readonly index: number; readonly length: number } & DateReading> = [];
  // Cheap reject: every form has a run of four digits (the year).
  if (!/\d{4}/.test(s)) return out;
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(s)) !== null) {
    out.push({ index: m.index, length: m[0].length, ...readMatch(m) });
  }
  return out;
}

/** The first valid day-precise date in `s`, or undefined. */
export function findFirstDate(s: string): FoundDate | undefined {
  for (const d of scanDates(s)) {
    if ('iso' in d) return { iso: d.iso, index: d.index, length: d.length };
  }
  return undefined;
}

/** Adds `days` to an ISO day (negative to go back). */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
