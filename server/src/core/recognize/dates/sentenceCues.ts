/**
 * Whether the sentence around a date looks forward. News reports what
 * happened, so an undated "Friday" or "June 17" points back from the story's
 * date unless its sentence says otherwise; this file reads those clues.
 */
import { WordList } from './wordList';
import { isSpace } from './words';

/**
 * Words that put an undated weekday or month in the future. Deliberately left
 * out: "due to" (= because of), "until", "beginning", "as of", which news uses
 * as often about the past.
 */
const FORWARD_CUE = /\b(?:next|will|won['’]t|shall|should|would|upcoming|forthcoming|scheduled|slated|to\s+be\s+(?:held|completed|finalized|signed|released|launched|published|announced|decided)|plans?\s+to|wants?\s+to|aims?\s+to|hopes?\s+to|seeks?\s+to|(?:is|are)\s+to\s+(?!have\b)|planned|planning\s+to|intends?\s+to|expected\s+to|expects\s+to|(?:is|are)\s+expected|is\s+set\s+to|are\s+set\s+to|set\s+for|due\s+(?:to\s+be|on|in|by|for)|is\s+due|are\s+due|in\s+the\s+coming|tomorrow|later\s+this|as\s+soon\s+as|as\s+early\s+as)\b|['’]ll\b/i;
/**
 * A reporting or past verb right before the date: "said on Friday", "ruled Monday"
 * are in the past whatever follows; "will be held on Friday", "is expected on
 * Friday" are not.
 */
export const PAST_BEFORE = /(?<!\b(?:be|been|being|is|are|am|to|will|would|shall|should|may|might|must|can|could|not)\s+)\b(?:said|says|told|announced|reported|confirmed|revealed|added|stated|disclosed|unveiled|released|published|agreed|voted|approved|filed|launched|began|started|ended|closed|opened|fell|rose|dropped|was|were|had|did|died|arrested|killed|met|held|signed|won|lost|ran|took|came|went|made|(?!(?:scheduled|slated|expected|planned|due|postponed|delayed|adjourned|deferred)\s)[a-z]{3,}ed)\s+(?:(?:on|last|early|late|in|from|between|since)\s+)?$/i;
/** "from Monday": a start that, undated, lies ahead. */
export const FROM_BEFORE = /\b(?:from|starting|effective)\s+(?:on\s+)?$/i;
/**
 * The same two patterns, sticky: both match one or two words, then blanks, at
 * the end of the text, so they can only start at the last or second-to-last
 * word (see {@link endsWithCue}); tried there, they cost a few steps instead
 * of a try at each of the 48 positions of the tail.
 */
const PAST_BEFORE_AT = new RegExp(PAST_BEFORE.source, 'iy');
const FROM_BEFORE_AT = new RegExp(FROM_BEFORE.source, 'iy');
/** How many words may precede the date in its sentence for a cue after it to count ("On Friday, X will …"). */
const OPENING_WORDS = 3;
/** How far after such an opening date a cue may stand and still be about it. */
const CUE_AFTER_CHARS = 50;

/** Whether `s` has more than `max` words, separated by blanks; stops reading at the word after `max`. */
function hasMoreWordsThan(s: string, max: number): boolean {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord && ++n > max) return true;
    inWord = !space;
  }
  return false;
}

/** `\s` of a regular expression: blanks, line breaks and the Unicode spaces. */
function isRegexSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** What the last words of a tail say about the date after it (see {@link tailCue}). */
const enum TailCue { None, Past, From }

/**
 * Whether {@link PAST_BEFORE} (if `past`), else whether {@link FROM_BEFORE} (if
 * `from`) matches the tail `text[from, to)` the way the unanchored pattern would
 * on that tail as a string of its own. One backward scan finds the last two
 * words for both (the date resolver asks both of the same tail).
 *
 * Those patterns match a word of ASCII letters after a word boundary, blanks,
 * maybe one more such word and blanks, then the end: a match can start only
 * at the last or the second-to-last word of a tail that ends in a blank.
 * Started at the second-to-last word, the optional second word must be the
 * whole last word (one of the pattern's inner words) and the cue word the
 * whole second-to-last word; started at the last word, the cue word must be
 * the whole last word. Whether a word may be the cue word (`mayBePastVerb`,
 * {@link FROM_CUES}) is a cheap necessary condition, read in the text by char
 * codes: no slice, no lower-cased copy, no regex call. Only a tail that passes
 * is cut out for the regex, which then sees exactly that tail.
 */
function tailCue(text: string, from: number, to: number, past: boolean, fromCue: boolean): TailCue {
  let i = to;
  while (i > from && isRegexSpace(text.charCodeAt(i - 1))) i--;
  if (i === to) return TailCue.None;
  let last = i;
  while (last > from && isAsciiLetter(text.charCodeAt(last - 1))) last--;
  if (last === i) return TailCue.None;
  let j = last;
  while (j > from && isRegexSpace(text.charCodeAt(j - 1))) j--;
  let previous = j;
  while (previous > from && isAsciiLetter(text.charCodeAt(previous - 1))) previous--;
  // A word, blanks, the last word.
  const two = j < last && previous < j;
  if (past) {
    if (two && PAST_INNER.has(text, last, i) && mayBePastVerb(text, previous, j) && matchesAt(PAST_BEFORE_AT, text, from, to, previous)) return TailCue.Past;
    if (mayBePastVerb(text, last, i) && matchesAt(PAST_BEFORE_AT, text, from, to, last)) return TailCue.Past;
  }
  if (fromCue) {
    if (two && FROM_INNER.has(text, last, i) && FROM_CUES.has(text, previous, j) && matchesAt(FROM_BEFORE_AT, text, from, to, previous)) return TailCue.From;
    if (FROM_CUES.has(text, last, i) && matchesAt(FROM_BEFORE_AT, text, from, to, last)) return TailCue.From;
  }
  return TailCue.None;
}

/** Whether the sticky `re` matches the tail `text[from, to)`, as a string of its own, at `at`. */
function matchesAt(re: RegExp, text: string, from: number, to: number, at: number): boolean {
  re.lastIndex = at - from;
  return re.test(text.slice(from, to));
}

/** The words {@link PAST_BEFORE} allows between its verb and the date ("said on", "met last"). */
const PAST_INNER = new WordList(['on', 'last', 'early', 'late', 'in', 'from', 'between', 'since'], true);
/** {@link PAST_BEFORE}'s verbs that do not end in "ed" (the others do, as does its `[a-z]{3,}ed`). */
const PAST_IRREGULAR = new WordList(['said', 'says', 'told', 'began', 'fell', 'rose', 'was', 'were', 'had', 'did', 'met', 'held', 'won', 'lost', 'ran', 'took', 'came', 'went', 'made'], true);
const FROM_INNER = new WordList(['on'], true);
const FROM_CUES = new WordList(['from', 'starting', 'effective'], true);

/** Whether the ASCII letters `text[a, b)` may be {@link PAST_BEFORE}'s verb: they end in "ed" or are an irregular one. */
function mayBePastVerb(text: string, a: number, b: number): boolean {
  // 101 'e', 100 'd'.
  return (b - a >= 2 && (text.charCodeAt(b - 2) | 32) === 101 && (text.charCodeAt(b - 1) | 32) === 100) || PAST_IRREGULAR.has(text, a, b);
}

/** Whether {@link PAST_BEFORE} matches `text[from, to)` (a past or reporting verb, maybe a preposition, then blanks at the end). */
export function pastCueIn(text: string, from: number, to: number): boolean {
  return tailCue(text, from, to, true, false) === TailCue.Past;
}

/** Whether {@link FROM_BEFORE} matches `text[from, to)` ("from", "starting", "effective", maybe "on", then blanks at the end). */
export function fromCueIn(text: string, from: number, to: number): boolean {
  return tailCue(text, from, to, false, true) === TailCue.From;
}

/** Whether {@link PAST_BEFORE} matches `tail` (a past or reporting verb, maybe a preposition, then blanks at the end). */
export function endsWithPastCue(tail: string): boolean {
  return pastCueIn(tail, 0, tail.length);
}

/** Whether {@link FROM_BEFORE} matches `tail` ("from", "starting", "effective", maybe "on", then blanks at the end). */
export function endsWithFromCue(tail: string): boolean {
  return fromCueIn(tail, 0, tail.length);
}

/** Whether `text` holds two lower-case letters or digits right before `i`, not before `floor` (no sentence end after them). */
function lowerOrDigitPairBefore(text: string, i: number, floor: number): boolean {
  return i - 2 >= floor && isLowerOrDigit(text.charCodeAt(i - 1)) && isLowerOrDigit(text.charCodeAt(i - 2));
}

function isLowerOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Start of the sentence holding `at` (a line break or `.!?` followed by space), at most `limit` back. */
function sentenceStart(text: string, at: number, limit = 240): number {
  const floor = Math.max(0, at - limit);
  for (let i = at - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    // Letters and most other characters end no sentence: one comparison for them.
    if (c > 63) continue;
    if (c === 10 || c === 13) return i + 1;
    if ((c === 46 || c === 33 || c === 63) && i + 1 < at && isSpace(text.charCodeAt(i + 1))) {
      // "Jan. 3" and initials are not sentence ends: require a lower-case word before the dot.
      if (c !== 46 || lowerOrDigitPairBefore(text, i, floor)) return i + 2;
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
      if (c !== 46 || lowerOrDigitPairBefore(text, i, 0)) return i;
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
  // The anchored checks only need the last words: a short tail keeps them cheap.
  const tail = Math.max(from, start - 48);
  // Past first: a past verb before the date wins over a "from" ("said from Monday").
  const cue = tailCue(text, tail, start, true, !isRange);
  if (cue === TailCue.Past) return false;
  if (cue === TailCue.From && !/^['’]s\b/.test(text.slice(end, end + 3))) return true;
  const before = text.slice(from, start);
  if (FORWARD_CUE.test(before)) return true;
  if (hasMoreWordsThan(before, OPENING_WORDS)) return false;
  // The cue must stand in the same clause: "ruled Monday; a hearing is set for …" is two.
  const after = text.slice(end, Math.min(sentenceEnd(text, end), end + CUE_AFTER_CHARS));
  const clause = /[;:—–]|\s--\s/.exec(after);
  return FORWARD_CUE.test(clause ? after.slice(0, clause.index) : after);
}

