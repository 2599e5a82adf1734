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
import { proposal, type Proposal } from '../candidates';
import { TokenFlag } from '../tokenize';
import { LowerWords } from '../tokenWords';

/** Head words of named facilities that are mostly places, not bodies that act (unlike "Hospital", "School", "Church"). */
const FACILITY_HEAD_WORDS: readonly string[] = [
  'airport', 'airfield', 'stadium', 'arena', 'station', 'bridge', 'museum', 'gallery', 'palace', 'castle', 'prison',
  'park', 'tunnel', 'dam', 'canal', 'port', 'harbour', 'harbor', 'pier',
];
const FACILITY_HEADS = new LowerWords(FACILITY_HEAD_WORDS);
const LONGEST = Math.max(...FACILITY_HEAD_WORDS.map((w) => w.length));

/** Token i is a capitalised facility head word. */
function isFacilityHead(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if (!(t.flags[i] & TokenFlag.Cap) || t.end[i] - t.start[i] > LONGEST) return false;
  return FACILITY_HEADS.has(t, i);
}

/** A proposal, retyped as a location when it is an organisation or misc that names a facility (else itself). */
export function retypeFacility(a: Analysis, p: Proposal): Proposal {
  const weakOrHead = p.source === 'tagger' || p.source === 'suffix' || p.source === 'consistency' || p.source === 'gazetteer';
  if (weakOrHead && (p.type === 'organization' || p.type === 'misc') && p.last > p.first && isFacilityHead(a, p.last)) {
    return proposal(p.first, p.last, 'location', p.confidence, p.source, p.canonical, undefined, p.phraseFirst);
  }
  return p;
}
