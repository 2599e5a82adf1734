/**
 * Shape tests for lines whose role depends on how they look rather than on a
 * fixed wording: headlines, image captions and body sub-headings.
 */

import { leadPairTable, opensWithPair } from './leadPairs';

const URL_RE = /^(?:https?:\/\/|www\.)\S+$/i;

/** True for a bare URL line; the first letter (`h` or `w`) is checked before the regex. */
function isUrl(s: string): boolean {
  const c = s.charCodeAt(0) | 0x20;
  return (c === 0x68 || c === 0x77) && URL_RE.test(s);
}
/** The last character, by code unit (callers pass trimmed lines). */
function lastChar(s: string): number {
  return s.charCodeAt(s.length - 1);
}

/** True when `c` is one of the given characters. */
function isOneOf(c: number, chars: string): boolean {
  return chars.indexOf(String.fromCharCode(c)) >= 0;
}

// At least N words, a word being a run of characters other than space, tab and
// NBSP: N-1 words with their trailing spaces, then the start of one more. A regex
// rather than a character loop: these run before the loop would be optimised.
const AT_LEAST_2_WORDS = /^[ \t\u00a0]*[^ \t\u00a0]+[ \t\u00a0]+[^ \t\u00a0]/;
const AT_LEAST_6_WORDS = /^[ \t\u00a0]*(?:[^ \t\u00a0]+[ \t\u00a0]+){5}[^ \t\u00a0]/;
const AT_LEAST_13_WORDS = /^[ \t\u00a0]*(?:[^ \t\u00a0]+[ \t\u00a0]+){12}[^ \t\u00a0]/;
const AT_LEAST_36_WORDS = /^[ \t\u00a0]*(?:[^ \t\u00a0]+[ \t\u00a0]+){35}[^ \t\u00a0]/;
// N words take at least 2N - 1 code units (a one-character word and one blank each):
// a shorter line fails the pattern without running it.
const MIN_LENGTH_36_WORDS = 71;
const MIN_LENGTH_13_WORDS = 25;
const MIN_LENGTH_6_WORDS = 11;

/** True when the string starts with an uppercase letter, digit or opening quote. */
function startsLikeTitle(s: string): boolean {
  const c = s.charCodeAt(0);
  // ASCII answered by char code (most lines); other characters by the Unicode classes.
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b;
  return /^[\p{Lu}\p{N}"'“‘«¿¡(\[]/u.test(s);
}

/** True when the string starts like a sub-heading: an upper-case letter, a digit or an opening quote. */
function startsLikeSubheading(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x22 || c === 0x27;
  return /^[\p{Lu}\p{N}"'“‘«]/u.test(s);
}

/** True when `s` holds a letter; one that opens with an ASCII letter (most lines) needs no regex. */
function hasLetter(s: string): boolean {
  const c = s.charCodeAt(0) | 0x20;
  return (c >= 97 && c <= 122) || /\p{L}/u.test(s);
}

/** Length of a Markdown heading marker (`# `, `## `) at the start of `s`, else 0. */
export function markdownHeadingPrefix(s: string): number {
  const m = /^#{1,3}[ \t]+(?=\S)/.exec(s);
  return m ? m[0].length : 0;
}

/** True when `s` is a plausible headline: one short title-like line, not a sentence ending in a period. */
export function isHeadlineLike(s: string): boolean {
  // Some scrapers write the headline as a Markdown heading.
  if (s.charCodeAt(0) === 0x23) {
    const n = markdownHeadingPrefix(s);
    if (n === 0) return false;
    s = s.slice(n);
  }
  if (s.length < 8 || s.length > 250) return false;
  if (isOneOf(lastChar(s), '.,;:') || isUrl(s)) return false;
  if (!startsLikeTitle(s) || !hasLetter(s)) return false;
  return AT_LEAST_2_WORDS.test(s) && !(s.length >= MIN_LENGTH_36_WORDS && AT_LEAST_36_WORDS.test(s));
}

// Photo credits in brackets at the end (`(AFP/File photo)`, `[Screengrab/Reuters]`, `(ISPR)`).
const CREDIT_BRACKET = /[([]([^()[\]]{2,80})[)\]]\s*$/;
const PHOTO_WORDS = /\b(?:photos?|pictures?|pictured|images?|handout|file|screengrab|screenshot|video\s+grab|AFP|Reuters|AP|Getty|EPA|Xinhua|Anadolu|Bloomberg|Shutterstock|courtesy|credit)\b/i;
const CAPTION_PREFIX = /^(?:photo|image|picture|caption|credit|photograph|image\s+source|image\s+caption|file\s+photo)\s*[:,]/i;
// The first two letters of CAPTION_PREFIX's words: checked before the regex (see leadPairs.ts).
const CAPTION_PAIRS = leadPairTable(['ph', 'im', 'pi', 'ca', 'cr', 'fi']);

/**
 * True for an image caption: a caption prefix (`Photo:`, `Image caption,`)
 * or a trailing bracketed credit on a line that talks about a photo or names
 * an agency. Strict enough to use inside the body.
 */
export function isCaptionLike(s: string): boolean {
  if (opensWithPair(CAPTION_PAIRS, s) && CAPTION_PREFIX.test(s)) return true;
  // Callers pass trimmed lines, so the credit's bracket is the last character.
  const last = s.charCodeAt(s.length - 1);
  if (s.length < 20 || (last !== 0x29 && last !== 0x5d)) return false;
  // Only the tail can hold the credit; looking at it alone keeps long lines cheap.
  if (!CREDIT_BRACKET.test(s.length > 120 ? s.slice(-120) : s)) return false;
  return PHOTO_WORDS.test(s.length > 600 ? s.slice(0, 300) + s.slice(-300) : s);
}

/**
 * True for a sub-heading inside the body (`Fears of escalation and wider
 * instability`, `‘CHANGED FACES’`): short, no sentence punctuation at the end.
 */
export function isSubheadingLike(s: string): boolean {
  if (s.length < 3 || s.length > 90) return false;
  // A question may be a heading (`What should I do in a storm?`); a full stop may not.
  if (isOneOf(lastChar(s), '.,;:!') || isUrl(s)) return false;
  if (!startsLikeSubheading(s) || !hasLetter(s)) return false;
  return !(s.length >= MIN_LENGTH_13_WORDS && AT_LEAST_13_WORDS.test(s));
}

/** True when a line is prose: long, or a sentence ending in terminal punctuation. */
export function isProse(s: string): boolean {
  if (s.length > 250) return true;
  // Ends a sentence: `.`, `!` or `?`, maybe followed by one closing quote or bracket.
  let c = lastChar(s);
  if (isOneOf(c, '"”’)')) c = s.charCodeAt(s.length - 2);
  return isOneOf(c, '.!?') && s.length >= MIN_LENGTH_6_WORDS && AT_LEAST_6_WORDS.test(s);
}
