/**
 * Evidence that a one-word tagger "person" really is a person, which the
 * lone-person rule (lonePersons.ts) must respect before it reads the word as a
 * company:
 * - it is a known family name or a known person's name ("Johnson", "Clinton"):
 *   a company named after a family is not in those word lists, and a known
 *   surname alone is how news names a well-known person;
 * - it stands in a list with a full person name ("Palestrina, Karlheinz
 *   Stockhausen, Ravel and Shostakovich"): lists join names of one kind, and
 *   the evidence runs along the list from one member to the next;
 * - a relative "who" or an age follows it ("Frise, who", "Smith, 45,"): in the
 *   gold data a name before ", who" is a person 112 times in 138, before an
 *   age always.
 */
import { isPunct, type Analysis } from '../analysis';
import type { Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { TokenKind } from '../tokenize';

/** Token i is a list separator: a comma, "and", "or" or "&". */
function isListSeparator(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if (isPunct(t, i, ',') || isPunct(t, i, '&')) return true;
  if (t.kind[i] !== TokenKind.Word || t.end[i] - t.start[i] > 3) return false;
  const w = t.text.slice(t.start[i], t.end[i]);
  return w === 'and' || w === 'or';
}

/** Tokens from `from` to `to` (inclusive; none when from > to) are one or two list separators (", and"). */
function onlySeparators(a: Analysis, from: number, to: number): boolean {
  if (from > to || to - from > 1) return false;
  for (let i = from; i <= to; i++) if (!isListSeparator(a, i)) return false;
  return true;
}

/** ", who" or ", 45," follows token i. */
function whoOrAgeFollows(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if (i + 2 >= t.count || !isPunct(t, i + 1, ',')) return false;
  const j = i + 2;
  const len = t.end[j] - t.start[j];
  if (t.kind[j] === TokenKind.Word) return len === 3 && t.text.slice(t.start[j], t.end[j]) === 'who';
  return t.kind[j] === TokenKind.Number && len === 2 && j + 1 < t.count && isPunct(t, j + 1, ',');
}

/**
 * The first tokens of the one-word tagger persons (`lone`, in text order) that
 * have evidence of being persons.
 */
export function lonePersonsWithEvidence(a: Analysis, proposals: readonly Proposal[], lone: readonly number[]): Set<number> {
  const kept = new Set<number>();
  for (let k = 0; k < lone.length; k++) if (a.gaz[lone[k]] & (Gaz.Last | Gaz.Person) || whoOrAgeFollows(a, lone[k])) kept.add(lone[k]);
  // Full person names, as token ranges, to test list neighbours against.
  const fullFirst: number[] = [];
  const fullLast: number[] = [];
  for (let k = 0; k < proposals.length; k++) {
    const p = proposals[k];
    if (p.type === 'person' && p.last > p.first && p.source !== 'gazetteer') { fullFirst.push(p.first); fullLast.push(p.last); }
  }
  if (fullFirst.length === 0 && kept.size === 0) return kept;
  // Evidence spreads along a list: repeat until no lone member gains any.
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 0; k < lone.length; k++) {
      const i = lone[k];
      if (kept.has(i)) continue;
      let near = false;
      for (let f = 0; f < fullFirst.length && !near; f++) near = onlySeparators(a, fullLast[f] + 1, i - 1) || onlySeparators(a, i + 1, fullFirst[f] - 1);
      for (let m = 0; m < lone.length && !near; m++) {
        const j = lone[m];
        if (j !== i && kept.has(j)) near = onlySeparators(a, j + 1, i - 1) || onlySeparators(a, i + 1, j - 1);
      }
      if (near) { kept.add(i); changed = true; }
    }
  }
  return kept;
}
