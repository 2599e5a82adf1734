/**
 * News introduces an organisation by what it is, as it introduces a person by
 * a title: "automaker Chrysler", "flag carrier Aeroflot", "retailer Best Buy",
 * "insurance firm AIG", "militant group TTP", "the technology blog Gizmodo".
 * The capitalised words right after such a descriptor noun name an
 * organisation, whatever the tagger made of them ("a stake in Chrysler" reads
 * like a place to it). The nouns are general English, not a list of names.
 */
import { isNameLike, nameGlueLength, type Analysis } from '../analysis';
import { proposal, proposalList, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { buildIntTable, intTableGet } from '../hashTable';
import { capitalsOf, type Capitals } from '../capitals';
import { hashLower, TokenFlag, TokenKind } from '../tokenize';

/** Nouns that say what kind of organisation the following name is. */
const DESCRIPTORS: readonly string[] = [
  'automaker', 'carmaker', 'chipmaker', 'drugmaker', 'planemaker', 'maker', 'manufacturer', 'airframer',
  'company', 'firm', 'corporation', 'conglomerate', 'giant', 'rival', 'subsidiary', 'startup', 'start-up',
  'airline', 'carrier', 'retailer', 'insurer', 'lender', 'bank', 'broker', 'brokerage', 'supplier', 'operator',
  'developer', 'publisher', 'broadcaster', 'newspaper', 'daily', 'magazine', 'tabloid', 'blog', 'website', 'outlet',
  'network', 'studio', 'label', 'group', 'outfit', 'organisation', 'organization', 'party', 'charity', 'watchdog',
  'regulator', 'union', 'agency', 'consortium', 'exporter', 'producer', 'miner', 'refiner', 'utility',
];
const DESCRIPTOR_HASHES = buildIntTable(new Map(DESCRIPTORS.map((w) => [hashLower(w), 1])));

/** Classes that end the name after a descriptor: places, peoples, dates and titles start something else. */
const NOT_NAME = Gaz.Country | Gaz.Demonym | Gaz.Month | Gaz.Weekday | Gaz.Title;

/**
 * A full name the tagger reads as a person (B-PER then I-PER): "the company Bill Gates founded"
 * stays a person. A one-word "person" after a descriptor is the organisation ("automaker
 * Chrysler"): the tagger takes many one-word company names for family names.
 */
const isFullPersonAt = (labels: ArrayLike<number>, j: number, count: number): boolean =>
  (labels[j] === 1 || labels[j] === 2) && j + 1 < count && labels[j + 1] === 2;

/** Organisation proposals introduced by a descriptor noun, appended to `out` (a new list unless given). */
export function describedOrganizations(a: Analysis, caps: Capitals = capitalsOf(a.tokens), out: Proposal[] = proposalList()): Proposal[] {
  const t = a.tokens;
  const { flags, kind, lower } = t;
  // A capitalised word must follow the descriptor d: walk the capitalised words j (d = j - 1),
  // from d = `next` on (a name found ends the words to look at).
  let next = 0;
  for (let c = 0; c < caps.count; c++) {
    const j = caps.at[c];
    const d = j - 1;
    if (d < next) continue;
    // Lower case only: a capitalised one is part of a name ("Fiat Group SpA", "Network Rail").
    if (kind[d] !== TokenKind.Word || (flags[d] & (TokenFlag.Cap | TokenFlag.AllCaps)) || intTableGet(DESCRIPTOR_HASHES, lower[d]) === 0) continue;
    // On the same line, one space away, not a person by the tagger's reading, and not a
    // capitalised common word ("the group Updated ...", "the firm Save ...").
    if ((t.flags[j] & TokenFlag.LineStart) || t.start[j] - t.end[d] !== 1 || isFullPersonAt(a.tags.labels, j, t.count) || (a.gaz[j] & Gaz.Common)) continue;
    let last = -1;
    let k = j;
    while (k < t.count && k - j < 5) {
      if (isNameLike(t, k) && !(a.gaz[k] & NOT_NAME) && !(a.phraseB[k] & (Gaz.Country | Gaz.City))) { last = k; k++; continue; }
      const glue = last === k - 1 ? nameGlueLength(t, k) : 0;
      if (glue > 0) { k += glue; continue; }
      break;
    }
    if (last < j) continue;
    // "the company Apple": the descriptor's own capitalised sentence start is not part of the name.
    out.push(proposal(j, last, 'organization', 0.85, 'suffix'));
    next = last + 1;
  }
  return out;
}
