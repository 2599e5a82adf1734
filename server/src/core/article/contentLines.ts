import type { Line } from './lines';
import { classifyLine, type LineKind } from './lineKinds';
import { readDateLine, type DateLineReading } from './dateLines';

/**
 * A non-blank line with what can be said about it on its own: its trimmed
 * text, its line kind, its date-line reading, and how many blank lines
 * precede it (story breaks are two or more).
 */
export interface ContentLine {
  readonly line: Line;
  /** Trimmed text (`line.contentStart`..`line.contentEnd`). */
  readonly text: string;
  readonly kind: LineKind;
  readonly dateLine?: DateLineReading;
  /** Blank lines between this line and the previous non-blank one (or file start). */
  readonly gapBefore: number;
}

/** Builds the content lines of a text from its scanned (non-blank) lines; one linear pass. */
export function contentLines(text: string, lines: readonly Line[]): ContentLine[] {
  const out: ContentLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = text.slice(line.contentStart, line.contentEnd);
    const kind = classifyLine(t);
    // readDateLine's own first test, inline: most lines are too long to be date lines.
    const dateLine = kind === 'other' && t.length >= 6 && t.length <= 110 ? readDateLine(t) : undefined;
    const gapBefore = line.blankBefore;
    // One object shape for every line (dateLine may be undefined): the steps after read them all.
    out.push({ line, text: t, kind, dateLine, gapBefore });
  }
  return out;
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
  return normalForComparing(a) === normalForComparing(b);
}
