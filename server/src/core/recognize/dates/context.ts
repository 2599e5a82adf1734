/**
 * Clues from the words around a date that decide how it resolves: whether the
 * sentence looks forward (news otherwise looks back), whether a document writes
 * numeric dates month-first, and whether a capitalized month is really a name.
 */

/**
 * Words that put an undated weekday or month in the future. Deliberately left
 * out: "due to" (= because of), "until", "beginning", "as of", which news uses
 * as often about the past.
 */
const FORWARD_CUE = /\b(?:next|will|won['’]t|shall|should|would|upcoming|forthcoming|scheduled|slated|to\s+be\s+(?:held|completed|finalized|signed|released|launched|published|announced|decided)|plans?\s+to|planned|planning\s+to|intends?\s+to|expected\s+to|expects\s+to|(?:is|are)\s+expected|is\s+set\s+to|are\s+set\s+to|set\s+for|due\s+(?:to\s+be|on|in|by|for)|is\s+due|are\s+due|in\s+the\s+coming|tomorrow|later\s+this|as\s+soon\s+as|as\s+early\s+as)\b|['’]ll\b/i;
/**
 * A reporting or past verb right before the date: "said on Friday", "ruled Monday"
 * are in the past whatever follows; "will be held on Friday", "is expected on
 * Friday" are not.
 */
const PAST_BEFORE = /(?<!\b(?:be|been|being|is|are|am|to|will|would|shall|should|may|might|must|can|could|not)\s+)\b(?:said|says|told|announced|reported|confirmed|revealed|added|stated|disclosed|unveiled|released|published|agreed|voted|approved|filed|launched|began|started|ended|closed|opened|fell|rose|dropped|was|were|had|did|died|arrested|killed|met|held|signed|won|lost|ran|took|came|went|made|(?!(?:scheduled|slated|expected|planned|due|postponed|delayed|adjourned|deferred)\s)[a-z]{3,}ed)\s+(?:(?:on|last|early|late|in|from|between|since)\s+)?$/i;
/** "from Monday": a start that, undated, lies ahead. */
const FROM_BEFORE = /\b(?:from|starting|effective)\s+(?:on\s+)?$/i;
/** How many words may precede the date in its sentence for a cue after it to count ("On Friday, X will …"). */
const OPENING_WORDS = 3;
/** How far after such an opening date a cue may stand and still be about it. */
const CUE_AFTER_CHARS = 50;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200a);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Letters, digits and the joiners a name may hold ("O'Brien", "Al-Hakim"). */
function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 39 || c === 0x2019 || c === 45;
}

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Start of the sentence holding `at` (a line break or `.!?` followed by space), at most `limit` back. */
function sentenceStart(text: string, at: number, limit = 240): number {
  const floor = Math.max(0, at - limit);
  for (let i = at - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
    if ((c === 46 || c === 33 || c === 63) && i + 1 < at && isSpace(text.charCodeAt(i + 1))) {
      // "Jan. 3" and initials are not sentence ends: require a lower-case word before the dot.
      const prev = text.slice(Math.max(floor, i - 4), i);
      if (c !== 46 || /[a-z\d]{2}$/.test(prev)) return i + 2;
    }
  }
  return floor;
}

/** End of the sentence holding `at`, at most `limit` ahead. */
function sentenceEnd(text: string, at: number, limit = 240): number {
  const ceil = Math.min(text.length, at + limit);
  for (let i = at; i < ceil; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    if ((c === 46 || c === 33 || c === 63) && (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1)))) {
      if (c !== 46 || /[a-z\d]{2}$/.test(text.slice(Math.max(0, i - 4), i))) return i;
    }
  }
  return ceil;
}

/**
 * Whether an undated date at [start, end) points ahead of the story's date.
 * News reports what happened, so the default is backward; a future cue earlier
 * in the same sentence ("will", "next", "scheduled") flips it, unless a
 * reporting verb sits right before the date ("said on Friday it will …"). A cue
 * after the date counts only when the date opens the sentence ("On Friday, the
 * minister will …"): later in a sentence it usually belongs to another clause.
 * "From Monday" also looks forward, except in a range or a possessive
 * ("from Monday's close").
 */
export function looksForward(text: string, start: number, end: number, isRange = false): boolean {
  const from = sentenceStart(text, start);
  const before = text.slice(from, start);
  // The anchored checks only need the last words: a short tail keeps them cheap.
  const tail = text.slice(Math.max(from, start - 48), start);
  if (PAST_BEFORE.test(tail)) return false;
  if (!isRange && FROM_BEFORE.test(tail) && !/^['’]s\b/.test(text.slice(end, end + 3))) return true;
  if (FORWARD_CUE.test(before)) return true;
  if (countWords(before) > OPENING_WORDS) return false;
  // The cue must stand in the same clause: "ruled Monday; a hearing is set for …" is two.
  const after = text.slice(end, Math.min(sentenceEnd(text, end), end + CUE_AFTER_CHARS));
  const clause = /[;:—–]|\s--\s/.exec(after);
  return FORWARD_CUE.test(clause ? after.slice(0, clause.index) : after);
}

const MONTH_FIRST = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+\d{1,2}(?:st|nd|rd|th)?\b/g;
const DAY_FIRST = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\b/g;
const US_CLUE = /\b(?:U\.S\.|USA|United States|Washington|New York|California|Texas|Florida|Chicago|Los Angeles|Americans?)\b/g;

/**
 * Whether the document writes ambiguous numeric dates month-first (7/8/07 = July 8).
 * Day-first is the default outside the US; a document that spells dates
 * "January 19" more than "19 January", or talks mostly about the US, is read month-first.
 */
export function prefersMonthFirst(text: string): boolean {
  const monthFirst = count(text, MONTH_FIRST);
  const dayFirst = count(text, DAY_FIRST);
  if (monthFirst !== dayFirst) return monthFirst > dayFirst;
  return count(text, US_CLUE) >= 2;
}

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** A month, then a conjunction: "in March and May", "April or May". */
const MONTH_CONJ = /(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?,?\s+(?:and|or|to|through|until|till)\s*$|[-–]$/;

/** Words that, right before a bare month or year, make it a date ("in May", "since 2018", "as of May"). */
const TEMPORAL_PREP_WORDS = new Set([
  'in', 'since', 'until', 'till', 'by', 'during', 'from', 'to', 'through', 'before', 'after', 'of', 'early', 'mid',
  'late', 'last', 'next', 'this', 'between', 'throughout', 'around', 'for', 'on', 'at', 'circa', 'end', 'start',
  'beginning', 'year', 'years', 'fiscal', 'spring', 'summer', 'autumn', 'fall', 'winter',
]);
const CONJUNCTIONS = new Set(['and', 'or', 'to', 'through', 'until', 'till']);

/**
 * Whether a temporal preposition or modifier sits right before `start`, or a
 * month and a conjunction ("in March and May"), or a dash ("May–June").
 */
export function hasTemporalPrep(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  if (c === 45 || c === 0x2013) return true;
  const w = wordBefore(text, start, true);
  if (w === undefined) return false;
  const word = text.slice(w, wordEnd(text, w)).toLowerCase();
  if (TEMPORAL_PREP_WORDS.has(word)) return true;
  return CONJUNCTIONS.has(word) && MONTH_CONJ.test(text.slice(Math.max(0, start - 32), start));
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
const FUNCTION_CAPS = new Set([
  'On', 'In', 'Since', 'By', 'Until', 'From', 'Last', 'Next', 'This', 'Early', 'Late', 'Mid', 'Before', 'After',
  'During', 'Through', 'And', 'Or', 'The', 'Of', 'Updated', 'Published', 'Posted', 'Dated', 'As', 'For', 'Between',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Until', 'Till', 'Around', 'At',
  'A', 'An', 'Its', 'His', 'Her', 'Their', 'Our', 'Last', 'Every', 'Each', 'That', 'Late', 'Since', 'To', 'Fiscal',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Christmas', 'Easter',
]);

/** The word right before `start` on the same line, or '' (punctuation in between ends it). */
export function previousWord(text: string, start: number): string {
  const w = wordBefore(text, start, false);
  return w === undefined ? '' : text.slice(w, wordEnd(text, w));
}

/** The word right after `end` on the same line, or '' (punctuation in between ends it). */
export function nextWord(text: string, end: number): string {
  let i = end;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) i++;
    else break;
  }
  if (i === end || !isLetter(text.charCodeAt(i))) return '';
  return text.slice(i, wordEnd(text, i));
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
  if (FUNCTION_CAPS.has(text.slice(wordStart, wordEnd(text, wordStart)))) return false;
  const lead = text.slice(Math.max(0, wordStart - 3), wordStart);
  return !(wordStart <= 0 || /(?:^|[.!?:]\s+|\n\s*|["“‘(]\s*)$/.test(lead));
}

/** Whether a capitalized word after a month makes it part of a name ("June Carter", "August Rush"). */
export function nameAfter(text: string, end: number): boolean {
  const w = nextWord(text, end);
  return /^[A-Z][a-z]/.test(w) && !FUNCTION_CAPS.has(w);
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
