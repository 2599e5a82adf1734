import { classifyLine, type LineKind } from './lineKinds';
import { readDateLine, type DateLineReading } from './dateLines';

/**
 * A non-blank line with what can be said about it on its own: its trimmed
 * text, its line kind, its date-line reading, and how many blank lines
 * precede it (story breaks are two or more).
 */
export interface ContentLine {
  /** Offset of the line's first character other than padding (see `isPadding` in lines.ts). */
  readonly start: number;
  /** Offset just after its last character other than padding. */
  readonly end: number;
  /** Trimmed text (`start`..`end`). */
  readonly text: string;
  readonly kind: LineKind;
  readonly dateLine?: DateLineReading;
  /** Blank lines between this line and the previous non-blank one (or file start). */
  readonly gapBefore: number;
}

/**
 * The content line of the trimmed span `start`..`end` of `text`, with `gapBefore`
 * blank lines above it. Called by `scanLines` as it finds each non-blank line, so
 * the line is classified while its characters are still in the CPU cache, and no
 * separate object per physical line is made.
 */
export function contentLine(text: string, start: number, end: number, gapBefore: number): ContentLine {
  const t = text.slice(start, end);
  const kind = classifyLine(t);
  // readDateLine's own first test, inline: most lines are too long to be date lines.
  const dateLine = kind === 'other' && t.length >= 6 && t.length <= 110 ? readDateLine(t) : undefined;
  // One object shape for every line (dateLine may be undefined): the steps after read them all.
  return { start, end, text: t, kind, dateLine, gapBefore };
}

/** True for an ASCII letter or digit. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `s` with white space runs as one space and curly quotes straight, trimmed and lower-cased. */
function normalForComparing(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim().toLowerCase();
}

/** Normalised text for comparing a repeated headline with the first one. */
export function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 4) return false;
  // Cheap reject before normalising: the first letters must agree.
  if ((a.charCodeAt(0) | 0x20) !== (b.charCodeAt(0) | 0x20)) return false;
  // Normalising only lower-cases ASCII letters and digits, and leaves a run of them at
  // either end where it is: where both texts open (or end) with such runs, they must
  // agree. This rejects most pairs before the costly normalisation.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i); const y = b.charCodeAt(i);
    if (!isAsciiAlnum(x) || !isAsciiAlnum(y)) break;
    if ((x | 0x20) !== (y | 0x20)) return false;
  }
  for (let i = 1; i <= n; i++) {
    const x = a.charCodeAt(a.length - i); const y = b.charCodeAt(b.length - i);
    if (!isAsciiAlnum(x) || !isAsciiAlnum(y)) break;
    if ((x | 0x20) !== (y | 0x20)) return false;
  }
  const same = sameNormalAscii(a, b);
  return same !== undefined ? same : normalForComparing(a) === normalForComparing(b);
}

/** `\s` of a regular expression (also what `trim` removes). */
function isRegexSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A curly quote as its straight form (as normalForComparing writes it), any other code unit as it is. */
function straightQuote(c: number): number {
  return c === 0x2018 || c === 0x2019 ? 0x27 : c === 0x201c || c === 0x201d ? 0x22 : c;
}

/**
 * `normalForComparing(a) === normalForComparing(b)` read in step, without the
 * four rewritten copies of each text, where both are ASCII but for blanks and
 * curly quotes; undefined when a text holds another non-ASCII character (whose
 * lower case may differ in length or depend on context: `İ`, a final `Σ`).
 */
function sameNormalAscii(a: string, b: string): boolean | undefined {
  let i = 0; let j = 0;
  let ea = a.length; let eb = b.length;
  while (i < ea && isRegexSpace(a.charCodeAt(i))) i++;
  while (ea > i && isRegexSpace(a.charCodeAt(ea - 1))) ea--;
  while (j < eb && isRegexSpace(b.charCodeAt(j))) j++;
  while (eb > j && isRegexSpace(b.charCodeAt(eb - 1))) eb--;
  while (i < ea && j < eb) {
    const x = straightQuote(a.charCodeAt(i));
    const y = straightQuote(b.charCodeAt(j));
    const xSpace = isRegexSpace(x);
    const ySpace = isRegexSpace(y);
    if (xSpace || ySpace) {
      // A run of blanks inside the text is one space.
      if (xSpace !== ySpace) return false;
      while (isRegexSpace(a.charCodeAt(i))) i++;
      while (isRegexSpace(b.charCodeAt(j))) j++;
      continue;
    }
    // The Kelvin sign lower-cases to `k`: any non-ASCII character leaves the answer to the rewrites.
    if (x > 0x7f || y > 0x7f) return undefined;
    // ASCII lower case: upper-case letters only.
    if ((x >= 65 && x <= 90 ? x | 0x20 : x) !== (y >= 65 && y <= 90 ? y | 0x20 : y)) return false;
    i++; j++;
  }
  // One text goes on (with no blank first: runs of blanks are read in step), so they differ.
  // An early `false` stands too: lower-casing what follows cannot change what came before
  // (only a final Σ looks at its neighbours, and it changes only itself).
  return i === ea && j === eb;
}
