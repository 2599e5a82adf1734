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
 * confidence (ties keep the input order). Returns the kept proposals sorted by position.
 */
export function resolveOverlaps(proposals: readonly Proposal[], tokenCount: number): Proposal[] {
  const n = proposals.length;
  // Sort keys read once into flat arrays: the comparator then touches no objects.
  const pri = new Int32Array(n);
  const len = new Int32Array(n);
  const conf = new Float64Array(n);
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = proposals[i];
    pri[i] = SOURCE_PRIORITY[p.source];
    len[i] = p.last - p.first;
    conf[i] = p.confidence;
    order[i] = i;
  }
  // The index as last key reproduces a stable sort (a NaN confidence compares equal, as it did).
  order.sort((a, b) => pri[b] - pri[a] || len[b] - len[a] || conf[b] - conf[a] || a - b);
  const taken = takenBuffer(tokenCount);
  const kept: Proposal[] = [];
  for (let o = 0; o < n; o++) {
    const p = proposals[order[o]];
    let free = true;
    for (let i = p.first; i <= p.last; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    for (let i = p.first; i <= p.last; i++) taken[i] = 1;
    kept.push(p);
  }
  return kept.sort(byFirst);
}

function byFirst(a: Proposal, b: Proposal): number {
  return a.first - b.first;
}

/** One token-occupancy buffer reused by every call (resolution is synchronous and never nested). */
let takenStore = new Uint8Array(1024);

/** A zeroed occupancy array of exactly `tokenCount` entries (a view, so out-of-range indices behave as in a fresh array). */
function takenBuffer(tokenCount: number): Uint8Array {
  if (tokenCount > 1 << 20) return new Uint8Array(tokenCount); // a huge text does not pin its memory
  if (takenStore.length < tokenCount) takenStore = new Uint8Array(tokenCount + (tokenCount >> 1));
  takenStore.fill(0, 0, tokenCount);
  return takenStore.subarray(0, tokenCount);
}
