/**
 * The working representation of entity proposals while the recognizer
 * combines its signals, and the overlap resolution that picks among them.
 */
import type { EntityType, MiscSubtype } from './model';
import type { TagType } from './tagger/spans';

/** Where a proposal came from; the order of `SOURCE_PRIORITY` decides overlaps. */
export type ProposalSource = 'analyst' | 'knowledge' | 'acronym' | 'title' | 'suffix' | 'tagger' | 'consistency' | 'gazetteer';

/** Higher wins when two proposals overlap (then the longer one, then the more confident). */
export const SOURCE_PRIORITY: Readonly<Record<ProposalSource, number>> = {
  analyst: 100, knowledge: 90, acronym: 60, title: 50, suffix: 40, tagger: 30, consistency: 25, gazetteer: 10,
};

/** A proposed entity over tokens `first..last` (inclusive). */
export interface Proposal {
  first: number;
  last: number;
  type: EntityType;
  confidence: number;
  source: ProposalSource;
  /** A canonical name the signal itself knows (acronym long form, analyst's canonical). */
  canonical?: string;
  /** Finer kind of a misc proposal. */
  subtype?: MiscSubtype;
}

/** Maps the tag set to Dossier's entity types. */
export function entityTypeOf(t: TagType): EntityType {
  switch (t) {
    case 'PER': return 'person';
    case 'ORG': return 'organization';
    case 'LOC': return 'location';
    default: return 'misc';
  }
}

/** Maps Dossier's entity types to the PER/ORG/LOC/MISC tag set used by evaluation data. */
export function tagTypeOf(t: EntityType): TagType {
  switch (t) {
    case 'person': return 'PER';
    case 'organization': return 'ORG';
    case 'location': return 'LOC';
    default: return 'MISC';
  }
}

/**
 * Keeps a non-overlapping subset: by source priority, then length, then
 * confidence. Returns the kept proposals sorted by position.
 */
export function resolveOverlaps(proposals: readonly Proposal[], tokenCount: number): Proposal[] {
  const order = [...proposals].sort((a, b) =>
    SOURCE_PRIORITY[b.source] - SOURCE_PRIORITY[a.source] || (b.last - b.first) - (a.last - a.first) || b.confidence - a.confidence);
  const taken = new Uint8Array(tokenCount);
  const kept: Proposal[] = [];
  for (const p of order) {
    let free = true;
    for (let i = p.first; i <= p.last; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    for (let i = p.first; i <= p.last; i++) taken[i] = 1;
    kept.push(p);
  }
  return kept.sort((a, b) => a.first - b.first);
}
