/**
 * News introduces people by their full name (or a title) before using one
 * name alone. A one-word "person" from the tagger that never appears in a
 * longer person name of the story, follows no title and is no known given
 * name is far more often a company ("Chrysler said", "Ford announced"),
 * or, when the gazetteer knows it as a place, that place ("Tehran said").
 */
import type { Analysis } from '../analysis';
import { proposalList, reshaped, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { lonePersonsWithEvidence } from './personEvidence';

/** Retypes unsupported one-word tagger persons as organisations (the list itself when none is). */
export function retypeLonePersons(a: Analysis, proposals: readonly Proposal[]): Proposal[] {
  // (Copied at the first retyped person: most stories have none.)
  let retyped: Proposal[] | undefined;
  let lone: number[] | undefined;
  for (let k = 0; k < proposals.length; k++) {
    const p = proposals[k];
    const r = retypeLonePerson(a, proposals, p);
    if (r === p) continue;
    if (retyped === undefined) {
      retyped = proposalList();
      for (let j = 0; j < proposals.length; j++) retyped.push(proposals[j]);
      lone = [];
    }
    retyped[k] = r;
    lone!.push(p.first);
  }
  if (retyped === undefined || lone === undefined) return proposals as Proposal[];
  // Some lone persons have evidence of being persons after all (a known surname, a list with a full name).
  const persons = lonePersonsWithEvidence(a, proposals, lone);
  for (let k = 0; k < proposals.length; k++) if (retyped[k] !== proposals[k] && persons.has(proposals[k].first)) retyped[k] = proposals[k];
  return retyped;
}

/**
 * One proposal of `proposals`, retyped when it is an unsupported one-word tagger person
 * (what `retypeLonePersons` does to it; the list is read, not changed).
 */
export function retypeLonePerson(a: Analysis, proposals: readonly Proposal[], p: Proposal): Proposal {
  if (p.source !== 'tagger' || p.type !== 'person' || p.first !== p.last) return p;
  const i = p.first;
  if (a.gaz[i] & Gaz.First) return p;
  if (a.features.doc[i] & 2 /* DocBit.AfterTitle */) return p;
  if (i > 0 && (a.gaz[i - 1] & Gaz.Title || (i > 1 && a.gaz[i - 2] & Gaz.Title))) return p;
  // Last, as it scans the list: the word is part of a full person name of the story.
  if (inFullName(a, proposals, a.tokens.lower[i])) return p;
  // A known place acting ("Tehran said", "after Tehran conducted an airstrike") is that place, by metonymy.
  const place = (a.gaz[i] & (Gaz.Country | Gaz.City | Gaz.Region)) !== 0;
  return reshaped(p, p.first, p.last, place ? 'location' : 'organization', p.confidence * 0.7);
}

/** Whether a word (lower-case hash) is in a person proposal of several words (few lone persons ask: a scan, no Set). */
function inFullName(a: Analysis, proposals: readonly Proposal[], word: number): boolean {
  const lower = a.tokens.lower;
  for (let k = 0; k < proposals.length; k++) {
    const q = proposals[k];
    if (q.type !== 'person' || q.last === q.first) continue;
    for (let i = q.first; i <= q.last; i++) if (lower[i] === word) return true;
  }
  return false;
}
