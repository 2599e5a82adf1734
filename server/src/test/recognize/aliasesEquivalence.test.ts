import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acronymOf, canonicalGroups, initialsOf, normalizeAlias, type AliasInput, type CanonicalGroup } from '../../core/recognize/aliases';
import type { EntityType } from '../../core/recognize/model';
import { beginStory, canonicalsOfFacts, factsByKey, storyCanonicals } from '../../core/recognize/storyAliases';

// --- reference: canonicalGroups as before the speed work (commit 43d4e26), with its helpers ---
function refIsAcronymText(text: string): boolean {
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
interface RefFull {
  /** Initials of the first surface form, computed once. */
  initials?: string;
  norm: string;
  /** The words of `norm`, split when a partial name first asks. */
  words?: string[];
  type: EntityType;
  /** Surface forms in order of first appearance, and their weights (parallel; a name has few forms). */
  forms: string[];
  formWeights: number[];
  members: number[];
  positions: { story: string; start: number }[];
  /** The story of the first position, and a set of all of them once there are several (most names live in one story). */
  story: string;
  stories?: Set<string>;
}
function refOccursIn(f: RefFull, story: string): boolean {
  return f.story === story || (f.stories !== undefined && f.stories.has(story));
}
class RefByTypeAndName<V extends { readonly type: EntityType }> {
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
function canonicalGroupsReference(mentions: readonly AliasInput[]): CanonicalGroup[] {
  const fulls = new RefByTypeAndName<RefFull>();
  // Fulls in order of creation: the order partial names see them in.
  const fullList: RefFull[] = [];
  const partial: number[] = [];
  const norms: string[] = new Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const norm = (norms[i] = normalizeAlias(m.canonical ?? m.text));
    if (!norm) continue;
    if (!m.canonical && (norm.indexOf(' ') < 0 || refIsAcronymText(m.text))) { partial.push(i); continue; }
    let f = fulls.get(m.type, norm);
    const story = m.story ?? '';
    if (!f) { f = { norm, type: m.type, forms: [], formWeights: [], members: [], positions: [], story }; fulls.set(norm, f); fullList.push(f); }
    f.members.push(i);
    const form = m.canonical ?? m.text;
    const at = f.forms.indexOf(form);
    const weight = m.canonical ? 2 : 1;
    if (at < 0) { f.forms.push(form); f.formWeights.push(weight); } else f.formWeights[at] += weight;
    f.positions.push({ story, start: m.start ?? 0 });
    if (story !== f.story) (f.stories ??= new Set([f.story])).add(story);
  }
  const singles = new RefByTypeAndName<{ readonly type: EntityType; readonly members: number[] }>();
  const singleList: number[][] = [];
  for (const i of partial) {
    const m = mentions[i];
    const target = fullList.length ? refResolvePartial(m, norms[i], fullList, m.story ?? '') : undefined;
    if (target) { target.members.push(i); continue; }
    const single = singles.get(m.type, norms[i]);
    if (single) single.members.push(i); else { const l = [i]; singles.set(norms[i], { type: m.type, members: l }); singleList.push(l); }
  }
  const groups: CanonicalGroup[] = [];
  for (const f of fullList) {
    // The form whose last word is the surname used alone reads best ("Anwaar-ul-Haq Kakar" when "Kakar" recurs).
    let partialNorms: Set<string> | undefined;
    for (const i of f.members) if (norms[i].indexOf(' ') < 0) (partialNorms ??= new Set()).add(norms[i]);
    let canonical = '';
    let bestScore = -1;
    for (let k = 0; k < f.forms.length; k++) {
      const form = f.forms[k];
      const lastWord = form.slice(form.lastIndexOf(' ') + 1);
      const score = f.formWeights[k] + (partialNorms && partialNorms.has(normalizeAlias(lastWord)) ? 2 : 0);
      if (score > bestScore || (score === bestScore && form.length > canonical.length)) { bestScore = score; canonical = form; }
    }
    groups.push({ canonical, type: f.type, members: f.members.sort(refAscending) });
  }
  for (const members of singleList) {
    // The most frequent surface form, the first seen among equals.
    let canonical = mentions[members[0]].text;
    if (members.length > 1) {
      const counts = new Map<string, number>();
      for (const i of members) counts.set(mentions[i].text, (counts.get(mentions[i].text) ?? 0) + 1);
      let most = 0;
      for (const [text, n] of counts) if (n > most) { most = n; canonical = text; }
    }
    groups.push({ canonical, type: mentions[members[0]].type, members: members.sort(refAscending) });
  }
  return groups.sort((a, b) => a.members[0] - b.members[0]);
}
function refAscending(a: number, b: number): number {
  return a - b;
}
function refResolvePartial(m: AliasInput, norm: string, fulls: RefFull[], story: string): RefFull | undefined {
  // Acronyms may be typed differently by the tagger; initials decide.
  const upper = acronymOf(m.text);
  const candidates: RefFull[] = [];
  for (const f of fulls) {
    if (!refOccursIn(f, story)) continue;
    const words = (f.words ??= f.norm.split(' '));
    if (f.type === m.type && (m.type === 'person' || m.type === 'organization') && words.includes(norm)) { candidates.push(f); continue; }
    if (upper !== undefined && words.length >= 2) {
      f.initials ??= initialsOf(f.forms[0] ?? '');
      if (f.initials === upper) candidates.push(f);
    }
  }
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  // Several: the nearest full name before the mention must also be the most frequent.
  const at = m.start ?? 0;
  let nearest: RefFull | undefined;
  let nearestDist = Infinity;
  for (const f of candidates) {
    for (const p of f.positions) {
      if (p.story !== story || p.start > at) continue;
      if (at - p.start < nearestDist) { nearestDist = at - p.start; nearest = f; }
    }
  }
  if (!nearest) return undefined;
  const count = (f: RefFull): number => f.positions.filter((p) => p.story === story).length;
  const top = count(nearest);
  return candidates.every((f) => f === nearest || count(f) < top) ? nearest : undefined;
}

// The speed work on the recognizer rewrote `canonicalGroups` (no per-story splits, Sets or
// position objects, insertion sorts); this property pins it to the code it replaced.
describe('recognize/aliases speed equivalence', () => {
  it('canonicalGroups groups as the code it replaced', () => {
    const words = ['Anwaar', 'ul-Haq', 'Kakar', 'Imran', 'Khan', 'TTP', 'Tehreek-e-Taliban', 'Pakistan', 'U.S.', 'United', 'States', 'the', 'PM', 'Apple', 'Inc.', 'IBOs', 'Kakar\'s', 'KHAN', 'US'];
    const mention = fc.record({
      words: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
      type: fc.constantFrom<EntityType>('person', 'organization', 'location', 'misc'),
      start: fc.integer({ min: 0, max: 500 }),
      story: fc.constantFrom(undefined, 'a', 'b'),
      canonical: fc.constantFrom(undefined, undefined, undefined, 'Tehreek-e-Taliban Pakistan', 'United States', 'Kakar'),
    }).map(({ words: ws, type, start, story, canonical }): AliasInput => ({ text: ws.join(' '), type, start, story, canonical }));
    fc.assert(fc.property(fc.array(mention, { maxLength: 60 }), (ms) => {
      assert.deepEqual(canonicalGroups(ms), canonicalGroupsReference(ms));
    }), { numRuns: 4000 });
  });

  // The entity pipeline reads one story's grouping through `storyCanonicals` (flat scans, no groups):
  // a mention gets its group's canonical name when the group has two members or more, or its
  // first member came with a canonical name.
  it('storyCanonicals gives each mention the canonical name of its reference group', () => {
    // (Also names whose last word normalizes to two words, "al-Qaeda", and non-ASCII ones.)
    const words = ['Anwaar', 'ul-Haq', 'Kakar', 'Imran', 'Khan', 'TTP', 'Tehreek-e-Taliban', 'Pakistan', 'U.S.', 'United', 'States', 'the', 'PM', 'Apple', 'Inc.', 'IBOs', 'Kakar\'s', 'KHAN', 'US', 'UK', 'Ahmed', 'AK', 'al-Qaeda', 'Qaeda', 'AQ', 'Müller', 'Émile', 'ÉM'];
    const mention = fc.record({
      words: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
      type: fc.constantFrom<EntityType>('person', 'organization', 'location', 'misc'),
      start: fc.integer({ min: 0, max: 500 }),
      canonical: fc.constantFrom(undefined, undefined, undefined, undefined, 'Tehreek-e-Taliban Pakistan', 'United States', 'Kakar', ''),
    }).map(({ words: ws, type, start, canonical }): AliasInput => ({ text: ws.join(' '), type, start, canonical }));
    const out: (string | undefined)[] = [];
    const check = (ms: readonly AliasInput[]): void => {
      const expected: (string | undefined)[] = ms.map(() => undefined);
      for (const g of canonicalGroupsReference(ms)) {
        if (g.members.length < 2 && !ms[g.members[0]].canonical) continue;
        for (const i of g.members) expected[i] = g.canonical;
      }
      // Stale values beyond n and from the previous call must not leak into the answer.
      out.length = 0;
      for (let i = 0; i < ms.length + 3; i++) out.push('stale');
      storyCanonicals(ms.map((m) => m.text), ms.map((m) => m.type), ms.map((m) => m.start ?? 0), ms.map((m) => m.canonical), ms.length, out);
      assert.deepEqual(out.slice(0, ms.length), expected);
    };
    // A form whose last word normalizes to two words ("al-Qaeda") earns no surname bonus, even
    // when a member's name is those two words: "Al Qaeda" (with "Qaeda" alone) reads best.
    const org = (text: string, start: number): AliasInput => ({ text, type: 'organization', start });
    check([org('al-Qaeda', 0), org('Al Qaeda', 10), org('al-Qaeda', 20), org('Qaeda', 30)]);
    check([org('Al Qaeda', 0), org('al-Qaeda', 10), org('al-Qaeda', 20), org('Qaeda', 30)]);
    // Long lists too: above 128 mentions the general grouping answers.
    fc.assert(fc.property(fc.oneof(fc.array(mention, { maxLength: 40 }), fc.array(mention, { minLength: 100, maxLength: 150 })), check), { numRuns: 3000 });
  });

  // The entity pipeline finds a mention's facts by a hash of its tokens, checked against its text:
  // whatever the keys (even all equal), the facts are those of exactly that text, and within a
  // story equal texts share one facts object (the grouping compares them by identity).
  it('factsByKey gives the facts of exactly the name, one per distinct text in a story', () => {
    const name = fc.array(fc.constantFrom('Kakar', 'kakar', 'Kaka', 'r', ' ', 'Khan', 'É', '-', 'Tehreek-e-Taliban Pakistan'), { minLength: 1, maxLength: 4 }).map((ps) => ps.join(''));
    const keyOf = fc.constantFrom((s: string) => s.length, () => 7, (s: string) => s.charCodeAt(0) | 0);
    fc.assert(fc.property(fc.array(name, { maxLength: 20 }), keyOf, (names, key) => {
      beginStory();
      const seen = new Map<string, unknown>();
      for (const n of names) {
        // (A copy: the pipeline's texts are fresh strings cut out of the story.)
        const f = factsByKey(n.split('').join(''), key(n));
        assert.equal(f.text, n);
        if (seen.has(n)) assert.equal(seen.get(n), f); else seen.set(n, f);
      }
    }), { numRuns: 3000 });
  });

  it('factsByKey copes with a story of more distinct names than its table holds', () => {
    beginStory();
    for (let i = 0; i < 20_000; i++) assert.equal(factsByKey(`N${i}`, 1).text, `N${i}`);
  });

  // The memos are dropped between stories once large: the facts found by key must then be dropped
  // too, or a story could see two facts (and two identities) for one name.
  it('factsByKey and the given canonicals agree across the memos being dropped', () => {
    const text = ['Anwaar Kakar', 'Kakar'];
    const given = [undefined, 'Anwaar Kakar'];
    const type: EntityType[] = ['person', 'person'];
    const expected: (string | undefined)[] = [];
    storyCanonicals(text, type, [0, 20], given, 2, expected);
    const out: (string | undefined)[] = [];
    for (let story = 0; story < 60; story++) {
      beginStory();
      const facts = [factsByKey(text[0], 99), factsByKey(text[1], 98)];
      canonicalsOfFacts(facts, text, type, [0, 20], given, 2, out);
      assert.deepEqual(out.slice(0, 2), expected, `story ${story}`);
      // Many other names per story: the key table is emptied every fourth story, the memos after the
      // 46th, at a story where the key table would not have been emptied of its own.
      for (let i = 0; i < 1100; i++) factsByKey(`N${story} ${i}`, story * 1100 + i);
    }
  });
});
