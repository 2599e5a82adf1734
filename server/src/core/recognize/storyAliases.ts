/**
 * The canonical names of one story's mentions, as the entity pipeline needs them:
 * `canonicalGroups` of the story (every mention in one story) reduced to "which
 * mentions get which canonical name", computed over flat arrays reused from story
 * to story. A story has a dozen mentions or so: scans over a few short arrays
 * cost less than the maps, group objects and sorts of the general grouping, and
 * the group order (which this answer does not need) is never established.
 */
import { acronymOf, canonicalGroups, initialsOf, isAcronymText, normalizeAlias, type AliasInput } from './aliases';
import { ownCopy } from '../text/ownCopy';
import type { EntityType } from './model';

/** Above this many mentions the general grouping (maps, not scans) runs. */
const MAX_SCANNED = 128;

/**
 * What the grouping asks about one name text, worked out once per distinct text: the
 * same names recur from story to story, and a story's scans then compare numbers and
 * object identities instead of strings (a string comparison is a call, and each mention
 * used to ask `normalizeAlias`, `isAcronymText` and `acronymOf` of its text again).
 * Within one story a text has exactly one `NameFacts` (the memo is only cleared between
 * stories), so two mentions share a text exactly when they share their facts.
 */
export class NameFacts {
  /** Identity (`intern`) of `normalizeAlias(text)`; `named` is whether that is non-empty. */
  readonly normId: number;
  readonly named: boolean;
  /** Whether the normalized name has several words. */
  readonly space: boolean;
  /** `isAcronymText(text)`. */
  readonly acronymText: boolean;
  /** Identity of `acronymOf(text)`, or -1 when it has none. */
  readonly acronymId: number;
  /** Identity of `initialsOf(text)`, -1 until first asked. */
  initialsId = -1;
  /** Identities of the words of the normalized name, undefined until first asked. */
  words: number[] | undefined = undefined;
  /** Identity of `normalizeAlias` of the last space-separated word, -1 until first asked, and whether that has several words. */
  lastWordId = -1;
  lastWordSpace = false;

  constructor(readonly text: string) {
    const norm = normalizeAlias(text);
    this.normId = intern(norm);
    this.named = norm.length > 0;
    this.space = norm.indexOf(' ') >= 0;
    this.acronymText = isAcronymText(text);
    const acronym = acronymOf(text);
    this.acronymId = acronym === undefined ? -1 : intern(acronym);
  }
}

/** Facts per text (bounded: cleared between stories once large, see `beginStory`). */
const FACTS_OF = new Map<string, NameFacts>();
/** Identities of the strings the facts compare (normalized names, their words, acronyms, initials). */
const IDS = new Map<string, number>();
/** Next identity: never reused, so no identity outlives a clear with another meaning. */
let nextId = 0;

/** The identity of a string: equal strings, equal numbers (while the memo lives). */
function intern(s: string): number {
  let id = IDS.get(s);
  if (id === undefined) { id = nextId++; IDS.set(ownCopy(s), id); }
  return id;
}

/** The facts of a text (memoized). */
function factsOf(text: string): NameFacts {
  const f = FACTS_OF.get(text);
  return f !== undefined ? f : newFacts(text);
}

/** The facts of a text not met before (a call of its own: see `initialsIdOf`). */
function newFacts(text: string): NameFacts {
  const f = new NameFacts(ownCopy(text));
  FACTS_OF.set(f.text, f);
  return f;
}

/**
 * Facts by the span a name was read from: an open-addressing table from a key of the span
 * (the caller's hash of its tokens) to the facts, each hit confirmed by comparing the texts.
 * `Map.get` on a freshly cut text hashes all its characters and costs about three times
 * this (a probe and one comparison of two strings of the same length).
 */
// 2,048 slots (16 KB of keys, 8 KB of references): a story's lookups land on random slots, and a
// table of 8,192 left most of them cache misses after the tagger; room for 1,024 names before it
// is emptied (the bench corpus has under 800 distinct ones; a new name after emptying costs one `Map.get`).
const SPAN_SLOTS = 1 << 11;
/** Key of each slot. */
const SPAN_KEYS = new Int32Array(SPAN_SLOTS);
const SPAN_FACTS: (NameFacts | null)[] = new Array<NameFacts | null>(SPAN_SLOTS).fill(null);
/** Filled slots (the table is emptied between stories once half full). */
let spanCount = 0;

/**
 * The facts of `name`, found by `key`, any hash of it (equal texts must have equal keys;
 * different texts may share one). Only after `beginStory`.
 */
export function factsByKey(name: string, key: number): NameFacts {
  let slot = mix(key) & (SPAN_SLOTS - 1);
  for (;;) {
    const f = SPAN_FACTS[slot];
    if (f === null) break;
    if (SPAN_KEYS[slot] === key && f.text === name) return f;
    slot = (slot + 1) & (SPAN_SLOTS - 1);
  }
  const f = factsOf(name);
  // (A story of thousands of names fills no more than three quarters: probes always end at an empty slot.)
  if (spanCount >= SPAN_SLOTS - (SPAN_SLOTS >> 2)) return f;
  SPAN_KEYS[slot] = key;
  SPAN_FACTS[slot] = f;
  spanCount++;
  return f;
}

function mix(k: number): number {
  const h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/**
 * Starts one story's lookups (`factsAt`). The memos grown large are dropped here and only
 * here, never during a story: within one story, equal texts share one `NameFacts`.
 */
export function beginStory(): void {
  // (Dropping the facts drops the table that finds them by key too: it would hand out old
  // facts, with old identities, for names the new memo gives new ones.)
  const dropFacts = FACTS_OF.size > 50_000 || IDS.size > 100_000;
  if (dropFacts) { FACTS_OF.clear(); IDS.clear(); }
  if (dropFacts || spanCount >= SPAN_SLOTS >> 1) { SPAN_FACTS.fill(null); spanCount = 0; }
}

// The memo's answers are read on the fast path; working one out the first time is a call of its
// own, which V8 does not inline (its call site is rarely taken): inlined into `canonicalsOfFacts`,
// the normalization, splitting and interning made that function's code about twice as large, and
// its code is fetched anew for every story (the tagger's weights evict it between stories).

/** `initialsOf(f.text)`'s identity. */
function initialsIdOf(f: NameFacts): number {
  return f.initialsId >= 0 ? f.initialsId : firstInitialsId(f);
}

function firstInitialsId(f: NameFacts): number {
  f.initialsId = intern(initialsOf(f.text));
  return f.initialsId;
}

/** The identities of the words of `f`'s normalized name (words are separated by single spaces). */
function wordsOf(f: NameFacts): number[] {
  return f.words !== undefined ? f.words : firstWords(f);
}

function firstWords(f: NameFacts): number[] {
  const words = normalizeAlias(f.text).split(' ');
  const ids: number[] = new Array(words.length);
  for (let k = 0; k < words.length; k++) ids[k] = intern(words[k]);
  f.words = ids;
  return ids;
}

/** Identity of `normalizeAlias` of the text's last space-separated word (with `lastWordSpace` set). */
function lastWordIdOf(f: NameFacts): number {
  return f.lastWordId >= 0 ? f.lastWordId : firstLastWordId(f);
}

function firstLastWordId(f: NameFacts): number {
  const word = normalizeAlias(f.text.slice(f.text.lastIndexOf(' ') + 1));
  f.lastWordSpace = word.indexOf(' ') >= 0;
  f.lastWordId = intern(word);
  return f.lastWordId;
}

// Per mention (reused; a call runs to completion before the next).
/** Facts of the name (`canonical ?? text`), and of the mention's own text. */
const NAME: NameFacts[] = [];
const TEXT: NameFacts[] = [];
/** The full name a full mention belongs to, or -1. */
const FULL_OF: number[] = [];
/** The full name a partial mention resolved to, or -1. */
const RESOLVED_TO: number[] = [];
/** The group of unresolved partial mentions it belongs to, or -1. */
const SINGLE_OF: number[] = [];

// Per full name, in order of creation (the order partial names see them in).
const F_TYPE: EntityType[] = [];
/** Facts of its first mention's name: its normalized name (all members share it), initials (they answer acronyms). */
const F_NAME: NameFacts[] = [];
/** Number of full mentions (positions), and of all members (with resolved partials). */
const F_COUNT: number[] = [];
const F_SIZE: number[] = [];
/** Its first full mention (the lowest-indexed one). */
const F_FIRST: number[] = [];
/** Whether a member's normalized name is one word (only then do surnames weigh on the canonical form). */
const F_ONE_WORD: boolean[] = [];
/** Its canonical name once worked out. */
const F_CANONICAL: (string | undefined)[] = [];

// Surface forms of the full names, flat: owner, facts of the text, weight.
const FORM_OWNER: number[] = [];
const FORM: NameFacts[] = [];
const FORM_WEIGHT: number[] = [];

// Groups of unresolved partial mentions: type, normalized name, size.
const S_TYPE: EntityType[] = [];
const S_NORM: number[] = [];
const S_SIZE: number[] = [];
const S_CANONICAL: (string | undefined)[] = [];

/** Candidates of one partial name (reused: only the first ones, as many as found, are its). */
const CANDIDATES: number[] = [];

/**
 * Writes to `out[0..n)` the canonical name of each mention whose group has two or more
 * members or whose group's first mention came with a canonical name, undefined for the
 * others: exactly what `canonicalGroups` of `{ text, type, start, canonical }` (no story)
 * gives for such groups.
 */
export function storyCanonicals(text: readonly string[], type: readonly EntityType[], start: readonly number[], given: readonly (string | undefined)[], n: number, out: (string | undefined)[]): void {
  if (n > MAX_SCANNED) { viaGroups(text, type, start, given, n, out); return; }
  beginStory();
  for (let i = 0; i < n; i++) GIVEN_TEXT[i] = factsOf(text[i]);
  canonicalsOfFacts(GIVEN_TEXT, text, type, start, given, n, out);
}

/** The texts' facts of `storyCanonicals` (reused). */
const GIVEN_TEXT: NameFacts[] = [];

/**
 * `storyCanonicals` of mentions whose texts come as facts (`factsAt`, `factsOf`, after one
 * `beginStory`); `text` (their strings) is read only when there are many mentions.
 */
export function canonicalsOfFacts(facts: readonly NameFacts[], text: readonly string[], type: readonly EntityType[], start: readonly number[], given: readonly (string | undefined)[], n: number, out: (string | undefined)[]): void {
  if (n > MAX_SCANNED) { viaGroups(text, type, start, given, n, out); return; }
  let fulls = 0;
  let forms = 0;
  let anyMultiWord = false;
  // Full names: a canonical given, or a normalized name of several words that is no acronym.
  for (let i = 0; i < n; i++) {
    const canonical = given[i];
    const own = facts[i];
    const name = canonical === undefined ? own : factsOf(canonical);
    NAME[i] = name;
    TEXT[i] = own;
    FULL_OF[i] = -1;
    RESOLVED_TO[i] = -1;
    SINGLE_OF[i] = -1;
    out[i] = undefined;
    if (!name.named) continue;
    const space = name.space;
    if (!canonical && (!space || own.acronymText)) continue; // partial: resolved below
    const ty = type[i];
    const norm = name.normId;
    let f = 0;
    while (f < fulls && !(F_NAME[f].normId === norm && F_TYPE[f] === ty)) f++;
    if (f === fulls) {
      F_TYPE[f] = ty;
      F_NAME[f] = name;
      F_COUNT[f] = 0;
      F_SIZE[f] = 0;
      F_FIRST[f] = i;
      F_ONE_WORD[f] = false;
      fulls++;
      if (space) anyMultiWord = true;
    }
    FULL_OF[i] = f;
    F_COUNT[f]++;
    F_SIZE[f]++;
    // (Written at every full mention: a store only one-word canonicals reach had no type feedback
    // when V8 first optimized this function, and the first such story deoptimized it.)
    F_ONE_WORD[f] = F_ONE_WORD[f] || !space;
    const weight = canonical ? 2 : 1;
    // (The form is `canonical ?? text`: the name's own facts.)
    let k = 0;
    while (k < forms && !(FORM_OWNER[k] === f && FORM[k] === name)) k++;
    if (k === forms) { FORM_OWNER[k] = f; FORM[k] = name; FORM_WEIGHT[k] = weight; forms++; } else FORM_WEIGHT[k] += weight;
  }
  // Partial names (one word, or an acronym), in order: the full name they stand for, else a group of their own.
  // (A partial mention came with no canonical: its name is its text.)
  let singles = 0;
  for (let i = 0; i < n; i++) {
    if (FULL_OF[i] >= 0 || !NAME[i].named) continue;
    const name = NAME[i];
    const ty = type[i];
    const target = fulls > 0 ? resolvePartial(name, ty, start, start[i], fulls, anyMultiWord, n) : -1;
    if (target >= 0) {
      RESOLVED_TO[i] = target;
      F_SIZE[target]++;
      F_ONE_WORD[target] = true;
      continue;
    }
    const norm = name.normId;
    let s = 0;
    while (s < singles && !(S_NORM[s] === norm && S_TYPE[s] === ty)) s++;
    if (s === singles) { S_TYPE[s] = ty; S_NORM[s] = norm; S_SIZE[s] = 0; singles++; }
    SINGLE_OF[i] = s;
    S_SIZE[s]++;
  }
  // Canonical names, only of the groups that hand them out, each worked out at its group's first
  // member met (one pass over the mentions, not one per group: a long story has many groups).
  for (let f = 0; f < fulls; f++) F_CANONICAL[f] = undefined;
  for (let s = 0; s < singles; s++) S_CANONICAL[s] = undefined;
  for (let i = 0; i < n; i++) {
    const f = FULL_OF[i] >= 0 ? FULL_OF[i] : RESOLVED_TO[i];
    if (f >= 0) {
      if (F_SIZE[f] < 2 && !given[F_FIRST[f]]) continue;
      out[i] = F_CANONICAL[f] ??= fullCanonical(f, forms, n);
      continue;
    }
    const s = SINGLE_OF[i];
    if (s < 0 || S_SIZE[s] < 2) continue; // (partial names come with no canonical)
    out[i] = S_CANONICAL[s] ??= mostFrequentText(s, n);
  }
}

/**
 * The form of full name f that reads best: the heaviest (a given canonical weighs 2), bonus 2
 * when its last word is a one-word member ("Anwaar-ul-Haq Kakar" when "Kakar" recurs), the
 * longest among equals, the first among those.
 */
function fullCanonical(f: number, forms: number, n: number): string {
  let canonical = '';
  let bestScore = -1;
  for (let k = 0; k < forms; k++) {
    if (FORM_OWNER[k] !== f) continue;
    const form = FORM[k];
    const score = FORM_WEIGHT[k] + (F_ONE_WORD[f] && isOneWordMember(f, form, n) ? 2 : 0);
    if (score > bestScore || (score === bestScore && form.text.length > canonical.length)) { bestScore = score; canonical = form.text; }
  }
  return canonical;
}

/** Whether a member of full name f has, as its one-word normalized name, the normalized last word of `form`. */
function isOneWordMember(f: number, form: NameFacts, n: number): boolean {
  const word = lastWordIdOf(form);
  if (form.lastWordSpace) return false;
  for (let i = 0; i < n; i++) {
    if (FULL_OF[i] !== f && RESOLVED_TO[i] !== f) continue;
    if (NAME[i].normId === word) return true;
  }
  return false;
}

/** Picks the full name a one-word or acronym mention stands for, or -1 when none or ambiguous (as `resolvePartial`). */
function resolvePartial(name: NameFacts, ty: EntityType, start: readonly number[], at: number, fulls: number, anyMultiWord: boolean, n: number): number {
  // Acronyms may be typed differently by the tagger; initials decide (only full names of several words have any).
  const upper = anyMultiWord ? name.acronymId : -1;
  // A word of a longer place is another place: only people and organisations are named by part of their name
  // (and only a name of one word is a word of another: `hasWord`).
  const byWord = (ty === 'person' || ty === 'organization') && !name.space;
  if (!byWord && upper < 0) return -1;
  const norm = name.normId;
  // (A count, not `CANDIDATES.length = 0`: setting an array's length is a runtime call.)
  let count = 0;
  for (let f = 0; f < fulls; f++) {
    const full = F_NAME[f];
    if (byWord && F_TYPE[f] === ty && hasId(wordsOf(full), norm)) { CANDIDATES[count++] = f; continue; }
    if (upper >= 0 && full.space && initialsIdOf(full) === upper) CANDIDATES[count++] = f;
  }
  if (count === 0) return -1;
  if (count === 1) return CANDIDATES[0];
  // Several: the nearest full name before the mention must also be the most frequent.
  let nearest = -1;
  let nearestDist = Infinity;
  for (let c = 0; c < count; c++) {
    const f = CANDIDATES[c];
    for (let i = 0; i < n; i++) {
      if (FULL_OF[i] !== f || start[i] > at) continue;
      if (at - start[i] < nearestDist) { nearestDist = at - start[i]; nearest = f; }
    }
  }
  if (nearest < 0) return -1;
  const top = F_COUNT[nearest];
  for (let c = 0; c < count; c++) if (CANDIDATES[c] !== nearest && F_COUNT[CANDIDATES[c]] >= top) return -1;
  return nearest;
}

/** Whether `ids` holds `id` (a loop V8 inlines; `includes` is a builtin call). */
function hasId(ids: readonly number[], id: number): boolean {
  for (let k = 0; k < ids.length; k++) if (ids[k] === id) return true;
  return false;
}

/** The most frequent text of single group s, the first seen among equals (equal texts share their facts). */
function mostFrequentText(s: number, n: number): string {
  let canonical = '';
  let most = 0;
  for (let a = 0; a < n; a++) {
    if (SINGLE_OF[a] !== s) continue;
    const t = TEXT[a];
    let seen = false;
    for (let b = 0; b < a && !seen; b++) if (SINGLE_OF[b] === s && TEXT[b] === t) seen = true;
    if (seen) continue;
    let count = 1;
    for (let b = a + 1; b < n; b++) if (SINGLE_OF[b] === s && TEXT[b] === t) count++;
    if (count > most) { most = count; canonical = t.text; }
  }
  return canonical;
}

/** Many mentions: the general grouping, read the same way. */
function viaGroups(text: readonly string[], type: readonly EntityType[], start: readonly number[], given: readonly (string | undefined)[], n: number, out: (string | undefined)[]): void {
  const inputs: AliasInput[] = new Array(n);
  for (let i = 0; i < n; i++) { inputs[i] = { text: text[i], type: type[i], start: start[i], canonical: given[i] }; out[i] = undefined; }
  const groups = canonicalGroups(inputs);
  for (let g = 0; g < groups.length; g++) {
    const members = groups[g].members;
    if (members.length < 2 && !given[members[0]]) continue;
    for (let k = 0; k < members.length; k++) out[members[k]] = groups[g].canonical;
  }
}
