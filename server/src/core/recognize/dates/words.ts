/**
 * The words around a date: the one before or after it, whether a capitalized
 * word makes it part of a name ("Theresa May", "Sunday Times"), whether a
 * preposition makes a bare month or year a date ("in May", "since 2018"). Char
 * code scans, because these run for most candidates.
 */
import { WordList } from './wordList';

/** Blanks and line breaks. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200a);
}

/** ASCII letters. */
export function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Letters, digits and the joiners a name may hold ("O'Brien", "Al-Hakim"). */
function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 39 || c === 0x2019 || c === 45;
}

/** A month, then a conjunction: "in March and May", "April or May". */
const MONTH_CONJ = /(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?,?\s+(?:and|or|to|through|until|till)\s*$|[-–]$/;

/** Words that, right before a bare month or year, make it a date ("in May", "since 2018", "as of May"). */
const TEMPORAL_PREP_WORDS = new WordList([
  'in', 'since', 'until', 'till', 'by', 'during', 'from', 'to', 'through', 'before', 'after', 'of', 'early', 'mid',
  'late', 'last', 'next', 'this', 'between', 'throughout', 'around', 'for', 'on', 'at', 'circa', 'end', 'start',
  'beginning', 'year', 'years', 'fiscal', 'spring', 'summer', 'autumn', 'fall', 'winter',
], true);
const CONJUNCTIONS = new WordList(['and', 'or', 'to', 'through', 'until', 'till'], true);

/**
 * Whether a temporal preposition or modifier sits right before `start`, or a
 * month and a conjunction ("in March and May"), or a dash ("May–June").
 */
export function hasTemporalPrep(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  if (c === 45 || c === 0x2013) return true;
  const w = wordBefore(text, start, true);
  if (w === undefined) return false;
  // The word in any case (its letters are ASCII, as `toLowerCase` would read them).
  const end = wordEnd(text, w);
  if (TEMPORAL_PREP_WORDS.has(text, w, end)) return true;
  return CONJUNCTIONS.has(text, w, end) && MONTH_CONJ.test(text.slice(Math.max(0, start - 32), start));
}

/**
 * Start of the word that ends, after blanks, right before `at` (punctuation in
 * between means there is none); undefined if none. Line breaks count as blanks
 * only when `acrossLines`.
 */
function wordBefore(text: string, at: number, acrossLines: boolean): number | undefined {
  let j = at;
  while (j > 0) {
    const c = text.charCodeAt(j - 1);
    if (c === 32 || c === 9 || c === 0xa0 || (acrossLines && (c === 10 || c === 13))) j--;
    else break;
  }
  if (j === at) return undefined;
  let k = j;
  while (k > 0 && isWordChar(text.charCodeAt(k - 1))) k--;
  // Like /[A-Za-z][\w'’-]*$/: the word starts at its first letter.
  while (k < j && !isLetter(text.charCodeAt(k))) k++;
  return k < j ? k : undefined;
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/** Capitalized words that may precede a date without making it part of a name. */
const FUNCTION_CAPS = new WordList([
  'On', 'In', 'Since', 'By', 'Until', 'From', 'Last', 'Next', 'This', 'Early', 'Late', 'Mid', 'Before', 'After',
  'During', 'Through', 'And', 'Or', 'The', 'Of', 'Updated', 'Published', 'Posted', 'Dated', 'As', 'For', 'Between',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Until', 'Till', 'Around', 'At',
  'A', 'An', 'Its', 'His', 'Her', 'Their', 'Our', 'Last', 'Every', 'Each', 'That', 'Late', 'Since', 'To', 'Fiscal',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Christmas', 'Easter',
], false);

/** The word right before `start` on the same line, or '' (punctuation in between ends it). */
export function previousWord(text: string, start: number): string {
  const w = wordBefore(text, start, false);
  return w === undefined ? '' : text.slice(w, wordEnd(text, w));
}

/** The word right after `end` on the same line, or '' (punctuation in between ends it). */
export function nextWord(text: string, end: number): string {
  const i = nextWordStart(text, end);
  return i < 0 ? '' : text.slice(i, wordEnd(text, i));
}

/** Where {@link nextWord} starts, or -1 when there is none. */
function nextWordStart(text: string, end: number): number {
  let i = end;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) i++;
    else break;
  }
  return i === end || !isLetter(text.charCodeAt(i)) ? -1 : i;
}

/**
 * Whether a capitalized word before a date word makes it part of a name
 * ("Theresa May", "Russell 2000"). A word capitalized only because it opens
 * the sentence or line does not count.
 */
export function nameBefore(text: string, start: number): boolean {
  const wordStart = wordBefore(text, start, false);
  if (wordStart === undefined) return false;
  const c = text.charCodeAt(wordStart);
  if (c < 65 || c > 90) return false;
  if (FUNCTION_CAPS.has(text, wordStart, wordEnd(text, wordStart))) return false;
  const lead = text.slice(Math.max(0, wordStart - 3), wordStart);
  return !(wordStart <= 0 || /(?:^|[.!?:]\s+|\n\s*|["“‘(]\s*)$/.test(lead));
}

/** Whether a capitalized word after a month makes it part of a name ("June Carter", "August Rush"). */
export function nameAfter(text: string, end: number): boolean {
  // `/^[A-Z][a-z]/` on the next word, read in the text with no copy of it.
  const i = nextWordStart(text, end);
  if (i < 0 || !isUpper(text.charCodeAt(i)) || !isLower(text.charCodeAt(i + 1))) return false;
  return !FUNCTION_CAPS.has(text, i, wordEnd(text, i));
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Whether `start` opens a sentence or a line (only blanks and quotes since a `.!?:` or a line break). */
export function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0 || c === 34 || c === 0x201c || c === 39 || c === 0x2018 || c === 40) i--;
    else break;
  }
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2014 || c === 0xfeff;
}
