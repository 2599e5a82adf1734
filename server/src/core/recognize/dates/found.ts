/**
 * What every resolution rule works with: the story context, the captures of
 * the match, and `Found`, which builds mentions and asks the sentence cues.
 */
import type { DateMention } from '../model';
import { looksForward } from './sentenceCues';

/** What the resolver needs besides the match: the text and the story's date. */
export interface ResolveContext {
  readonly text: string;
  /** Day number of the reference (publication) date; undefined resolves only dates that name their year. */
  readonly ref: number | undefined;
  /** The reference date as `YYYY-MM-DD`, for `resolvedFrom`; '' without one. */
  readonly refIso: string;
  /** Whether ambiguous numeric dates are month-first; computed once per text, on demand. */
  readonly monthFirst: () => boolean;
}

/** A value, its granularity and how it was found. */
type Resolved = readonly [string, DateMention['granularity'], string];

export type { Groups } from './captures';

/**
 * One match on its way to a mention: where it is, and the two things most
 * rules need (building the mention, asking whether the sentence looks forward).
 * A class rather than per-match closures, which the hot path would allocate.
 */
export class Found {
  readonly start: number;
  readonly end: number;
  constructor(readonly m: RegExpExecArray, readonly ctx: ResolveContext, private readonly isRange: boolean) {
    this.start = m.index;
    this.end = m.index + m[0].length;
  }

  make(value: string, granularity: DateMention['granularity'], resolvedFrom: string, rangeEnd?: string): DateMention {
    const { start, end } = this;
    const text = this.m[0];
    return rangeEnd === undefined
      ? { start, end, text, value, granularity, resolvedFrom }
      : { start, end, text, value, granularity, resolvedFrom, rangeEnd };
  }

  /**
   * A range written with two full endpoints ("from 2009 to 2011", "between April
   * and June"): two mentions, one per endpoint, the first carrying the range's
   * end. Each endpoint is a date of its own, as news annotation marks them.
   */
  split(first: string, second: string, v1: string, v2: string, granularity: DateMention['granularity'], how: string): [DateMention, DateMention] | undefined {
    const pair = this.pair(first, second, [v1, granularity, how], [v2, granularity, how]);
    if (!pair) return undefined;
    // Spelled out rather than spread (same keys, same order): a spread copies slowly.
    const [a, b] = pair;
    return [{ start: a.start, end: a.end, text: a.text, value: a.value, granularity: a.granularity, resolvedFrom: a.resolvedFrom, rangeEnd: v2 }, b];
  }

  /**
   * Two dates read together, each its own mention: "October of next year" is
   * "October" (2010-10, placed by its neighbour) and "next year" (2010).
   */
  pair(first: string, second: string, a: Resolved, b: Resolved): [DateMention, DateMention] | undefined {
    const whole = this.m[0];
    const i = whole.indexOf(first);
    const j = whole.lastIndexOf(second);
    if (i < 0 || j < i + first.length) return undefined;
    const s1 = this.start + i;
    const s2 = this.start + j;
    return [
      { start: s1, end: s1 + first.length, text: first, value: a[0], granularity: a[1], resolvedFrom: a[2] },
      { start: s2, end: this.end, text: whole.slice(j), value: b[0], granularity: b[1], resolvedFrom: b[2] },
    ];
  }

  forward(): boolean {
    return looksForward(this.ctx.text, this.start, this.end, this.isRange);
  }
}

