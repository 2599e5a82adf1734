/**
 * Gazetteer fallback: capitalised countries, cities and regions are places,
 * demonyms are miscellaneous (nationalities), wherever nothing stronger
 * claimed the words.
 */
import type { Analysis } from '../analysis';
import { proposal, proposalList, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { capitalsOf, type Capitals } from '../capitals';
import { TokenFlag, TokenKind } from '../tokenize';

const PLACE = Gaz.Country | Gaz.City | Gaz.Region;

/** Place and nationality proposals from the gazetteer, appended to `out` (a new list unless given). */
export function gazetteerNames(a: Analysis, caps: Capitals = capitalsOf(a.tokens), out: Proposal[] = proposalList()): Proposal[] {
  const t = a.tokens;
  // The arrays in locals: the loop reads them at every token, and the calls that push would reload them.
  const { kind, count } = t;
  const flags = t.flags;
  const { gaz, phraseB, phraseI } = a;
  // Only name-like tokens matter: walk the capitalised ones, from `next` on.
  let next = 0;
  for (let c = 0; c < caps.count; c++) {
    const i = caps.at[c];
    // (`isNameLike`: a capitalised or all-caps word.)
    if (i < next || kind[i] !== TokenKind.Word) continue;
    next = i + 1;
    const pb = phraseB[i];
    if (pb & PLACE) {
      let last = i;
      while (last + 1 < count && phraseI[last + 1] & PLACE) last++;
      out.push(proposal(i, last, 'location', 0.6, 'gazetteer'));
      next = last + 1;
      continue;
    }
    const g = gaz[i];
    const common = (g & Gaz.Common) !== 0 && (flags[i] & (TokenFlag.SentStart | TokenFlag.LineStart)) !== 0;
    if (common) continue;
    if (g & Gaz.Country || (g & (Gaz.City | Gaz.Region) && !(g & (Gaz.First | Gaz.Last | Gaz.Common)))) out.push(proposal(i, i, 'location', 0.6, 'gazetteer'));
    else if (g & Gaz.Demonym) out.push(proposal(i, i, 'misc', 0.6, 'gazetteer', undefined, 'nationality'));
  }
  return out;
}
