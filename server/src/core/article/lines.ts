/**
 * Line scanning: the one pass over the raw text that every later step builds
 * on. Lines are kept as offsets into the original text so parts can point
 * back at it exactly, whatever the line endings. Each non-blank line is
 * classified as it is found (`contentLine`).
 */
import { contentLine, type ContentLine } from './contentLines';

/**
 * The non-blank lines of a text and what line endings it used. Blank lines
 * are only counted (in `gapBefore`): a file of mostly blank lines then
 * costs no objects.
 */
export interface LineScan {
  readonly lines: ContentLine[];
  /** Number of physical lines, blank ones included. */
  readonly lineCount: number;
  readonly crlf: number;
  readonly lf: number;
  readonly cr: number;
}

/**
 * True for characters we treat as blank padding. Scraped pages pad with NBSP
 * (`\u00A0`) lines and BOM/zero-width characters, which must read as blank.
 */
export function isPadding(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0xa0 ||
    code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f ||
    code === 0x3000 || code === 0x1680 || code === 0x85;
}

/**
 * Splits `text` into lines on `\r\n`, `\n` or a lone `\r` and keeps the non-blank ones, trimmed of
 * padding and classified. Linear; uses `indexOf` for the common no-CR case so it runs at memory speed.
 */
export function scanLines(text: string): LineScan {
  const lines: ContentLine[] = [];
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const hasCr = text.indexOf('\r') >= 0;
  let pos = 0;
  const n = text.length;
  let nextLf = -1;
  let nextCr = -1;
  let lineCount = 0;
  let blank = 0;
  while (pos <= n) {
    let end: number;
    let next: number;
    if (!hasCr) {
      const i = text.indexOf('\n', pos);
      if (i < 0) { end = n; next = n + 1; } else { end = i; next = i + 1; lf++; }
    } else {
      // Next LF and next CR, each found with indexOf and reused until passed.
      if (nextLf < pos) { nextLf = text.indexOf('\n', pos); if (nextLf < 0) nextLf = n; }
      if (nextCr < pos) { nextCr = text.indexOf('\r', pos); if (nextCr < 0) nextCr = n; }
      const i = nextLf < nextCr ? nextLf : nextCr;
      end = i;
      if (i >= n) next = n + 1;
      else if (i === nextCr && text.charCodeAt(i + 1) === 10) { next = i + 2; crlf++; }
      else if (i === nextCr) { next = i + 1; cr++; }
      else { next = i + 1; lf++; }
    }
    // Visible ASCII is never padding: tested inline, it spares a call for nearly every line.
    let cs = pos;
    while (cs < end) {
      const c = text.charCodeAt(cs);
      if ((c > 0x20 && c < 0x7f) || !isPadding(c)) break;
      cs++;
    }
    let ce = end;
    while (ce > cs) {
      const c = text.charCodeAt(ce - 1);
      if ((c > 0x20 && c < 0x7f) || !isPadding(c)) break;
      ce--;
    }
    // A final empty line after a trailing newline is not a line of its own.
    if (!(next > n && pos === n && lineCount > 0)) {
      if (cs < ce) {
        lines.push(contentLine(text, cs, ce, blank));
        blank = 0;
      } else {
        blank++;
      }
      lineCount++;
    }
    pos = next;
  }
  return { lines, lineCount, crlf, lf, cr };
}
