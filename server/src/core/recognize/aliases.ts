/**
 * Alias grouping: mentions that name the same entity get one canonical name.
 * "Kakar", "PM Kakar", "Anwaar ul-Haq-Kakar" -> "Anwaar-ul-Haq Kakar";
 * "TTP" -> "Tehreek-e-Taliban Pakistan". A partial name joins a full name only
 * when one full name is both the nearest before it and at least as frequent
 * as any other; ambiguous partials stay ungrouped rather than wrong.
 *
 * Works per story (partial names resolve within their story) and across a
 * workspace (full names merge on `entityKey`).
 */
import { ownCopy } from '../text/ownCopy';
import type { EntityType } from './model';
import { PERSON_TITLES } from './lexicon';

/** One mention to group. */
export interface AliasInput {
  readonly text: string;
  readonly type: EntityType;
  /** Offset in its story, used to find the nearest full name. */
  readonly start?: number;
  /** Story (or document) identity; partial names only resolve inside their own story. */
  readonly story?: string;
  /** A canonical name a signal already knows (acronym definition, analyst). */
  readonly canonical?: string;
}

/** A group of mentions naming one entity. */
export interface AliasGroup {
  readonly canonical: string;
  readonly type: EntityType;
  /** `entityKey(canonical, type)`: stable across stories, for indexes. */
  readonly key: string;
  /** Distinct surface forms seen, canonical first. */
  readonly aliases: readonly string[];
  /** Indices into the input array. */
  readonly members: readonly number[];
}

const TITLE_WORDS = new Set(PERSON_TITLES.flatMap((t) => t.split(/[\s-]+/)));

/**
 * Normalizes a name for comparison: case, diacritics, hyphens, dots and
 * apostrophes, a leading "the", leading titles ("PM", "Lt. Gen.") and a
 * possessive are ignored. "Anwaar ul-Haq-Kakar" and "Anwaar-ul-Haq Kakar" agree.
 */
export function normalizeAlias(name: string): string {
  const hit = normalized.get(name);
  if (hit !== undefined) return hit;
  const v = normalizeUncached(name);
  // Names repeat across stories; a bounded memo keeps the regex work off the hot path.
  if (normalized.size > 50_000) normalized.clear();
  normalized.set(ownCopy(name), v);
  return v;
}

const normalized = new Map<string, string>();

function normalizeUncached(name: string): string {
  let s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  s = s.replace(/['\u2019]s$/, '').replace(/[.\u2019'`"“”]/g, '').replace(/[-\u2010-\u2015_/]/g, ' ');
  const words = s.split(/\s+/).filter(Boolean);
  let i = 0;
  if (words[0] === 'the' && words.length > 1) i = 1;
  while (i < words.length - 1 && TITLE_WORDS.has(words[i])) i++;
  return words.slice(i).join(' ');
}

/** The identity of an entity across stories: type plus normalized canonical name. */
export function entityKey(canonical: string, type: EntityType): string {
  return `${type}:${normalizeAlias(canonical)}`;
}

/** Written like an acronym: two or more capitals or digits, maybe dotted, maybe a plural s ("TTP", "U.S.", "IBOs"). */
export function isAcronymText(text: string): boolean {
  let caps = 0;
  const s = text.trim();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) { caps++; continue; }
    if (c === 46 || c === 38) continue;
    if (c === 115 && i === s.length - 1) continue;
    return false;
  }
  return caps >= 2;
}

/** Initials of a multi-word name, skipping lower-case connectors ("Tehreek-e-Taliban Pakistan" -> "TTP"). */
export function initialsOf(name: string): string {
  const hit = initials.get(name);
  if (hit !== undefined) return hit;
  const v = name.split(/[\s-]+/).filter((w) => /^[\p{Lu}]/u.test(w)).map((w) => w[0]).join('').toUpperCase();
  // Like `normalizeAlias`: the same full names recur from story to story; a bounded memo skips the regexes.
  if (initials.size > 50_000) initials.clear();
  initials.set(ownCopy(name), v);
  return v;
}

const initials = new Map<string, string>();

interface Full {
  /** Initials of the first surface form, computed once. */
  initials?: string;
  norm: string;
  /** Whether `norm` has two or more words. */
  multiWord: boolean;
  type: EntityType;
  /** Surface forms in order of first appearance, and their weights (parallel; a name has few forms). */
  forms: string[];
  formWeights: number[];
  members: number[];
  /** Positions of the full mentions: story and start offset (parallel arrays, no object per mention). */
  positionStories: string[];
  positionStarts: number[];
  /** The story of the first position, and a set of all of them once there are several (most names live in one story). */
  story: string;
  stories?: Set<string>;
}

/** Whether a full name occurs in `story`. */
function occursIn(f: Full, story: string): boolean {
  return f.story === story || (f.stories !== undefined && f.stories.has(story));
}

/** A group of mentions under one canonical name, without the derived fields of `AliasGroup`. */
export interface CanonicalGroup {
  readonly canonical: string;
  readonly type: EntityType;
  /** Indices into the input array, ascending. */
  readonly members: readonly number[];
}

/** Groups mentions (of one story or many) under canonical names. */
export function groupAliases(mentions: readonly AliasInput[]): AliasGroup[] {
  return canonicalGroups(mentions).map((g) => makeGroup(mentions, g.canonical, g.type, g.members));
}

/** Things keyed by (type, normalized name): one map by name, a short list by type under it (no key strings built). */
class ByTypeAndName<V extends { readonly type: EntityType }> {
  private readonly byName = new Map<string, V[]>();

  get(type: EntityType, norm: string): V | undefined {
    const list = this.byName.get(norm);
    if (list === undefined) return undefined;
    for (const v of list) if (v.type === type) return v;
    return undefined;
  }

  set(norm: string, v: V): void {
    const list = this.byName.get(norm);
    if (list === undefined) this.byName.set(norm, [v]); else list.push(v);
  }
}

/**
 * The grouping behind `groupAliases`: the same groups in the same order (by first
 * member), without aliases and keys, for callers that only need the canonical names.
 */
export function canonicalGroups(mentions: readonly AliasInput[]): CanonicalGroup[] {
  const fulls = new ByTypeAndName<Full>();
  // Fulls in order of creation: the order partial names see them in.
  const fullList: Full[] = [];
  const partial: number[] = [];
  const norms: string[] = new Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const norm = (norms[i] = normalizeAlias(m.canonical ?? m.text));
    if (!norm) continue;
    if (!m.canonical && (norm.indexOf(' ') < 0 || isAcronymText(m.text))) { partial.push(i); continue; }
    let f = fulls.get(m.type, norm);
    const story = m.story ?? '';
    if (!f) {
      f = { initials: undefined, norm, multiWord: norm.indexOf(' ') >= 0, type: m.type, forms: [], formWeights: [], members: [], positionStories: [], positionStarts: [], story, stories: undefined };
      fulls.set(norm, f);
      fullList.push(f);
    }
    f.members.push(i);
    const form = m.canonical ?? m.text;
    const at = f.forms.indexOf(form);
    const weight = m.canonical ? 2 : 1;
    if (at < 0) { f.forms.push(form); f.formWeights.push(weight); } else f.formWeights[at] += weight;
    f.positionStories.push(story);
    f.positionStarts.push(m.start ?? 0);
    if (story !== f.story) (f.stories ??= new Set([f.story])).add(story);
  }
  const singles = new ByTypeAndName<{ readonly type: EntityType; readonly members: number[] }>();
  const singleList: number[][] = [];
  for (const i of partial) {
    const m = mentions[i];
    const target = fullList.length ? resolvePartial(m, norms[i], fullList, m.story ?? '') : undefined;
    if (target) { target.members.push(i); continue; }
    const single = singles.get(m.type, norms[i]);
    if (single) single.members.push(i); else { const l = [i]; singles.set(norms[i], { type: m.type, members: l }); singleList.push(l); }
  }
  const groups: CanonicalGroup[] = [];
  for (const f of fullList) {
    // The form whose last word is the surname used alone reads best ("Anwaar-ul-Haq Kakar" when "Kakar" recurs).
    // (A name has few one-word mentions: a short array, no Set.)
    let partialNorms: string[] | undefined;
    for (const i of f.members) if (norms[i].indexOf(' ') < 0) (partialNorms ??= []).push(norms[i]);
    let canonical = '';
    let bestScore = -1;
    for (let k = 0; k < f.forms.length; k++) {
      const form = f.forms[k];
      const score = f.formWeights[k] + (partialNorms !== undefined && partialNorms.includes(normalizeAlias(form.slice(form.lastIndexOf(' ') + 1))) ? 2 : 0);
      if (score > bestScore || (score === bestScore && form.length > canonical.length)) { bestScore = score; canonical = form; }
    }
    groups.push({ canonical, type: f.type, members: sortAscending(f.members) });
  }
  for (const members of singleList) {
    groups.push({ canonical: mostFrequentText(mentions, members), type: mentions[members[0]].type, members: sortAscending(members) });
  }
  // Every index is in exactly one group, so the first members differ: any sort gives this order.
  if (groups.length > 64) return groups.sort((a, b) => a.members[0] - b.members[0]);
  for (let i = 1; i < groups.length; i++) {
    const x = groups[i];
    let j = i - 1;
    while (j >= 0 && groups[j].members[0] > x.members[0]) { groups[j + 1] = groups[j]; j--; }
    groups[j + 1] = x;
  }
  return groups;
}

/** The most frequent surface form of the members, the first seen among equals. */
function mostFrequentText(mentions: readonly AliasInput[], members: readonly number[]): string {
  let canonical = mentions[members[0]].text;
  if (members.length === 1) return canonical;
  if (members.length > 16) {
    const counts = new Map<string, number>();
    for (const i of members) counts.set(mentions[i].text, (counts.get(mentions[i].text) ?? 0) + 1);
    let most = 0;
    for (const [text, n] of counts) if (n > most) { most = n; canonical = text; }
    return canonical;
  }
  // Few members: count each text at its first occurrence (the Map's order) by scanning, no Map.
  let most = 0;
  for (let a = 0; a < members.length; a++) {
    const text = mentions[members[a]].text;
    let seen = false;
    for (let b = 0; b < a && !seen; b++) if (mentions[members[b]].text === text) seen = true;
    if (seen) continue;
    let n = 1;
    for (let b = a + 1; b < members.length; b++) if (mentions[members[b]].text === text) n++;
    if (n > most) { most = n; canonical = text; }
  }
  return canonical;
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** Sorts distinct numbers ascending in place: most member lists are short and already sorted. */
function sortAscending(xs: number[]): number[] {
  if (xs.length > 32) return xs.sort(ascending);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && xs[j] > x) { xs[j + 1] = xs[j]; j--; }
    xs[j + 1] = x;
  }
  return xs;
}

function makeGroup(mentions: readonly AliasInput[], canonical: string, type: EntityType, members: readonly number[]): AliasGroup {
  const aliases = [canonical, ...new Set(members.map((i) => mentions[i].text).filter((t) => t !== canonical))];
  return { canonical, type, key: entityKey(canonical, type), aliases, members };
}

/**
 * The text without dots, spaces and a plural s, upper-cased, when that is two or more
 * capitals or digits ("U.S." -> "US", "IBOs" -> "IBO"); undefined otherwise. Plain ASCII
 * text (nearly every name) is checked by code units, anything else by the regular expressions.
 */
export function acronymOf(text: string): string | undefined {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A lower-case letter other than s is neither removed nor a capital: no acronym (most names end here, at their second letter).
    if (c >= 97 && c <= 122 && c !== 115) return undefined;
    if (c > 127) ascii = false;
  }
  if (!ascii) {
    const acronym = text.replace(/[.\s]/g, '').replace(/s$/, '');
    return /^[\p{Lu}\d]{2,}$/u.test(acronym) ? acronym.toUpperCase() : undefined;
  }
  // ASCII: \s is [\t\n\v\f\r ], \p{Lu} is A-Z, \d is 0-9.
  let end = text.length;
  let kept = 0;
  let last = -1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 32 || (c >= 9 && c <= 13)) continue;
    kept++;
    last = i;
  }
  if (last >= 0 && text.charCodeAt(last) === 115) { end = last; kept--; } // the plural s
  if (kept < 2) return undefined;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 32 || (c >= 9 && c <= 13)) continue;
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return undefined;
  }
  return text.slice(0, end).replace(/[.\s]/g, '');
}

/** Types whose entities are named by one word of their full name ("Kakar", "Chrysler"). */
function partOfNameIsAlias(type: EntityType): boolean {
  return type === 'person' || type === 'organization';
}

/** Picks the full name a one-word or acronym mention stands for, or none when ambiguous. */
function resolvePartial(m: AliasInput, norm: string, fulls: Full[], story: string): Full | undefined {
  // Acronyms may be typed differently by the tagger; initials decide.
  const upper = acronymOf(m.text);
  // Candidates go to a reused array (resolution is synchronous and never nested).
  const candidates = CANDIDATES;
  candidates.length = 0;
  for (const f of fulls) {
    if (!occursIn(f, story)) continue;
    // A word of a longer place is another place ("Sudan" / "South Sudan", "Pakistan" / "Iran-Pakistan"):
    // only people and organisations are named by part of their name.
    if (f.type === m.type && partOfNameIsAlias(m.type) && hasWord(f.norm, norm)) { candidates.push(f); continue; }
    if (upper !== undefined && f.multiWord) {
      f.initials ??= initialsOf(f.forms[0] ?? '');
      if (f.initials === upper) candidates.push(f);
    }
  }
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  // Several: the nearest full name before the mention must also be the most frequent.
  const at = m.start ?? 0;
  let nearest: Full | undefined;
  let nearestDist = Infinity;
  for (const f of candidates) {
    for (let k = 0; k < f.positionStarts.length; k++) {
      const start = f.positionStarts[k];
      if (f.positionStories[k] !== story || start > at) continue;
      if (at - start < nearestDist) { nearestDist = at - start; nearest = f; }
    }
  }
  if (!nearest) return undefined;
  const top = countIn(nearest, story);
  for (const f of candidates) if (f !== nearest && countIn(f, story) >= top) return undefined;
  return nearest;
}

const CANDIDATES: Full[] = [];

/** Number of the full name's mentions in `story`. */
function countIn(f: Full, story: string): number {
  let n = 0;
  for (const s of f.positionStories) if (s === story) n++;
  return n;
}

/**
 * Whether `word` is one of the space-separated words of `norm` (`norm.split(' ').includes(word)`
 * without the array; a normalized name has single spaces between non-empty words).
 */
export function hasWord(norm: string, word: string): boolean {
  // (No word of a normalized name is empty or holds a space.)
  if (word.length === 0 || word.indexOf(' ') >= 0) return false;
  for (let at = norm.indexOf(word); at >= 0; at = norm.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || norm.charCodeAt(at - 1) === 32) && (end === norm.length || norm.charCodeAt(end) === 32)) return true;
  }
  return false;
}
