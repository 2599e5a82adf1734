import { firstDateMatch, isoDay, MONTH_PATTERN } from './dates';
import { leadPairTable } from './leadPairs';

/**
 * Publication lines: `Updated 10 January 2020`, `Published 2024-01-19`,
 * `Jan. 3, 2024 5:10 PM`, `Last updated: 19/01/2024`, `Updated 14 sec ago`.
 * A line counts only when it is *nothing but* a label, a date, a time and a
 * zone, so a body sentence that mentions a date never becomes a date line.
 */
export type DateLineReading =
  | { readonly kind: 'absolute'; readonly iso: string; readonly index: number; readonly length: number }
  | { readonly kind: 'relative'; readonly text: string }
  | { readonly kind: 'invalid'; readonly index: number; readonly length: number };

const LABEL = '(?:last\\s+updated|updated(?:\\s+on)?|first\\s+published(?:\\s+on)?|published(?:\\s+on)?|posted(?:\\s+on)?|modified(?:\\s+on)?|date|dated|created)';
const DIGIT_RE = /\d/;
const LABEL_RE = new RegExp(`^${LABEL}\\b\\s*:?\\s*`, 'i');

const RELATIVE_RE = new RegExp(
  `^(?:${LABEL}\\b\\s*:?\\s*)?(?:(?:\\d+|an?|one)\\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?|months?)\\s+ago|just\\s+now|moments?\\s+ago)\\.?$`,
  'i',
);

/** A case-insensitive pattern for `word` usable inside a case-sensitive regex (`[Uu][Pp]…`). */
function anyCase(word: string): string {
  return word.replace(/[a-z]/g, (ch) => `[${ch}${ch.toUpperCase()}]`);
}

// What may surround the date on a date line: weekdays, times, zones, labels, separators.
// Case-sensitive on purpose: zone abbreviations are capitals (`GMT`, `EST`), and
// with an `i` flag `[A-Z]{2,5}T` would accept any word ending in t (`Sent:`).
const FILLER_RE = new RegExp(
  [
    `${anyCase('last')}\\s+${anyCase('updated')}|(?:${['updated', 'published', 'posted', 'modified', 'dated', 'date', 'created'].map(anyCase).join('|')})(?:\\s+[Oo]n)?|${anyCase('first')}\\s+${anyCase('published')}(?:\\s+[Oo]n)?`,
    `(?:${['mon', 'tues', 'wednes', 'thurs', 'fri', 'satur', 'sun'].map(anyCase).join('|')})${anyCase('day')}|(?:${['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map(anyCase).join('|')})\\.?`,
    '\\d{1,2}(?:[:.]\\d{2}){1,2}\\s*(?:[AaPp]\\.?\\s?[Mm]\\.?)?',
    '\\d{1,2}\\s*[AaPp]\\.?\\s?[Mm]\\.?',
    'T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?',
    '(?:GMT|UTC)(?:\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?)?',
    '[A-Z]{1,4}T|IST|PKT',
    '[Aa]t|[Oo]n|[Tt]he|[Aa]nd',
    '[+-]\\d{2}:?\\d{2}',
    '[\\s,|·•:;()\\-–—/]+',
  ].join('|'),
  'y',
);

function onlyFiller(s: string): boolean {
  // One shared sticky regex: not re-entered, so resetting lastIndex is enough.
  // test, not exec: no match array per token. A sticky match ends at lastIndex, so
  // an empty one leaves it where it was.
  const re = FILLER_RE;
  let pos = 0;
  while (pos < s.length) {
    re.lastIndex = pos;
    if (!re.test(s) || re.lastIndex === pos) return false;
    pos = re.lastIndex;
  }
  return true;
}

// A month name at the very start (DATE_RE is case-insensitive, so is this).
const MONTH_START_RE = new RegExp(`^${MONTH_PATTERN}`, 'i');

/**
 * False when `line` can be no date line below: both readings need it to open
 * with filler (a label, a weekday, a time, `The`…) or with the date itself (a
 * digit or a month name). Two anchored tests that spare scanning the whole
 * body sentence for a date.
 */
function mayOpenDateLine(line: string, first: number): boolean {
  if (first >= 48 && first <= 57) return true;
  if (!mayOpenWithFillerOrMonth(first, line.charCodeAt(1))) return false;
  FILLER_RE.lastIndex = 0;
  if (FILLER_RE.test(line) && FILLER_RE.lastIndex > 0) return true;
  return MONTH_START_RE.test(line);
}

/**
 * The lower-cased two letters a filler word or a month name opens with, where the
 * second is a lower-case letter: the labels, weekdays and months (any case), and
 * `at`, `on`, `the`, `and`. FILLER_RE's other alternatives open with a digit, a
 * symbol or two capitals (`GMT`, `EST`, `[A-Z]{1,4}T`), or `T` and a digit.
 */
const DATE_LINE_OPENING_PAIRS = leadPairTable([
  'la', 'up', 'pu', 'po', 'mo', 'da', 'cr', 'fi', // labels (`Last updated`, `Updated`, `Published`, …)
  'mo', 'tu', 'we', 'th', 'fr', 'sa', 'su', // weekdays
  'at', 'on', 'th', 'an', // `at`, `on`, `the`, `and`
  'ja', 'fe', 'ma', 'ap', 'ju', 'au', 'se', 'oc', 'no', 'de', // months
]);

/**
 * False when a line opening with the ASCII letter `c0` and then `c1` can open with
 * neither filler nor a month name (mayOpenDateLine's two regexes): a test of the
 * first two code units that spares both regex calls on most short prose lines.
 * Only a lower-case ASCII `c1` is judged; anything else is left to the regexes.
 * `dateLinePrefilter.test.ts` pins it against the regexes.
 */
export function mayOpenWithFillerOrMonth(c0: number, c1: number): boolean {
  if (!(c1 >= 97 && c1 <= 122)) return true;
  const a = c0 | 0x20;
  return a >= 97 && a <= 122 ? DATE_LINE_OPENING_PAIRS[(a - 97) * 26 + c1 - 97] === 1 : true;
}

/** mayOpenDateLine's two regexes alone, for the tests that pin its prefilter. */
export function opensWithFillerOrMonth(line: string): boolean {
  FILLER_RE.lastIndex = 0;
  if (FILLER_RE.test(line) && FILLER_RE.lastIndex > 0) return true;
  return MONTH_START_RE.test(line);
}

/** True when `s` ends in `ago` or `now` (maybe with a full stop): a necessary condition for RELATIVE_RE. */
function endsLikeRelative(s: string): boolean {
  let n = s.length;
  if (s.charCodeAt(n - 1) === 0x2e) n--;
  if (n < 3) return false;
  const a = s.charCodeAt(n - 3) | 0x20; const b = s.charCodeAt(n - 2) | 0x20; const c = s.charCodeAt(n - 1) | 0x20;
  return (a === 0x61 && b === 0x67 && c === 0x6f) || (a === 0x6e && b === 0x6f && c === 0x77);
}

/**
 * Reads `line` (already trimmed) as a publication line, or returns undefined
 * when it is not one. Cheap rejections first: date lines are short.
 */
export function readDateLine(line: string): DateLineReading | undefined {
  if (line.length < 6 || line.length > 110) return undefined;
  // Most date lines are `Updated 6 August 2016`: read by char codes, the same reading.
  const plain = readPlainDateLine(line);
  return plain !== undefined ? plain : readDateLineByPatterns(line);
}

/** The month names as pages print them in full, by month number - 1. */
const FULL_MONTHS: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** True for an ASCII digit. */
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The reading of a line of exactly the shape `Updated 6 August 2016` or
 * `Published 16 August 2016` (these words, one space each, a day of one or two
 * digits, a month name in full with a capital, a four-digit year, nothing more),
 * or undefined for any other line. What readDateLineByPatterns reads on such a line,
 * without its dozen regex calls: the label is filler that no date pattern can
 * start in (no month name opens `Up…`/`Pu…`, and no pattern starts inside a word),
 * so the first date match is the day-first form at the day, it runs to the end
 * of the line, and what comes before it is only the label and a space.
 * `dateLinePrefilter.test.ts` compares the two on every such shape.
 */
export function readPlainDateLine(line: string): DateLineReading | undefined {
  const first = line.charCodeAt(0);
  let at: number;
  if (first === 0x55 && line.startsWith('Updated ')) at = 8;
  else if (first === 0x50 && line.startsWith('Published ')) at = 10;
  else return undefined;
  const n = line.length;
  // The shortest such line has a one-digit day and `May`; below that length no
  // code unit read here lies past the end.
  if (n < at + 10) return undefined;
  // The day: one or two digits and a space.
  if (!isDigit(line.charCodeAt(at))) return undefined;
  let day = line.charCodeAt(at) - 48;
  let k = at + 1;
  if (isDigit(line.charCodeAt(k))) { day = day * 10 + line.charCodeAt(k) - 48; k++; }
  if (line.charCodeAt(k) !== 0x20) return undefined;
  k++;
  // The month in full: a space and the year's four digits after it end the line.
  const nameLength = n - 5 - k;
  let month = 0;
  const initial = line.charCodeAt(k);
  for (let m = 0; m < 12; m++) {
    const name = FULL_MONTHS[m]!;
    // Length and initial first: at most one name is left to compare in full.
    if (name.length === nameLength && name.charCodeAt(0) === initial && line.startsWith(name, k)) { month = m + 1; break; }
  }
  if (month === 0) return undefined;
  k += nameLength;
  if (line.charCodeAt(k) !== 0x20) return undefined;
  let year = 0;
  for (let i = k + 1; i < n; i++) {
    const c = line.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    year = year * 10 + c - 48;
  }
  const iso = isoDay(year, month, day);
  const length = n - at;
  return iso !== undefined ? { kind: 'absolute', iso, index: at, length } : { kind: 'invalid', index: at, length };
}

/** readDateLine by its patterns alone, for any line 6 to 110 characters long. */
export function readDateLineByPatterns(line: string): DateLineReading | undefined {
  if (endsLikeRelative(line) && RELATIVE_RE.test(line)) return { kind: 'relative', text: line };
  const first = line.charCodeAt(0);
  // Date lines start with a label, a weekday/month (letter) or a digit.
  if (!((first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return undefined;
  // Both readings below need the line to open like a date line and to hold a digit (a
  // year, a time). The anchored opening test first: it rejects more lines, and sooner
  // than a digit search through the whole line.
  if (!mayOpenDateLine(line, first)) return undefined;
  if (!DIGIT_RE.test(line)) return undefined;
  // Only the first date-shaped match is read: the line stands or falls with it.
  const d = firstDateMatch(line);
  if (d !== undefined) {
    // What comes before the date is checked first: it fails most body sentences, and it
    // spares the four rewrites of what follows.
    if (!onlyFiller(line.slice(0, d.index))) return undefined;
    // Nothing after the date (most date lines): the rewrites below would leave '' as it
    // is, and '' is filler; skipping them spares four regex calls per date line.
    const afterStart = d.index + d.length;
    if (afterStart >= line.length) return 'iso' in d ? { kind: 'absolute', iso: d.iso, index: d.index, length: d.length } : { kind: 'invalid', index: d.index, length: d.length };
    const after = line.slice(afterStart);
    // The rest may hold a second labelled date (`Published … Updated …`): accept dates there too.
    // WordPress-style `Posted on March 4, 2024 by Metro Desk`: an author may trail a labelled date.
    // Also tolerated after the date: a relative update (`Updated about 2 hours ago`)
    // and an outlet or section name after a bar or slash (`/ CBS News`).
    const afterNoAuthor = (LABEL_RE.test(line) ? after.replace(/\s+by\s+\S.{0,60}$/i, '') : after)
      .replace(/(?:updated\s+)?(?:about\s+)?(?:\d+|an?)\s*(?:sec|secs|seconds?|min|mins|minutes?|hr|hrs|hours?|days?)\s+ago\s*$/i, '')
      .replace(/\s*[|/·•]\s*\p{Lu}[\p{L}\s.&']{1,30}$/u, '');
    const afterWithoutDates = afterNoAuthor.replace(/\b\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|\b[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}/g, ' ');
    if (!onlyFiller(afterWithoutDates)) return undefined;
    if ('iso' in d) return { kind: 'absolute', iso: d.iso, index: d.index, length: d.length };
    return { kind: 'invalid', index: d.index, length: d.length };
  }
  // A line of only a label and a time (`Updated 10:45 GMT`, live blogs) is a
  // date line without a day: as unhelpful as `2 hours ago`.
  if (LABEL_RE.test(line) && onlyFiller(line)) return { kind: 'relative', text: line };
  return undefined;
}
