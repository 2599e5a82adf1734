/**
 * The working representation of entity proposals while the recognizer
 * combines its signals, and the overlap resolution that picks among them.
 */
import { ReusedBytes } from './reusedBytes';
import type { EntityType, MiscSubtype } from './model';
import type { TagType } from './tagger/spans';

/** Where a proposal came from; the order of `SOURCE_PRIORITY` decides overlaps. */
export type ProposalSource = 'analyst' | 'knowledge' | 'acronym' | 'title' | 'suffix' | 'tagger' | 'consistency' | 'gazetteer';

/** Higher wins when two proposals overlap (then the longer one, then the more confident). */
export const SOURCE_PRIORITY: Readonly<Record<ProposalSource, number>> = {
  analyst: 100, knowledge: 90, acronym: 60, title: 50, suffix: 40, tagger: 30, consistency: 25, gazetteer: 10,
};

/** `SOURCE_PRIORITY[source]` as a switch: a keyed load with a string key is slow in the hot loops. */
export function sourcePriority(source: ProposalSource): number {
  switch (source) {
    case 'analyst': return 100;
    case 'knowledge': return 90;
    case 'acronym': return 60;
    case 'title': return 50;
    case 'suffix': return 40;
    case 'tagger': return 30;
    case 'consistency': return 25;
    default: return 10;
  }
}

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
  /** Where the noun phrase of a titled person begins (the title, or a nationality before it). */
  phraseFirst?: number;
}

/**
 * Makes a proposal. Every proposal of the pipeline is made here, with all fields in
 * one order (absent ones undefined): the functions that read proposals then see one
 * object shape, which V8 optimizes for; mixed shapes (literals with or without
 * `canonical`, spreads) made them polymorphic and deoptimized them again and again.
 */
export function proposal(first: number, last: number, type: EntityType, confidence: number, source: ProposalSource,
  canonical?: string, subtype?: MiscSubtype, phraseFirst?: number): Proposal {
  return { first, last, type, confidence, source, canonical, subtype, phraseFirst };
}

/** Any proposal, only to give `proposalList` its elements kind. */
const SEED: Proposal = proposal(0, 0, 'misc', 0, 'gazetteer');

/**
 * A new empty list of proposals. A literal `[]` is an array of small integers to V8 until
 * something is pushed, and `map` makes "holey" arrays: the functions of the pipeline then
 * saw three kinds of list, and each new kind meeting optimized code deoptimized it (stories
 * without any name made empty lists). Every list of the pipeline starts here, as an
 * array of objects, so they all have one kind.
 */
export function proposalList(): Proposal[] {
  const list = [SEED];
  list.pop();
  return list;
}

/** A copy of `p` with other bounds, type and confidence (what `{ ...p, ... }` did, in the one shape). */
export function reshaped(p: Proposal, first: number, last: number, type: EntityType, confidence: number, subtype = p.subtype): Proposal {
  return proposal(first, last, type, confidence, p.source, p.canonical, subtype, p.phraseFirst);
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
  // Proposals that share no token are all kept, whatever the order: then no sort is needed
  // (after consistency, which only adds names where nothing was, this is the rule).
  if (disjoint(proposals, tokenCount)) {
    const all = proposalList();
    for (let i = 0; i < n; i++) all.push(proposals[i]);
    return sortByFirst(all);
  }
  // Proposals of one source rarely overlap one another (the tagger's spans never do): then no sort.
  const ranked = byRankIfDisjoint(proposals, tokenCount);
  if (ranked !== undefined) return greedy(proposals, ranked, n, tokenCount);
  // Sort keys read once into flat arrays: comparisons then touch no objects.
  const k = keyBuffers(n);
  const { pri, len, conf, order, key } = k;
  let finite = true;
  let packable = true;
  for (let i = 0; i < n; i++) {
    const p = proposals[i];
    const pr = sourcePriority(p.source);
    const l = p.last - p.first;
    pri[i] = pr;
    len[i] = l;
    key[i] = pr * LEN_SPAN + l;
    if (l >= MAX_PACKED_LEN || l <= -MAX_PACKED_LEN) packable = false;
    conf[i] = p.confidence;
    if (!Number.isFinite(p.confidence)) finite = false;
    order[i] = i;
  }
  sortIndices(k, n, finite, packable);
  return greedy(proposals, order, n, tokenCount);
}

/** The greedy selection: proposals in `order`, each kept unless a kept one holds one of its tokens; sorted by position. */
function greedy(proposals: readonly Proposal[], order: Int32Array, n: number, tokenCount: number): Proposal[] {
  const taken = TAKEN.zeroed(tokenCount);
  const kept = proposalList();
  for (let o = 0; o < n; o++) {
    const p = proposals[order[o]];
    let free = true;
    for (let i = p.first; i <= p.last; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    for (let i = p.first; i <= p.last; i++) taken[i] = 1;
    kept.push(p);
  }
  return sortByFirst(kept);
}

/**
 * The proposals' indices by source priority (descending; input order within a source), when
 * that order selects what the full order (priority, length, confidence, position) selects:
 * when the proposals of each source are pairwise disjoint (and each is non-empty, within the
 * tokens, of finite confidence). A proposal is then kept exactly when no kept proposal of a
 * higher priority holds one of its tokens (none of its own priority can), whatever the order
 * within its priority; the kept proposals are disjoint and non-empty, so their order by position
 * is the same too. Undefined otherwise (then the full sort decides).
 */
function byRankIfDisjoint(proposals: readonly Proposal[], tokenCount: number): Int32Array | undefined {
  const n = proposals.length;
  const k = keyBuffers(n);
  const rank = k.key;
  const order = k.order;
  const counts = RANK_COUNTS;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const p = proposals[i];
    if (p.last < p.first || p.first < 0 || p.last >= tokenCount || !Number.isFinite(p.confidence)) return undefined;
    const r = rankOf(p.source);
    rank[i] = r;
    counts[r]++;
  }
  // Start of each rank's run in `order` (a counting sort: stable within a rank).
  let at = 0;
  for (let r = 0; r < RANKS; r++) { const c = counts[r]; counts[r] = at; at += c; }
  for (let i = 0; i < n; i++) order[counts[rank[i]]++] = i;
  // Each rank marks its proposals' tokens with its own value (rank + 1): a token met twice under
  // one value is shared by two proposals of that rank (a mark left by an earlier rank differs).
  const mark = RANK_MARKS.zeroed(tokenCount);
  let from = 0;
  for (let r = 0; r < RANKS; r++) {
    const to = counts[r];
    if (to - from > 1) {
      for (let o = from; o < to; o++) {
        const p = proposals[order[o]];
        for (let i = p.first; i <= p.last; i++) {
          if (mark[i] === r + 1) return undefined;
          mark[i] = r + 1;
        }
      }
    }
    from = to;
  }
  return order;
}

/** Number of distinct source priorities. */
const RANKS = 8;
/** Proposals per rank, then each rank's next position (reused). */
const RANK_COUNTS = new Int32Array(RANKS);

/** A source's place in `SOURCE_PRIORITY`, highest first (0: analyst ... 7: gazetteer). */
function rankOf(source: ProposalSource): number {
  switch (source) {
    case 'analyst': return 0;
    case 'knowledge': return 1;
    case 'acronym': return 2;
    case 'title': return 3;
    case 'suffix': return 4;
    case 'tagger': return 5;
    case 'consistency': return 6;
    default: return 7;
  }
}

/**
 * Whether no two proposals share a token, and each lies within 0..tokenCount-1 and is not empty:
 * then their starts differ, so their order by position is the same whatever order the greedy
 * selection met them in (tokens out of range are never taken, and an empty proposal is free
 * everywhere: such proposals may share a start, and their order would follow the sort).
 * Marks in a buffer of its own, so overlap resolution's buffer starts clean.
 */
function disjoint(proposals: readonly Proposal[], tokenCount: number): boolean {
  const seen = SEEN.zeroed(tokenCount);
  for (let k = 0; k < proposals.length; k++) {
    const p = proposals[k];
    if (p.last < p.first || p.first < 0 || p.last >= tokenCount) return false;
    for (let i = p.first; i <= p.last; i++) {
      if (seen[i]) return false;
      seen[i] = 1;
    }
  }
  return true;
}

/** Flat sort keys of the proposals, reused from call to call (resolution is synchronous and never nested). */
interface SortKeys {
  pri: Int32Array;
  len: Int32Array;
  conf: Float64Array;
  order: Int32Array;
  /** Priority and length in one integer (`pri * LEN_SPAN + len`), ordered as the pair when lengths are packable. */
  key: Int32Array;
  /** Merge buffer of the sort. */
  tmp: Int32Array;
}

// Room for 2,048 proposals from the start: a buffer growing mid-run deoptimizes `resolveOverlaps` (see scratch.ts).
let keyStore: SortKeys = sortKeys(2048);

/** Sort key buffers of room `cap`. */
function sortKeys(cap: number): SortKeys {
  return { pri: new Int32Array(cap), len: new Int32Array(cap), conf: new Float64Array(cap), order: new Int32Array(cap), key: new Int32Array(cap), tmp: new Int32Array(cap) };
}

/**
 * Packing priority and length into one int32: priorities differ by at least 5 (`sourcePriority`),
 * so `pri * 2^22 + len` orders as (priority, length) while |len| < 2^21 (a proposal of two million
 * tokens falls back to separate keys). 100 * 2^22 + 2^21 stays below 2^31.
 */
const LEN_SPAN = 1 << 22;
const MAX_PACKED_LEN = 1 << 21;

function keyBuffers(n: number): SortKeys {
  if (keyStore.pri.length < n) {
    const cap = n + (n >> 1);
    const fresh = sortKeys(cap);
    if (n > 1 << 16) return fresh; // a huge text does not pin its memory
    keyStore = fresh;
  }
  return keyStore;
}

/**
 * The comparison of the original object sort: priority, then length (both descending),
 * then confidence (descending), then input position. With finite confidences this is
 * a strict total order, so every correct sort yields the same (stable) order.
 */
function compareKeys(k: SortKeys, a: number, b: number): number {
  return k.pri[b] - k.pri[a] || k.len[b] - k.len[a] || k.conf[b] - k.conf[a] || a - b;
}

/** `compareKeys` with priority and length read as one packed key: one subtraction decides nearly every pair. */
function comparePacked(key: Int32Array, conf: Float64Array, a: number, b: number): number {
  return key[b] - key[a] || conf[b] - conf[a] || a - b;
}

/**
 * Sorts `order[0..n)`: insertion sort for short runs merged bottom-up (no comparator
 * closure, no allocation) on the packed keys; the built-in (stable) sort when a confidence
 * is not finite, as the comparison is then no total order and only the original algorithm is
 * sure to agree (and when a length is too large to pack).
 */
function sortIndices(k: SortKeys, n: number, finite: boolean, packable: boolean): void {
  const order = k.order;
  if (!finite || !packable) {
    const sorted = Array.from(order.subarray(0, n)).sort((a, b) => compareKeys(k, a, b));
    for (let i = 0; i < n; i++) order[i] = sorted[i];
    return;
  }
  const key = k.key;
  const conf = k.conf;
  // (A story's proposals, a few dozen, are one run: no merge pass, no copy back.)
  const RUN = n <= 48 ? 48 : 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const x = order[i];
      let j = i - 1;
      while (j >= lo && comparePacked(key, conf, order[j], x) > 0) { order[j + 1] = order[j]; j--; }
      order[j + 1] = x;
    }
  }
  if (n <= RUN) return;
  let from = order;
  let to = k.tmp;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let a = lo;
      let b = mid;
      let o = lo;
      while (a < mid && b < hi) to[o++] = comparePacked(key, conf, from[b], from[a]) < 0 ? from[b++] : from[a++];
      while (a < mid) to[o++] = from[a++];
      while (b < hi) to[o++] = from[b++];
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== order) order.set(from.subarray(0, n));
}

/** Sorts non-overlapping proposals (distinct first tokens) by position, in place. */
function sortByFirst(kept: Proposal[]): Proposal[] {
  const n = kept.length;
  if (n > 64) return kept.sort((a, b) => a.first - b.first);
  for (let i = 1; i < n; i++) {
    const x = kept[i];
    let j = i - 1;
    while (j >= 0 && kept[j].first > x.first) { kept[j + 1] = kept[j]; j--; }
    kept[j + 1] = x;
  }
  return kept;
}

/** The occupancy buffer of `disjoint`, and the one of overlap resolution (separate, so neither starts dirty). */
const SEEN = new ReusedBytes();
const TAKEN = new ReusedBytes();
/** Token marks of `byRankIfDisjoint`. */
const RANK_MARKS = new ReusedBytes();
