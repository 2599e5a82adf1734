/**
 * The canonical names of one story's mentions, as the entity pipeline needs them:
 * `canonicalGroups` of the story (every mention in one story) reduced to "which
 * mentions get which canonical name", computed over flat arrays reused from story
 * to story. A story has a dozen mentions or so: scans over a few short arrays
 * cost less than the maps, group objects and sorts of the general grouping, and
 * the group order (which this answer does not need) is never established.
 */
import { acronymOf, canonicalGroups, hasWord, initialsOf, isAcronymText, normalizeAlias, type AliasInput } from './aliases';
import type { EntityType } from './model';

/** Above this many mentions the general grouping (maps, not scans) runs. */
const MAX_SCANNED = 128;

// Per mention (reused; a call runs to completion before the next).
/** Normalized name (`normalizeAlias(canonical ?? text)`). */
const NORM: string[] = [];
/** The full name a full mention belongs to, or -1. */
const FULL_OF: number[] = [];
/** The full name a partial mention resolved to, or -1. */
const RESOLVED_TO: number[] = [];
/** The group of unresolved partial mentions it belongs to, or -1. */
const SINGLE_OF: number[] = [];

// Per full name, in order of creation (the order partial names see them in).
const F_TYPE: EntityType[] = [];
const F_NORM: string[] = [];
/** Surface form of its first mention (its initials answer acronyms). */
const F_FORM0: string[] = [];
/** Whether its normalized name has several words (only those answer acronyms). */
const F_MULTI: boolean[] = [];
/** Number of full mentions (positions), and of all members (with resolved partials). */
const F_COUNT: number[] = [];
const F_SIZE: number[] = [];
/** Its first full mention (the lowest-indexed one). */
const F_FIRST: number[] = [];
/** Whether a member's normalized name is one word (only then do surnames weigh on the canonical form). */
const F_ONE_WORD: boolean[] = [];

// Surface forms of the full names, flat: owner, text, weight.
const FORM_OWNER: number[] = [];
const FORM_TEXT: string[] = [];
const FORM_WEIGHT: number[] = [];

// Groups of unresolved partial mentions: type, normalized name, size, first member.
const S_TYPE: EntityType[] = [];
const S_NORM: string[] = [];
const S_SIZE: number[] = [];

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
  let fulls = 0;
  let forms = 0;
  let anyMultiWord = false;
  // Full names: a canonical given, or a normalized name of several words that is no acronym.
  for (let i = 0; i < n; i++) {
    const canonical = given[i];
    const norm = normalizeAlias(canonical ?? text[i]);
    NORM[i] = norm;
    FULL_OF[i] = -1;
    RESOLVED_TO[i] = -1;
    SINGLE_OF[i] = -1;
    out[i] = undefined;
    if (!norm) continue;
    const space = norm.indexOf(' ') >= 0;
    if (!canonical && (!space || isAcronymText(text[i]))) continue; // partial: resolved below
    const ty = type[i];
    let f = 0;
    while (f < fulls && !(F_NORM[f] === norm && F_TYPE[f] === ty)) f++;
    const form = canonical ?? text[i];
    if (f === fulls) {
      F_TYPE[f] = ty;
      F_NORM[f] = norm;
      F_FORM0[f] = form;
      F_MULTI[f] = space;
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
    if (!space) F_ONE_WORD[f] = true;
    const weight = canonical ? 2 : 1;
    let k = 0;
    while (k < forms && !(FORM_OWNER[k] === f && FORM_TEXT[k] === form)) k++;
    if (k === forms) { FORM_OWNER[k] = f; FORM_TEXT[k] = form; FORM_WEIGHT[k] = weight; forms++; } else FORM_WEIGHT[k] += weight;
  }
  // Partial names (one word, or an acronym), in order: the full name they stand for, else a group of their own.
  let singles = 0;
  for (let i = 0; i < n; i++) {
    if (FULL_OF[i] >= 0 || !NORM[i]) continue;
    const norm = NORM[i];
    const ty = type[i];
    const target = fulls > 0 ? resolvePartial(text[i], norm, ty, start, start[i], fulls, anyMultiWord, n) : -1;
    if (target >= 0) {
      RESOLVED_TO[i] = target;
      F_SIZE[target]++;
      F_ONE_WORD[target] = true;
      continue;
    }
    let s = 0;
    while (s < singles && !(S_NORM[s] === norm && S_TYPE[s] === ty)) s++;
    if (s === singles) { S_TYPE[s] = ty; S_NORM[s] = norm; S_SIZE[s] = 0; singles++; }
    SINGLE_OF[i] = s;
    S_SIZE[s]++;
  }
  // Canonical names, only of the groups that hand them out.
  for (let f = 0; f < fulls; f++) {
    if (F_SIZE[f] < 2 && !given[F_FIRST[f]]) continue;
    const canonical = fullCanonical(f, forms, n);
    for (let i = 0; i < n; i++) if (FULL_OF[i] === f || RESOLVED_TO[i] === f) out[i] = canonical;
  }
  for (let s = 0; s < singles; s++) {
    if (S_SIZE[s] < 2) continue; // (partial names come with no canonical)
    const canonical = mostFrequentText(text, s, n);
    for (let i = 0; i < n; i++) if (SINGLE_OF[i] === s) out[i] = canonical;
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
    const form = FORM_TEXT[k];
    const score = FORM_WEIGHT[k] + (F_ONE_WORD[f] && isOneWordMember(f, normalizeAlias(form.slice(form.lastIndexOf(' ') + 1)), n) ? 2 : 0);
    if (score > bestScore || (score === bestScore && form.length > canonical.length)) { bestScore = score; canonical = form; }
  }
  return canonical;
}

/** Whether a member of full name f has the one-word normalized name `word`. */
function isOneWordMember(f: number, word: string, n: number): boolean {
  for (let i = 0; i < n; i++) {
    if (FULL_OF[i] !== f && RESOLVED_TO[i] !== f) continue;
    if (NORM[i] === word && word.indexOf(' ') < 0) return true;
  }
  return false;
}

/** Picks the full name a one-word or acronym mention stands for, or -1 when none or ambiguous (as `resolvePartial`). */
function resolvePartial(text: string, norm: string, ty: EntityType, start: readonly number[], at: number, fulls: number, anyMultiWord: boolean, n: number): number {
  // Acronyms may be typed differently by the tagger; initials decide (only full names of several words have any).
  const upper = anyMultiWord ? acronymOf(text) : undefined;
  // A word of a longer place is another place: only people and organisations are named by part of their name.
  const byWord = ty === 'person' || ty === 'organization';
  if (!byWord && upper === undefined) return -1;
  // (A count, not `CANDIDATES.length = 0`: setting an array's length is a runtime call.)
  let count = 0;
  for (let f = 0; f < fulls; f++) {
    if (byWord && F_TYPE[f] === ty && hasWord(F_NORM[f], norm)) { CANDIDATES[count++] = f; continue; }
    if (upper !== undefined && F_MULTI[f] && initialsAre(F_FORM0[f], upper)) CANDIDATES[count++] = f;
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

/**
 * Whether `initialsOf(form) === upper`. An ASCII form is read by code units (words split at
 * whitespace and hyphens, each starting with A-Z gives its letter), no string built and no
 * memo asked; any other form asks `initialsOf`.
 */
function initialsAre(form: string, upper: string): boolean {
  let k = 0;
  let atWordStart = true;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c > 127) return initialsOf(form) === upper;
    if (c === 32 || c === 45 || (c >= 9 && c <= 13)) { atWordStart = true; continue; }
    if (atWordStart && c >= 65 && c <= 90) {
      // A mismatch is only final once the form is known to be ASCII: read on without matching.
      if (k >= 0) k = k < upper.length && upper.charCodeAt(k) === c ? k + 1 : -1;
    }
    atWordStart = false;
  }
  return k === upper.length;
}

/** The most frequent text of single group s, the first seen among equals. */
function mostFrequentText(text: readonly string[], s: number, n: number): string {
  let canonical = '';
  let most = 0;
  for (let a = 0; a < n; a++) {
    if (SINGLE_OF[a] !== s) continue;
    const t = text[a];
    let seen = false;
    for (let b = 0; b < a && !seen; b++) if (SINGLE_OF[b] === s && text[b] === t) seen = true;
    if (seen) continue;
    let count = 1;
    for (let b = a + 1; b < n; b++) if (SINGLE_OF[b] === s && text[b] === t) count++;
    if (count > most) { most = count; canonical = t; }
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
