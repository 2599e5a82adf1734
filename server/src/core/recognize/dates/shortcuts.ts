/**
 * Where a single alternative of the grammar can match, known from a few
 * characters: there the scanner runs that alternative's regex without the
 * probe (`alternativeAt`), which is most of the cost of an attempt. Each
 * shortcut answers only where it is sure; anywhere else the probe decides.
 * `shortcuts.test.ts` compares every answer with the probe's.
 */
import { GROUP_NAMES, type Alternative, type Grammar } from './grammar';
import { WordList } from './wordList';

/** The alternative of `grammar` that has the group `group`. */
export function alternativeWith(grammar: Grammar, group: string): Alternative {
  const slot = GROUP_NAMES.indexOf(group);
  const found = grammar.alternatives.find((a) => a.slots.includes(slot));
  if (found === undefined) throw new Error(`date grammar: no alternative with the group ${group}`);
  return found;
}

/**
 * Whether, at four digits (a year the trigger regex found), only the bare year
 * (`y`, the digit grammar's last alternative) can match: most years ("in 2011
 * the", "2011,").
 *
 * Why: of the alternatives before it that open with a digit, those reading a
 * day or a count (`19/01/2024`, `3-5 January`, `1st quarter`, `3 days ago`) need
 * something else than a digit among the first three characters; the ISO date
 * needs one of `-/.` and a digit right after the year, and the year range
 * (`2009-2011`, `2009 to 2011`), after blanks, a dash, "to", "through", "until"
 * or "till", the dash followed by blanks and a digit.
 */
export function onlyYearAt(text: string, at: number): boolean {
  let i = at + 4;
  const c = text.charCodeAt(i);
  // . / (the ISO date's separators): a digit must follow ("2011." ends a sentence).
  if (c === 46 || c === 47) return !isDigit(text.charCodeAt(i + 1));
  // - – (also the year range's): a digit must follow, for the range after blanks.
  if (c === 45 || c === 0x2013) {
    i++;
    while (isBlank(text.charCodeAt(i))) i++;
    return !isDigit(text.charCodeAt(i));
  }
  while (isBlank(text.charCodeAt(i))) i++;
  const d = text.charCodeAt(i);
  // - – t u
  return !(d === 45 || d === 0x2013 || d === 116 || d === 117);
}

/**
 * Whether, at a day number of `length` (one or two) digits, only the day-month
 * alternative ("19 January 2024", `dm`) can match: most day numbers, where
 * blanks and a capital follow.
 *
 * Why: the other alternatives that open with one or two digits go on with `/`,
 * `.` or `-` right after them (19/01/2024, 19.01.2024), an ordinal suffix
 * (1st quarter), or blanks and a range word or dash (3 to 5 January) or a
 * lower-case unit (3 days ago); the ISO date and years need four digits.
 */
export function onlyDayMonthAt(text: string, at: number, length: number): boolean {
  let i = at + length;
  if (!isBlank(text.charCodeAt(i))) return false;
  while (isBlank(text.charCodeAt(++i)));
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** What {@link monthNumberAt} finds after a full month name. */
export const enum MonthThen { None, Day, Year }

/**
 * At a full month name followed by blanks and a number, the alternative that
 * the probe would choose if it matches at all: month-day ("January 19,
 * 2024", `md`) after one or two digits that no range follows, month-year
 * ("January 2024", `my`) after three or more digits. If that alternative does
 * not match, the probe decides (a later one may: the bare month).
 *
 * Why: of the alternatives that can open at a month name, only the day range
 * (`rm`, "January 3-5") comes before the month-day one, and it needs a range
 * word or dash after the day (blanks, then `-`, `–`, `—`, "to", "and", "until",
 * "through" …); before the month-year one there are also the month-day one (a
 * day is one or two digits, which a third digit rules out) and the month
 * range, list and "March last year" forms, which need a word, not a digit.
 */
export function monthNumberAt(text: string, at: number): MonthThen {
  let e = at;
  while (isAsciiLetter(text.charCodeAt(e))) e++;
  if (!isBlank(text.charCodeAt(e)) || !MONTH_NAMES.has(text, at, e)) return MonthThen.None;
  let p = e + 1;
  while (isBlank(text.charCodeAt(p))) p++;
  let q = p;
  while (isDigit(text.charCodeAt(q))) q++;
  if (q - p >= 3) return MonthThen.Year;
  if (q === p) return MonthThen.None;
  // An ordinal suffix or another word character: left to the probe.
  const c = text.charCodeAt(q);
  if (isAsciiLetter(c) || c === 95) return MonthThen.None;
  while (isBlank(text.charCodeAt(q))) q++;
  const d = text.charCodeAt(q);
  // - – — t a u: a range may follow.
  return d === 45 || d === 0x2013 || d === 0x2014 || d === 116 || d === 97 || d === 117 ? MonthThen.None : MonthThen.Day;
}

/**
 * Whether "today", "tonight", "tomorrow" or "yesterday" (capitalised or not)
 * begins at `at`: then only the alternative of these words (`dx`) can match.
 *
 * Why: the other alternatives open with a digit, a month or weekday name, or
 * one of a few words, and none of those that start with a "t" or a "y" ("the",
 * "this", "two", "three", "ten", "twelve", "third", "Tuesday", "Thursday", "Tue",
 * "Thu", "Thur", "Tues") has an "o" or an "e" as its second letter.
 */
export function deicticAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at) | 32;
  const next = text.charCodeAt(at + 1);
  // t o …, y e s …: one or two char codes rule out nearly every other word first.
  if (c === 116 && next === 111) return text.startsWith('day', at + 2) || text.startsWith('night', at + 2) || text.startsWith('morrow', at + 2);
  return c === 121 && next === 101 && text.charCodeAt(at + 2) === 115 && text.startsWith('terday', at + 3);
}

/** What {@link bareNameAt} finds. */
export const enum BareName { None, Month, Weekday }

/**
 * Whether a full month name ("January", "May") or weekday name ("Friday")
 * stands at `at` with nothing after it that another alternative could read:
 * then only the bare month (`mo`) or the bare weekday (`wd`) can match there.
 *
 * Why: at a full month name the other alternatives that can open there go on,
 * past blanks (and, in "March, of last year", a comma), with a day or a year
 * (a digit), "the", a range word ("-", "to", "until", "through"), "or", "and",
 * "of", "last", "next", "this" or an apostrophe ("December of '73"); at a full
 * weekday name, with a month (a capital), "the", a day (a digit), "of", "last",
 * "next" or "this". The next character after the blanks tells all these apart
 * from anything else (a conservative test: "today" also sends to the probe).
 * Abbreviations ("Jan", "Fri.") are left to the probe.
 */
export function bareNameAt(text: string, at: number): BareName {
  let e = at;
  while (isAsciiLetter(text.charCodeAt(e))) e++;
  const kind = fullName(text, at, e);
  if (kind === BareName.None) return kind;
  let i = e;
  if (text.charCodeAt(i) === 44) i++; // ,
  while (isBlank(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if ((c >= 48 && c <= 57) || c === 116 || c === 111 || c === 108 || c === 110) return BareName.None; // digit t o l n
  if (kind === BareName.Weekday) return c >= 65 && c <= 90 ? BareName.None : kind;
  // - – — u a ' ’
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 117 || c === 97 || c === 39 || c === 0x2019 ? BareName.None : kind;
}

const MONTH_NAMES = new WordList(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'], false);
const WEEKDAY_NAMES = new WordList(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], false);

/** Whether `text[at, end)` is a full month or weekday name, as the grammar writes them (capitalised). */
function fullName(text: string, at: number, end: number): BareName {
  if (MONTH_NAMES.has(text, at, end)) return BareName.Month;
  return WEEKDAY_NAMES.has(text, at, end) ? BareName.Weekday : BareName.None;
}

/** The blanks of the grammar's `SP`: space, tab, no-break space. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
