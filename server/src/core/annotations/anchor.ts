/**
 * Anchoring: finding an annotation's span again after the article changed.
 *
 * The order of attempts follows the cost and the confidence of each: the stored
 * position (free, certain), the exact quote nearest that position with prefix and
 * suffix to tell repeated quotes apart (cheap, certain about the text), a fuzzy
 * match within a bounded error (costlier, approximate), and finally `orphaned`,
 * which keeps the annotation instead of guessing.
 */

import search from 'approx-string-match';
import type { Anchor, TextPositionSelector } from './model';
import { mapSpanThroughChanges, type TextChange } from './textChange';

/** Characters of context kept either side of a quote (W3C suggests ~32). */
export const DEFAULT_CONTEXT_LENGTH = 32;

/**
 * How an annotation was found in the current text:
 * - `exact`: the quote sits where it was expected (the stored position, or where
 *   the known edits carried it);
 * - `moved`: the exact quote was found elsewhere;
 * - `fuzzy`: only an approximate match was found (`errors` edits away);
 * - `orphaned`: not found; the annotation is kept and waits to be re-attached.
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

/** Where an anchor landed in the current text. `start`/`end` are absent when orphaned. */
export interface AnchorResolution {
  readonly status: AnchorStatus;
  readonly start?: number;
  readonly end?: number;
  /** Edit distance between the quote and the matched text (0 unless fuzzy). */
  readonly errors?: number;
}

/** Bounds of the search; the defaults suit articles of up to a few megabytes. */
export interface ReanchorOptions {
  /** Where the quote is expected; defaults to the anchor's stored position. */
  readonly expected?: TextPositionSelector;
  /** Largest accepted fuzzy error, as a fraction of the quote length (default 0.2). */
  readonly maxErrorRate?: number;
  /** Characters searched either side of the expected position before the whole text (default 2048). */
  readonly window?: number;
  /** Texts longer than this are searched fuzzily only around the expected position (default 2,000,000). */
  readonly maxFullSearchLength?: number;
  /** At most this many exact occurrences, the nearest to the expected position, are compared (default 10,000). */
  readonly maxCandidates?: number;
}

/**
 * Builds an anchor for `text[start, end)`: the quote, up to `contextLength`
 * characters of context either side, and the offsets. Offsets are clamped into
 * the text and ordered, so a bad selection still gives a valid anchor.
 */
export function createAnchor(text: string, start: number, end: number, contextLength = DEFAULT_CONTEXT_LENGTH): Anchor {
  const x = clamp(start, 0, text.length);
  const y = clamp(end, 0, text.length);
  const a = Math.min(x, y);
  const b = Math.max(x, y);
  return {
    quote: {
      exact: text.slice(a, b),
      prefix: text.slice(Math.max(0, a - contextLength), a),
      suffix: text.slice(b, b + contextLength),
    },
    position: { start: a, end: b },
  };
}

/** Finds `anchor` in `text` (see the module comment for the order of attempts). Never throws. */
export function reanchor(anchor: Anchor, text: string, options: ReanchorOptions = {}): AnchorResolution {
  const { exact } = anchor.quote;
  const expected = options.expected ?? anchor.position;
  if (exact.length === 0) return { status: 'orphaned' };

  const exactMatch = findExact(anchor, text, expected, options.maxCandidates ?? 10_000);
  if (exactMatch !== undefined) {
    const status = exactMatch === expected.start ? 'exact' : 'moved';
    return { status, start: exactMatch, end: exactMatch + exact.length, errors: 0 };
  }
  const fuzzy = findFuzzy(anchor, text, expected, options);
  if (fuzzy) return { status: 'fuzzy', start: fuzzy.start, end: fuzzy.end, errors: fuzzy.errors };
  return { status: 'orphaned' };
}

/**
 * The incremental path: carries the anchor through known edits (LSP content
 * changes), and searches only when an edit touched the span or the quote is not
 * where the edits put it.
 */
export function reanchorAfterChanges(
  anchor: Anchor,
  changes: readonly TextChange[],
  newText: string,
  options: ReanchorOptions = {},
): AnchorResolution {
  const base = options.expected ?? anchor.position;
  const mapped = mapSpanThroughChanges(base, changes);
  const { exact } = anchor.quote;
  if (!mapped.touched && exact.length > 0 && newText.startsWith(exact, mapped.start)) {
    return { status: 'exact', start: mapped.start, end: mapped.start + exact.length, errors: 0 };
  }
  return reanchor(anchor, newText, { ...options, expected: { start: mapped.start, end: mapped.end } });
}

/** Start of the best exact occurrence of the quote, or undefined. */
function findExact(anchor: Anchor, text: string, expected: TextPositionSelector, maxCandidates: number): number | undefined {
  const { exact, prefix, suffix } = anchor.quote;
  const fullContext = prefix.length + suffix.length;
  // The common case costs one comparison: nothing moved and the context agrees.
  if (text.startsWith(exact, expected.start) && contextScore(anchor, text, expected.start) === fullContext) {
    return expected.start;
  }
  let starts: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) starts.push(i);
  if (starts.length === 0) return undefined;
  if (starts.length > maxCandidates) {
    starts = starts.sort((x, y) => Math.abs(x - expected.start) - Math.abs(y - expected.start)).slice(0, maxCandidates);
  }
  // Context decides between repeated quotes; the distance to the expected position breaks ties.
  let best = starts[0]!;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const s of starts) {
    const score = contextScore(anchor, text, s);
    const distance = Math.abs(s - expected.start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = s;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** Best approximate match within the error bound: near the expected position first, then anywhere. */
function findFuzzy(
  anchor: Anchor,
  text: string,
  expected: TextPositionSelector,
  options: ReanchorOptions,
): { start: number; end: number; errors: number } | undefined {
  const { exact } = anchor.quote;
  const maxErrors = Math.floor(exact.length * (options.maxErrorRate ?? 0.2));
  if (maxErrors < 1 || text.length === 0) return undefined;
  const window = Math.max(options.window ?? 2048, exact.length * 2);
  const from = clamp(Math.min(expected.start, expected.end) - window, 0, text.length);
  const to = clamp(Math.max(expected.start, expected.end) + window, 0, text.length);
  const near = bestFuzzy(anchor, text, from, to, maxErrors, expected);
  if (near) return near;
  const wholeTextSearched = from === 0 && to === text.length;
  if (wholeTextSearched || text.length > (options.maxFullSearchLength ?? 2_000_000)) return undefined;
  return bestFuzzy(anchor, text, 0, text.length, maxErrors, expected);
}

function bestFuzzy(
  anchor: Anchor,
  text: string,
  from: number,
  to: number,
  maxErrors: number,
  expected: TextPositionSelector,
): { start: number; end: number; errors: number } | undefined {
  const matches = search(text.slice(from, to), anchor.quote.exact, maxErrors);
  let best: { start: number; end: number; errors: number } | undefined;
  let bestKey: [number, number, number] = [Infinity, Infinity, Infinity];
  for (const m of matches) {
    const start = from + m.start;
    const end = from + m.end;
    if (end <= start) continue;
    // Fewest errors first, then the best context, then the nearest.
    const key: [number, number, number] = [m.errors, -contextScore(anchor, text, start, end), Math.abs(start - expected.start)];
    if (lessThan(key, bestKey)) {
      best = { start, end, errors: m.errors };
      bestKey = key;
    }
  }
  return best;
}

/**
 * How many characters of the stored prefix and suffix agree with the text
 * around a candidate match (prefix compared backwards from the match).
 */
function contextScore(anchor: Anchor, text: string, start: number, end = start + anchor.quote.exact.length): number {
  const { prefix, suffix } = anchor.quote;
  let score = 0;
  for (let i = 1; i <= prefix.length && start - i >= 0; i++) {
    if (text.charCodeAt(start - i) !== prefix.charCodeAt(prefix.length - i)) break;
    score++;
  }
  for (let i = 0; i < suffix.length && end + i < text.length; i++) {
    if (text.charCodeAt(end + i) !== suffix.charCodeAt(i)) break;
    score++;
  }
  return score;
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]!;
  }
  return false;
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}
