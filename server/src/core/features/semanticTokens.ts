import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { TokenKind, TokenModifierKind } from './tokenLegend';

/** A highlighted span with absolute offsets (it may cross lines; see {@link splitTokensAtLines}). */
export interface SemanticToken {
  readonly start: number;
  readonly length: number;
  readonly type: TokenKind;
  readonly modifiers: readonly TokenModifierKind[];
}

/** A token on one line, as LSP needs it (still absolute: delta-encoding happens at the LSP edge). */
export interface LineToken {
  readonly line: number;
  /** UTF-16 column. */
  readonly character: number;
  readonly length: number;
  readonly type: TokenKind;
  readonly modifiers: readonly TokenModifierKind[];
}

/** Settings `dossier.highlight.<kind>`: a kind set to false is not highlighted. */
export interface SemanticTokenOptions {
  readonly enabled?: Partial<Record<TokenKind, boolean>>;
}

/**
 * The semantic tokens of an indexed document: entity mentions (with the
 * `confirmed` modifier when an analyst confirmed them), dates, annotated
 * spans and boilerplate. Sorted by start and non-overlapping: where spans
 * overlap, entities and dates win over annotations, which win over
 * boilerplate; among entities and dates the earlier (then longer) one wins
 * and the other keeps only its uncovered parts.
 */
export function semanticTokens(index: WorkspaceIndex, uri: string, options: SemanticTokenOptions = {}): SemanticToken[] {
  const doc = index.document(uri);
  if (!doc) return [];
  const on = (k: TokenKind): boolean => options.enabled?.[k] !== false;
  const top: SemanticToken[] = [];
  for (const m of index.mentionsIn(uri)) {
    if (on(m.type)) top.push({ start: m.start, length: m.end - m.start, type: m.type, modifiers: m.confirmed ? ['confirmed'] : [] });
  }
  if (on('date')) for (const d of doc.dates) top.push({ start: d.start, length: d.end - d.start, type: 'date', modifiers: [] });
  const annotations: SemanticToken[] = on('annotation')
    ? doc.annotations.filter((a) => a.status !== 'orphaned').map((a) => ({ start: a.start, length: a.end - a.start, type: 'annotation' as const, modifiers: [] }))
    : [];
  const boilerplate: SemanticToken[] = on('boilerplate')
    ? doc.boilerplate.map((b) => ({ start: b.start, length: b.end - b.start, type: 'boilerplate' as const, modifiers: [] }))
    : [];
  return paint([top, annotations, boilerplate], doc.length);
}

/**
 * Lays layers of possibly overlapping tokens on top of each other: the first
 * layer wins; a later token keeps only the parts no earlier token covers.
 * Within a layer, earlier then longer tokens win. Empty and out-of-range
 * tokens are dropped. Returns tokens sorted by start, non-overlapping.
 */
export function paint(layers: ReadonlyArray<readonly SemanticToken[]>, length: number): SemanticToken[] {
  /** Occupied intervals, sorted and disjoint: [start, end) pairs. */
  const taken: Array<[number, number]> = [];
  const out: SemanticToken[] = [];
  for (const layer of layers) {
    const sorted = [...layer].sort((a, b) => a.start - b.start || b.length - a.length);
    for (const t of sorted) {
      let s = Math.max(0, t.start);
      const e = Math.min(length, t.start + t.length);
      if (e <= s) continue;
      // First taken interval that ends after s.
      let i = lowerBound(taken, s);
      const pieces: Array<[number, number]> = [];
      while (s < e) {
        const iv = taken[i];
        if (!iv || iv[0] >= e) {
          pieces.push([s, e]);
          break;
        }
        if (iv[0] > s) pieces.push([s, iv[0]]);
        s = Math.max(s, iv[1]);
        i++;
      }
      for (const [ps, pe] of pieces) {
        out.push({ start: ps, length: pe - ps, type: t.type, modifiers: t.modifiers });
        taken.splice(lowerBound(taken, ps), 0, [ps, pe]);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Index of the first interval whose end is after `offset`. */
function lowerBound(taken: ReadonlyArray<readonly [number, number]>, offset: number): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid]![1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Offsets at which lines start (after `\n`, `\r\n` or a lone `\r`), the first being 0. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * Splits sorted absolute tokens into per-line tokens (LSP tokens cannot span
 * lines), leaving out line-break characters and empty pieces. `starts` is
 * the text's line-start table (see {@link lineStarts}).
 */
export function splitTokensAtLines(tokens: readonly SemanticToken[], starts: readonly number[], text: string): LineToken[] {
  const out: LineToken[] = [];
  let line = 0;
  for (const t of tokens) {
    const end = t.start + t.length;
    while (line + 1 < starts.length && starts[line + 1]! <= t.start) line++;
    for (let l = line; l < starts.length && starts[l]! < end; l++) {
      const ls = starts[l]!;
      let le = l + 1 < starts.length ? starts[l + 1]! : text.length;
      // Exclude the line break from the line's content.
      while (le > ls && (text.charCodeAt(le - 1) === 10 || text.charCodeAt(le - 1) === 13)) le--;
      const s = Math.max(t.start, ls);
      const e = Math.min(end, le);
      if (e > s) out.push({ line: l, character: s - ls, length: e - s, type: t.type, modifiers: t.modifiers });
    }
  }
  return out;
}
