/**
 * Turns per-token BIO labels into character spans.
 */
import type { Tokens } from '../tokenize';
import type { TagResult } from './tagger';

/** Coarse tag-set type of a span. */
export type TagType = 'PER' | 'ORG' | 'LOC' | 'MISC';

const TYPES: readonly TagType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** A labelled span over tokens `first..last` (inclusive) and its character offsets. */
export interface TaggedSpan {
  readonly start: number;
  readonly end: number;
  readonly first: number;
  readonly last: number;
  readonly type: TagType;
  /** Mean per-token margin, in perceptron units. */
  readonly margin: number;
}

/** Type of a label index (undefined for O). */
export function labelType(l: number): TagType | undefined {
  return l === 0 ? undefined : TYPES[(l - 1) >> 1];
}

/** Collects spans; an I-X that does not continue a span starts one (robust to odd sequences). */
export function spansFromLabels(t: Tokens, r: TagResult): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  const { labels, margin } = r;
  let i = 0;
  while (i < t.count) {
    const l = labels[i];
    if (l === 0) { i++; continue; }
    const type = (l - 1) >> 1;
    let j = i + 1;
    let m = margin[i];
    while (j < t.count && labels[j] !== 0 && (labels[j] & 1) === 0 && ((labels[j] - 1) >> 1) === type) { m += margin[j]; j++; }
    out.push({ start: t.start[i], end: t.end[j - 1], first: i, last: j - 1, type: TYPES[type], margin: m / (j - i) });
    i = j;
  }
  return out;
}
