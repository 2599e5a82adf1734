/**
 * "Air" before a place is an airline: "Air France", "Air China", "Air India",
 * "Air New Zealand". The tagger reads the place in it as the place (a stake in
 * "Air [China]") or misses the name; the pattern is the naming convention of
 * carriers, not a list of them.
 */
import type { Analysis } from '../analysis';
import { proposal, proposalList, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { capitalsOf, type Capitals } from '../capitals';
import { hashLower, TokenFlag } from '../tokenize';

const AIR = hashLower('air');
const PLACE = Gaz.Country | Gaz.City | Gaz.Region;

/** Organisation proposals for "Air <place>" (the place's gazetteer phrase, however many words), appended to `out` (a new list unless given). */
export function airlineNames(a: Analysis, caps: Capitals = capitalsOf(a.tokens), out: Proposal[] = proposalList()): Proposal[] {
  const t = a.tokens;
  for (let c = 0; c < caps.count; c++) {
    const i = caps.at[c];
    // Capitalised "Air" (not "AIR" in a shouted line), the place one space after it on the same line.
    if (t.lower[i] !== AIR || (t.flags[i] & TokenFlag.AllCaps) || i + 1 >= t.count) continue;
    const j = i + 1;
    if (!(t.flags[j] & TokenFlag.Cap) || (t.flags[j] & TokenFlag.LineStart) || t.start[j] - t.end[i] !== 1) continue;
    const cls = (a.gaz[j] | a.phraseB[j]) & PLACE;
    if (cls === 0) continue;
    let last = j;
    while (last + 1 < t.count && (a.phraseI[last + 1] & cls) !== 0) last++;
    out.push(proposal(i, last, 'organization', 0.85, 'suffix'));
  }
  return out;
}
