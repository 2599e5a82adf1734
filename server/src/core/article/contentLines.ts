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
  return normalForComparing(a) === normalForComparing(b);
}
