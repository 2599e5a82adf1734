/**
 * Document-level consistency: a name keeps one type within a story, and once
 * "Anwaar-ul-Haq Kakar" is a person, a bare "Kakar" elsewhere in the story
 * is that person too, even where the tagger missed it.
 */
import { ReusedBytes } from './reusedBytes';
import { isNameLike, nameGlueLength, type Analysis } from './analysis';
import { proposal, proposalList, reshaped, resolveOverlaps, sourcePriority, SOURCE_PRIORITY, type Proposal } from './candidates';
import { Gaz } from './gazetteer';
import type { EntityType } from './model';
import { capitalsOf, type Capitals } from './capitals';
import { hashJoin, TokenFlag, TokenKind } from './tokenize';

const TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'misc'];

/** Vote weight (times confidence) of a rule's organisation; other rule proposals weigh 3, the tagger's 1. */
const ORG_RULE_WEIGHT = 8;

/** Identity of a token run: its lower-case token hashes joined (no strings built). */
function key(a: Analysis, first: number, last: number): number {
  const lower = a.tokens.lower;
  let h = lower[first];
  for (let i = first + 1; i <= last; i++) h = hashJoin(h, lower[i]);
  return h;
}

function tokenKey(a: Analysis, i: number): number {
  return a.tokens.lower[i];
}

/**
 * Re-types weakly supported proposals to the type their surface form has
 * elsewhere in the text, and proposes the names (and person surnames) seen
 * once as proposals wherever they recur untagged. Returns the new proposal list
 * (the re-typed proposals in their order, then the recurrences in text order).
 */
export function applyConsistency(a: Analysis, kept: readonly Proposal[], caps: Capitals = capitalsOf(a.tokens)): Proposal[] {
  const votes = vote(a, kept);
  const out = proposalList();
  for (let k = 0; k < kept.length; k++) out.push(retyped(a, votes, kept[k], OWN_VOTE[k]));
  const covered = COVERED.zeroed(a.tokens.count);
  for (const p of out) for (let i = p.first; i <= p.last; i++) covered[i] = 1;
  recurrences(a, votes, caps, covered, out, undefined, 0);
  return out;
}

/**
 * `resolveOverlaps(applyConsistency(a, kept, caps), tokenCount)` for `kept` as overlap resolution
 * leaves it (sorted by position): when the proposals and the recurrences share no token (nearly
 * always: recurrences start only where nothing was), resolution would keep them all and sort them
 * by position, so the two sorted lists are merged as the recurrences are found (no sort, no
 * second list); otherwise the proposals go through overlap resolution in `applyConsistency`'s order.
 */
export function consistentProposals(a: Analysis, kept: readonly Proposal[], caps: Capitals, tokenCount: number): Proposal[] {
  const t = a.tokens;
  const votes = vote(a, kept);
  // Coverage, and whether `kept` is what the merge needs: in range, not empty, disjoint, ascending.
  const covered = COVERED.zeroed(t.count);
  let sorted = tokenCount === t.count;
  let prev = -1;
  for (let k = 0; k < kept.length && sorted; k++) {
    const p = kept[k];
    if (p.first <= prev || p.last < p.first || p.last >= tokenCount) sorted = false;
    prev = p.last;
    for (let i = p.first; i <= p.last; i++) covered[i] = 1;
  }
  if (!sorted) return resolveOverlaps(applyConsistency(a, kept, caps), tokenCount);
  const out = proposalList();
  const next = recurrences(a, votes, caps, covered, out, kept, 0);
  // A recurrence over a covered glue token (`out` is incomplete): resolve as the general path does.
  if (next < 0) return resolveOverlaps(applyConsistency(a, kept, caps), tokenCount);
  for (let k = next; k < kept.length; k++) out.push(retyped(a, votes, kept[k], OWN_VOTE[k]));
  return out;
}

/** The votes of every proposal (`OWN_VOTE[k]`: the offset of `kept[k]`'s own key). */
function vote(a: Analysis, kept: readonly Proposal[]): VoteTable {
  const t = a.tokens;
  const votes = VOTES;
  votes.reset(kept);
  if (OWN_VOTE.length < kept.length) OWN_VOTE = new Int32Array(kept.length * 2);
  const own = OWN_VOTE;
  for (let k = 0; k < kept.length; k++) {
    const p = kept[k];
    // Rule evidence outweighs the tagger's readings; an organisation named by its head word or
    // a descriptor ("automaker Chrysler") most of all: the tagger reads such a name as a place
    // wherever it follows "in" ("a stake in Chrysler"), often several times in one story.
    const w = p.confidence * (sourcePriority(p.source) >= SOURCE_PRIORITY.suffix ? (p.type === 'organization' ? ORG_RULE_WEIGHT : 3) : 1);
    // (Its own key's offset is kept: the re-typing asks for it again, and offsets never move within a story.)
    own[k] = votes.add(key(a, p.first, p.last), p.type, w);
    // "Chrysler LLC", "Ford Motor Company": the name before the head word is the organisation too.
    if (p.type === 'organization' && p.last > p.first && a.gaz[p.last] & Gaz.OrgSuffix && !(a.gaz[p.first] & (Gaz.Country | Gaz.City | Gaz.Region | Gaz.Demonym | Gaz.Common))) {
      votes.add(key(a, p.first, p.last - 1), 'organization', w);
      // The first word alone is a weaker hint ("Ford" of "Ford Motor Company", but "Balochistan" of
      // "Balochistan Liberation Army" is a place): not boosted like the head word's own evidence.
      if (p.last - 1 > p.first) votes.add(tokenKey(a, p.first), 'organization', p.confidence * 0.8);
    }
    // "Dow Jones Industrial Average": the name before an index or event head word is that index or event too.
    if (p.type === 'misc' && (a.gaz[p.last] & Gaz.MiscSuffix) !== 0 && p.last - 1 > p.first && !(a.gaz[p.first] & (Gaz.Country | Gaz.City | Gaz.Region | Gaz.Demonym))) {
      for (let end = p.first + 1; end < p.last; end++) votes.add(key(a, p.first, end), 'misc', w);
    }
    if (p.type === 'person' && p.last > p.first) {
      // Surname (and a lone given name is too ambiguous to spread).
      const lastTok = p.last;
      if (isNameLike(t, lastTok) && t.end[lastTok] - t.start[lastTok] > 2) votes.add(tokenKey(a, lastTok), 'person', w * 0.8);
    }
  }
  return votes;
}

/** Offsets of the proposals' own keys in the vote table (see `vote`), reused. */
let OWN_VOTE = new Int32Array(1024);

/** A proposal re-typed by the votes (`own`: its own key's offset), or itself. */
function retyped(a: Analysis, votes: VoteTable, p: Proposal, own: number): Proposal {
  if (p.source !== 'tagger' && p.source !== 'gazetteer') return p;
  // A key's vote (no object per question): its sums' offset `v` (-1: nobody voted), the
  // winning type's index among them, and whether that type has more than 60 % of the weight.
  const s = votes.sums;
  // "Apple Computer" tagged misc where "Apple" alone is an organisation in the same story.
  if (p.type === 'misc' && !p.subtype && p.last > p.first) {
    const v = votes.get(tokenKey(a, p.first));
    if (v >= 0) {
      const bi = bestIndex(s, v);
      if (TYPES[bi] === 'organization' && dominant(s, v, bi)) return reshaped(p, p.first, p.last, 'organization', p.confidence);
    }
  }
  const bi = bestIndex(s, own);
  return TYPES[bi] !== p.type && dominant(s, own, bi) ? reshaped(p, p.first, p.last, TYPES[bi], p.confidence) : p;
}

/**
 * Untagged recurrences, appended to `out` in text order. With `kept` (sorted by position), the
 * re-typed proposals before each recurrence are appended first (a merge): returns the index of
 * the first proposal not yet appended, or -1 when a recurrence covers a covered token (the merge
 * would not be what overlap resolution keeps; `out` is then incomplete).
 */
function recurrences(a: Analysis, votes: VoteTable, caps: Capitals, covered: Uint8Array, out: Proposal[], kept: readonly Proposal[] | undefined, from: number): number {
  const t = a.tokens;
  const s = votes.sums;
  const kind = t.kind;
  let r = from;
  // Runs start at an uncovered name-like token: walk the capitalised ones, from `next` on.
  let next = 0;
  for (let c = 0; c < caps.count; c++) {
    const i = caps.at[c];
    // (`isNameLike`: a capitalised or all-caps word.)
    if (i < next || covered[i] || kind[i] !== TokenKind.Word) continue;
    let j = i;
    let gap = false;
    for (;;) {
      if (j + 1 < t.count && !covered[j + 1] && isNameLike(t, j + 1)) { j++; continue; }
      const glue = nameGlueLength(t, j + 1);
      if (glue > 0 && !covered[j + 1 + glue]) {
        for (let g = j + 1; g <= j + glue; g++) if (covered[g]) gap = true;
        j += glue + 1;
        continue;
      }
      break;
    }
    const whole = votes.get(key(a, i, j));
    if (whole >= 0 && !(i === j && startsSentenceAsCommonWord(a, i))) {
      // (Only a whole run crosses glue: a recurrence of one word is an uncovered name-like token.)
      if (kept !== undefined) {
        if (gap) return -1;
        while (r < kept.length && kept[r].first < i) { out.push(retyped(a, votes, kept[r], OWN_VOTE[r])); r++; }
      }
      out.push(proposal(i, j, TYPES[bestIndex(s, whole)], 0.6, 'consistency'));
    } else {
      for (let k = i; k <= j; k++) {
        if (!isNameLike(t, k) || startsSentenceAsCommonWord(a, k)) continue;
        const v = votes.get(tokenKey(a, k));
        if (v < 0) continue;
        if (kept !== undefined) while (r < kept.length && kept[r].first < k) { out.push(retyped(a, votes, kept[r], OWN_VOTE[r])); r++; }
        out.push(proposal(k, k, TYPES[bestIndex(s, v)], 0.55, 'consistency'));
      }
    }
    next = j + 1;
  }
  return r;
}

/**
 * Type votes per token-run key: an open-addressing table over the hash keys with four
 * sums per key in one flat array (a `Map` hashes such keys slowly and a small array per
 * key costs an allocation). Sums accumulate in the same order as before, so equal.
 * One table serves every story (consistency runs one story at a time, to completion), and
 * nothing is cleared per story: a slot is in use when its stamp is the story's, and a key's
 * four sums are zeroed when the key first comes.
 */
class VoteTable {
  private keys = new Int32Array(USUAL_SLOTS);
  private slots = new Int32Array(USUAL_SLOTS);
  private stamps = new Int32Array(USUAL_SLOTS);
  /** Four sums (person, organization, location, misc) per key, at the offset `get` returns. */
  sums = new Float64Array(USUAL_SLOTS * 2);
  private mask = 0;
  private stamp = 0;
  private used = 0;

  /** Empties the table for a story's proposals. */
  reset(kept: readonly Proposal[]): void {
    // Each proposal votes for at most its own key, one per inner end, and two more.
    let most = 0;
    for (const p of kept) most += 3 + Math.max(0, p.last - p.first);
    let cap = 16;
    while (cap < most * 2) cap <<= 1;
    // Room for what this story needs; a huge text's table is given back at the next story.
    const size = Math.max(cap, USUAL_SLOTS);
    if (this.keys.length < size || (this.keys.length > 1 << 16 && size <= 1 << 16)) {
      this.keys = new Int32Array(size);
      this.slots = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.sums = new Float64Array(size * 2);
      this.stamp = 0;
    }
    this.mask = cap - 1;
    this.used = 0;
    if (this.stamp === 0x7fffffff) { this.stamps.fill(0); this.stamp = 0; }
    this.stamp++;
  }

  private find(k: number): number {
    let j = mix(k) & this.mask;
    while (this.stamps[j] === this.stamp && this.keys[j] !== k) j = (j + 1) & this.mask;
    return j;
  }

  /** Adds weight w for `type` to key k; returns the offset of k's sums. */
  add(k: number, type: EntityType, w: number): number {
    const j = this.find(k);
    if (this.stamps[j] !== this.stamp) {
      const v = this.used;
      this.stamps[j] = this.stamp;
      this.keys[j] = k;
      this.slots[j] = v;
      this.used += 4;
      this.sums[v] = 0;
      this.sums[v + 1] = 0;
      this.sums[v + 2] = 0;
      this.sums[v + 3] = 0;
    }
    const v = this.slots[j];
    this.sums[v + typeIndex(type)] += w;
    return v;
  }

  /** Offset of key k's sums in `sums`, or -1 when nobody voted for it. */
  get(k: number): number {
    const j = this.find(k);
    return this.stamps[j] === this.stamp ? this.slots[j] : -1;
  }
}

/** Slots of the table from the start: room for 4,096 keys (a table growing mid-run deoptimizes `applyConsistency`, see scratch.ts). */
const USUAL_SLOTS = 4096;
/** The one vote table (see `VoteTable`). */
const VOTES = new VoteTable();

/** One token-coverage buffer reused by every call (consistency runs one story at a time, to completion). */
const COVERED = new ReusedBytes();


/** Index (0..3, see `TYPES`) of the type with the most weight in the sums at v; the first among equals. */
function bestIndex(s: Float64Array, v: number): number {
  let bi = 0;
  for (let i = 1; i < 4; i++) if (s[v + i] > s[v + bi]) bi = i;
  return bi;
}

/** Whether type bi holds more than 60 % of the weight at v. */
function dominant(s: Float64Array, v: number, bi: number): boolean {
  return s[v + bi] > (s[v] + s[v + 1] + s[v + 2] + s[v + 3]) * 0.6;
}

function typeIndex(type: EntityType): number {
  switch (type) {
    case 'person': return 0;
    case 'organization': return 1;
    case 'location': return 2;
    default: return 3;
  }
}

function mix(k: number): number {
  const h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

function startsSentenceAsCommonWord(a: Analysis, i: number): boolean {
  return (a.tokens.flags[i] & (TokenFlag.SentStart | TokenFlag.LineStart)) !== 0 && (a.gaz[i] & Gaz.Common) !== 0;
}
