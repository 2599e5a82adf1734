/**
 * Religious, ethnic and political communities ("Muslims", "Jews", "Shiite",
 * "Kurds", "Nazis") are groups of people, not organisations: news names them
 * constantly ("Shiite cleric", "Sunni militants", "the Kurds"), and the tagger,
 * which learned them as miscellaneous, often says organisation instead (and the
 * brand rule turns its one-word misc into one). A weak proposal made only of
 * such words and nationalities ("Lebanese Shiite") is miscellaneous, with no
 * nationality subtype: it names no country. Names that merely contain one
 * ("Muslim Brotherhood", "Catholic Church", "Islamic Jihad") are left alone.
 */
import { isNameLike, type Analysis } from '../analysis';
import { capitalsOf, type Capitals } from '../capitals';
import { proposal, proposalList, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { buildIntTable, intTableGet } from '../hashTable';
import { hashLower, TokenKind } from '../tokenize';

/** Singular adherent and community words, general English (plurals add "s"). */
const GROUP_WORDS: ReadonlySet<string> = new Set([
  // religions and their branches
  'muslim', 'jew', 'jewish', 'christian', 'catholic', 'protestant', 'hindu', 'sikh', 'buddhist', 'shia', 'shiite',
  'sunni', 'sufi', 'alawite', 'druze', 'yazidi', 'evangelical', 'mormon', 'baptist', 'methodist', 'lutheran',
  'anglican', 'salafi', 'salafist',
  // political and militant currents
  'islamist', 'jihadist', 'zionist', 'nazi', 'communist', 'marxist', 'maoist', 'fascist', 'neocon',
  // ethnic communities that are no nationality of a state
  'kurd', 'kurdish', 'arab', 'pashtun', 'baloch', 'tamil', 'uighur', 'uyghur', 'rohingya', 'hutu', 'tutsi',
  'latino', 'hispanic',
]);

/**
 * Lower-case hashes of the group words and their plurals: a token is tested by its hash
 * (no string per token), and its text compared only on a hit.
 */
const GROUP_HASHES = buildIntTable(new Map([...GROUP_WORDS].flatMap((w) => [[hashLower(w), 1], [hashLower(w + 's'), 1]] as [number, number][])));

/** Token i is a group word, singular or plural. */
function isGroupWord(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if (intTableGet(GROUP_HASHES, t.lower[i]) === 0) return false;
  const w = t.text.slice(t.start[i], t.end[i]).toLowerCase();
  return GROUP_WORDS.has(w) || (w.length > 3 && w.endsWith('s') && GROUP_WORDS.has(w.slice(0, -1)));
}

/** A weak proposal made only of community words and nationalities, retyped as miscellaneous (else itself). */
export function retypeGroup(a: Analysis, p: Proposal): Proposal {
  if (p.source !== 'tagger' && p.source !== 'consistency' && p.source !== 'gazetteer') return p;
  if (p.type === 'misc' && p.subtype === undefined) return p;
  const t = a.tokens;
  let group = false;
  for (let i = p.first; i <= p.last; i++) {
    if (t.kind[i] !== TokenKind.Word) return p;
    if (isGroupWord(a, i)) group = true;
    else if (!(a.gaz[i] & Gaz.Demonym)) return p;
  }
  // (Made anew: `reshaped` would keep a nationality subtype.)
  return group ? proposal(p.first, p.last, 'misc', p.confidence, p.source, p.canonical, undefined, p.phraseFirst) : p;
}

/**
 * Misc proposals (gazetteer strength: anything else wins) for capitalised community
 * words nothing else may claim ("Sunni militants", "Muslims gathered"), appended to `out` (a new list unless given).
 */
export function groupNames(a: Analysis, caps: Capitals = capitalsOf(a.tokens), out: Proposal[] = proposalList()): Proposal[] {
  const t = a.tokens;
  // Only name-like words qualify: the capitals list holds them all, in order.
  for (let k = 0; k < caps.count; k++) {
    const i = caps.at[k];
    if (t.kind[i] !== TokenKind.Word || !isNameLike(t, i) || !isGroupWord(a, i)) continue;
    out.push(proposal(i, i, 'misc', 0.6, 'gazetteer'));
  }
  return out;
}
