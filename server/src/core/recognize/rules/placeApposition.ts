/**
 * "Galesburg, Illinois", "Roskilde, Denmark", "Everett, Washington": a name
 * followed by a comma and a known country or region (a state, a province),
 * with no name after it, is a town in that country or region. News writes
 * places this way in datelines and text alike; the tagger, which does not know
 * the town, often calls it a person or an organisation.
 */
import { isNameLike, isPunct, type Analysis } from '../analysis';
import type { Capitals } from '../capitals';
import { proposal, proposalList, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { TokenFlag } from '../tokenize';

const REGION = Gaz.Country | Gaz.Region;

/** Last token of the known country or region starting at i, or -1. */
function regionAt(a: Analysis, i: number): number {
  const t = a.tokens;
  if (i >= t.count || !isNameLike(t, i)) return -1;
  if (a.phraseB[i] & REGION) {
    let last = i;
    while (last + 1 < t.count && a.phraseI[last + 1] & REGION) last++;
    return last;
  }
  return a.gaz[i] & REGION ? i : -1;
}

/** The region ending at `last` ends the phrase: no name ("Smith, Texas Governor") nor possessive ("Abdullah, Jordan's king") follows. */
function endsPhrase(a: Analysis, last: number): boolean {
  const t = a.tokens;
  const n = last + 1;
  if (n >= t.count) return true;
  if (isNameLike(t, n)) return false;
  const c = t.text.charCodeAt(t.start[n]);
  return !(t.start[n] === t.end[last] && (c === 39 || c === 0x2019));
}

/** A weak proposal standing before ", <country or region>", retyped as a place (else itself). */
export function placeBeforeRegion(a: Analysis, p: Proposal): Proposal {
  if (p.type === 'location' || !(p.source === 'tagger' || p.source === 'consistency')) return p;
  // A full person name keeps its type ("John Smith, Texas"): only one-word persons are read as towns.
  if (p.type === 'person' && p.last > p.first) return p;
  const t = a.tokens;
  if (!isPunct(t, p.last + 1, ',')) return p;
  const last = regionAt(a, p.last + 2);
  if (last < 0 || !endsPhrase(a, last)) return p;
  return proposal(p.first, p.last, 'location', p.confidence, p.source, p.canonical, undefined, p.phraseFirst);
}

/**
 * The towns before ", <country or region>" that no proposal covers, in text order; undefined
 * when there is none.
 */
export function townsBeforeRegions(a: Analysis, proposals: readonly Proposal[], caps: Capitals): Proposal[] | undefined {
  const t = a.tokens;
  let out: Proposal[] | undefined;
  // A town nothing proposed: the capitalised words before the comma (at most three). The
  // word before the comma is name-like, so it is among the capitals: walking them (ascending)
  // meets the same commas in the same order as a walk over every token.
  for (let k = 0; k < caps.count; k++) {
    const c = caps.at[k] + 1;
    if (c + 1 >= t.count || !isPunct(t, c, ',') || !isNameLike(t, c - 1)) continue;
    const last = regionAt(a, c + 1);
    if (last < 0 || !endsPhrase(a, last) || covered(proposals, c - 1)) continue;
    let first = c - 1;
    while (first > 0 && c - first < 3 && isNameLike(t, first - 1) && !covered(proposals, first - 1)) first--;
    if (a.gaz[first] & Gaz.Common && t.flags[first] & (TokenFlag.SentStart | TokenFlag.LineStart)) continue;
    out ??= proposalList();
    out.push(proposal(first, c - 1, 'location', 0.6, 'gazetteer'));
  }
  return out;
}

function covered(ps: readonly Proposal[], i: number): boolean {
  for (let k = 0; k < ps.length; k++) if (ps[k].first <= i && ps[k].last >= i) return true;
  return false;
}
