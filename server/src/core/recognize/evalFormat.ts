/**
 * Mentions in the PER/ORG/LOC form that gold standards and the shared scorer
 * use, under one of two span conventions:
 *  - `names` (CoNLL-style): the name alone; miscellaneous mentions left out.
 *  - `meantime` (ACE/MEANTIME-style): the noun phrase, i.e. a leading "the"
 *    or capitalised title included, and nationality adjectives counted as the
 *    place they refer to (LOC).
 */
import { tagTypeOf } from './candidates';
import type { EntityMention } from './model';

/** Span conventions of gold standards. */
export type SpanConvention = 'names' | 'meantime';

/** An entity as evaluation files write it. */
export interface EvalEntity {
  readonly start: number;
  readonly end: number;
  readonly type: 'PER' | 'ORG' | 'LOC';
}

/** Converts mentions to evaluation entities under a convention. */
export function toEvalEntities(mentions: readonly EntityMention[], convention: SpanConvention = 'names'): EvalEntity[] {
  const out: EvalEntity[] = [];
  for (const m of mentions) {
    if (m.type === 'misc') {
      if (convention === 'meantime' && m.subtype === 'nationality') out.push({ start: m.start, end: m.end, type: 'LOC' });
      continue;
    }
    const start = convention === 'meantime' && m.phraseStart !== undefined ? m.phraseStart : m.start;
    out.push({ start, end: m.end, type: tagTypeOf(m.type) as EvalEntity['type'] });
  }
  if (convention !== 'meantime') return out;
  // A name inside another mention's phrase ("U.S." in "U.S. President Barack Obama") is part of that phrase.
  return out.filter((e) => !out.some((o) => o !== e && o.start <= e.start && o.end >= e.end && (o.end - o.start) > (e.end - e.start)));
}
