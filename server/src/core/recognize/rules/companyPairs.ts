/**
 * Two-word companies that read like "Surname Given-name" ("Lockheed Martin"):
 * the tagger takes them for persons, and no word list tells them from a person
 * whose family name is unknown and whose second name is a given name too
 * ("Sonali Paul"). The story does: news names a person again by the family
 * name, the last word, never by the first word alone, while a company is
 * named again by its first word ("Lockheed Martin ... Lockheed won"). A
 * two-word person whose second word is a known given name, whose first word is
 * no known name, and whose first word stands alone elsewhere in the story is
 * an organisation, and so are those lone mentions.
 */
import { isNameLike, type Analysis } from '../analysis';
import { capitalsOf, type Capitals } from '../capitals';
import { proposalList, reshaped, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';

function weak(p: Proposal): boolean {
  return p.source === 'tagger' || p.source === 'consistency' || p.source === 'gazetteer';
}

/** Token i is a name-like word standing alone: no name-like word (but a title) beside it ("Imran Khan" is no lone "Imran"). */
function standsAlone(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if (!isNameLike(t, i)) return false;
  if (i + 1 < t.count && isNameLike(t, i + 1)) return false;
  return !(i > 0 && isNameLike(t, i - 1) && !(a.gaz[i - 1] & Gaz.Title));
}

/** Retypes company pairs read as persons, and the lone mentions of their first word, as organisations. */
export function retypeCompanyPairs(a: Analysis, proposals: readonly Proposal[], caps: Capitals = capitalsOf(a.tokens)): Proposal[] {
  const t = a.tokens;
  const firstWords: number[] = [];
  for (let k = 0; k < proposals.length; k++) {
    const p = proposals[k];
    if (p.type !== 'person' || !weak(p) || p.last !== p.first + 1) continue;
    const x = p.first;
    const y = p.last;
    if (!(a.gaz[y] & Gaz.First) || a.gaz[x] & (Gaz.First | Gaz.Last | Gaz.Person | Gaz.Title)) continue;
    // No abbreviation ("St Anne", "St. John"): a short first word is a title or an initial more often than a company.
    if (t.end[x] - t.start[x] < 3 || y !== x + 1) continue;
    // (A word standing alone is name-like: the capitals list holds every candidate, not every token.)
    let alone = false;
    for (let c = 0; c < caps.count && !alone; c++) {
      const i = caps.at[c];
      if (i !== x && t.lower[i] === t.lower[x] && standsAlone(a, i)) alone = true;
    }
    if (alone && !firstWords.includes(t.lower[x])) firstWords.push(t.lower[x]);
  }
  if (firstWords.length === 0) return proposals as Proposal[];
  const out = proposalList();
  for (let k = 0; k < proposals.length; k++) {
    const p = proposals[k];
    const company = p.type === 'person' && weak(p) && firstWords.includes(t.lower[p.first])
      && (p.last === p.first || (p.last === p.first + 1 && (a.gaz[p.last] & Gaz.First) !== 0));
    out.push(company ? reshaped(p, p.first, p.last, 'organization', p.confidence) : p);
  }
  return out;
}
