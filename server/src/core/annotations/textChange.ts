/**
 * The cheap path of re-anchoring: when the editor tells us exactly what changed
 * (LSP incremental content changes), offsets can be carried through the edits
 * without searching the text at all.
 */

import type { Span } from '../text/problem';

/**
 * One replacement in a text: `deleteLength` UTF-16 units at `offset` are replaced
 * by `insertText`. A list of changes is applied in order, each against the text
 * produced by the previous ones (as LSP `contentChanges` are).
 */
export interface TextChange {
  readonly offset: number;
  readonly deleteLength: number;
  readonly insertText: string;
}

/** A span carried through changes; `touched` when a change overlapped it. */
export interface MappedSpan extends Span {
  /** True when some change replaced text inside the span, so its content may differ. */
  readonly touched: boolean;
}

/**
 * Carries a span through a sequence of changes. Text inserted exactly at the
 * span's start pushes it right; text inserted exactly at its end stays outside
 * (an annotation does not grow when the analyst types after it).
 */
export function mapSpanThroughChanges(span: Span, changes: readonly TextChange[]): MappedSpan {
  let { start, end } = span;
  let touched = false;
  for (const change of changes) {
    const from = change.offset;
    const to = change.offset + change.deleteLength;
    const delta = change.insertText.length - change.deleteLength;
    if (to <= start) {
      // Wholly before the span (an insertion at its start counts as before).
      start += delta;
      end += delta;
    } else if (from >= end) {
      // Wholly after the span: nothing moves.
    } else {
      touched = true;
      const newStart = from < start ? from : start;
      const newEnd = to >= end ? from + change.insertText.length : end + delta;
      start = newStart;
      end = Math.max(newStart, newEnd);
    }
  }
  return { start, end, touched };
}
