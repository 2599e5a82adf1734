/**
 * Facilities are places: "Changi International Airport", "Wembley Stadium",
 * "Victoria Station", "Tower Bridge", "National Gallery". "Airport" is an
 * organisation head word (lexicon.ts; the tagger's inputs depend on it, so it
 * stays), and the tagger often says organisation for the others, but news and
 * the gold standards (MEANTIME, CoNLL-style sets) treat a named building,
 * bridge or park as a location. An organisation or misc proposal ending in a
 * capitalised facility head word becomes a location; persons are left alone
 * ("Geun-hye Park").
 */
import type { Analysis } from '../analysis';
import { proposal, proposalList, type Proposal } from '../candidates';
import { TokenFlag } from '../tokenize';

/** Head words of named facilities that are mostly places, not bodies that act (unlike "Hospital", "School", "Church"). */
const FACILITY_HEADS: ReadonlySet<string> = new Set([
  'airport', 'airfield', 'stadium', 'arena', 'station', 'bridge', 'museum', 'gallery', 'palace', 'castle', 'prison',
  'park', 'tunnel', 'dam', 'canal', 'port', 'harbour', 'harbor', 'pier',
]);
const LONGEST = Math.max(...[...FACILITY_HEADS].map((w) => w.length));

/** Token i is a capitalised facility head word. */
function isFacilityHead(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if (!(t.flags[i] & TokenFlag.Cap) || t.end[i] - t.start[i] > LONGEST) return false;
  return FACILITY_HEADS.has(t.text.slice(t.start[i], t.end[i]).toLowerCase());
}

/** Retypes organisation and misc proposals that name a facility as locations. */
export function retypeFacilities(a: Analysis, proposals: readonly Proposal[]): Proposal[] {
  const out = proposalList();
  for (let k = 0; k < proposals.length; k++) {
    const p = proposals[k];
    const weakOrHead = p.source === 'tagger' || p.source === 'suffix' || p.source === 'consistency' || p.source === 'gazetteer';
    if (weakOrHead && (p.type === 'organization' || p.type === 'misc') && p.last > p.first && isFacilityHead(a, p.last)) {
      out.push(proposal(p.first, p.last, 'location', p.confidence, p.source, p.canonical, undefined, p.phraseFirst));
    } else {
      out.push(p);
    }
  }
  return out;
}
