/**
 * Head words end names: a run of capitalised words ending in "Ministry",
 * "Committee", "Party", "Army", "Inc." is an organisation ("Awami National
 * Party", "Foreign Ministry", "Ministry of Foreign Affairs"); one ending in
 * "Province", "Valley", "Sea" is a place. A lower-case place word after a
 * name ("Balochistan province") types the name as a place.
 */
import { isJoiningHyphen, isNameLike, isPunct, type Analysis } from '../analysis';
import { proposal, proposalList, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { hashLower, TokenFlag } from '../tokenize';
import { isLowerWord, LowerWords } from '../tokenWords';

/** Connectors allowed inside an organisation or place name. */
const INNER = new LowerWords(['of', 'for', 'de', 'al', 'el', 'ul', 'e', 'i', '&', 'on', 'du', 'la', 'des', 'del']);
const OF = hashLower('of');
const FOR = hashLower('for');
const AND = hashLower('and');
const AMPERSAND = hashLower('&');
const BANK = hashLower('bank');

function lowerWord(a: Analysis, i: number): string {
  return a.tokens.text.slice(a.tokens.start[i], a.tokens.end[i]).toLowerCase();
}

/** Is token i a word that starts a sentence only because it is capitalised ("The", "However")? */
function capitalisedCommon(a: Analysis, i: number): boolean {
  return (a.tokens.flags[i] & (TokenFlag.SentStart | TokenFlag.LineStart)) !== 0 && (a.gaz[i] & Gaz.Common) !== 0;
}

/** Organisation and place proposals from head words, appended to `out` (a new list unless given). */
export function suffixNames(a: Analysis, out: Proposal[] = proposalList()): Proposal[] {
  const t = a.tokens;
  const gaz = a.gaz; // (in a local: the scan reads it at every token)
  for (let i = 0; i < t.count; i++) {
    const g = gaz[i];
    if (!(g & (Gaz.OrgSuffix | Gaz.LocSuffix | Gaz.MiscSuffix))) continue;
    const type = g & Gaz.OrgSuffix ? 'organization' : g & Gaz.LocSuffix ? 'location' : 'misc';
    if (!isNameLike(t, i)) {
      // Lower-case place word after a name: "Balochistan province", "Khyber district".
      if (type === 'location' && i > 0 && isNameLike(t, i - 1) && !(a.tokens.flags[i - 1] & TokenFlag.SentStart && a.gaz[i - 1] & Gaz.Common)) {
        let f = i - 1;
        while (f > 0 && (isNameLike(t, f - 1) || isJoiningHyphen(t, f - 1)) && !capitalisedCommon(a, f - 1)) f--;
        if (!capitalisedCommon(a, f)) out.push(proposal(f, i - 1, type, 0.7, 'gazetteer'));
      }
      continue;
    }
    if (capitalisedCommon(a, i) && !(i + 1 < t.count && isLowerWord(t, i + 1, 'of', OF))) continue;
    // Extend left over capitalised words, hyphens and inner connectors.
    let first = i;
    let j = i - 1;
    while (j >= 0) {
      if (isNameLike(t, j)) {
        if (capitalisedCommon(a, j) && !(a.gaz[j] & (Gaz.Title | Gaz.OrgSuffix))) break;
        first = j; j--; continue;
      }
      if ((isJoiningHyphen(t, j) || INNER.has(t, j)) && j > 0 && isNameLike(t, j - 1)) { j--; continue; }
      break;
    }
    // Extend right over "of Foreign Affairs", "for Conflict Studies".
    let last = i;
    let k = i + 1;
    while (k + 1 < t.count && (isLowerWord(t, k, 'of', OF) || isLowerWord(t, k, 'for', FOR)) && isNameLike(t, k + 1) && !(a.gaz[k + 1] & (Gaz.Month | Gaz.Weekday))) {
      k++;
      while (k < t.count && (isNameLike(t, k) || ((isJoiningHyphen(t, k) || isLowerWord(t, k, 'and', AND) || isLowerWord(t, k, '&', AMPERSAND)) && k + 1 < t.count && isNameLike(t, k + 1)))) { last = k; k++; }
    }
    // Possessive or plain punctuation after the head is fine; a lone capitalised head at a sentence start is not a name.
    if (first === last && (t.flags[i] & TokenFlag.SentStart)) continue;
    // A lone event word ("the Show", "Act") is too vague to be a name.
    if (first === last && type === 'misc') continue;
    if (first === last && isPunct(t, i + 1, '.') && !(g & Gaz.OrgSuffix)) continue;
    // "Jim Press", "Maria Church": a given name and a head word is a person's name.
    if (last === first + 1 && last === i && (a.gaz[first] & Gaz.First) && !(a.gaz[first] & Gaz.Common)) continue;
    // "West Bank", "Left Bank": "bank" is also land, and the tagger firmly read the very same words as a place.
    if (type === 'organization' && last === i && isLowerWord(t, i, 'bank', BANK) && taggedPlace(a, first, last)) { i = last; continue; }
    // "West Bank", "Left Bank": the land by a river, which the head word names as surely as "Valley".
    if (type === 'organization' && last === i && isLowerWord(t, i, 'bank', BANK) && isSideOfRiver(a, first, last)) {
      out.push(proposal(first, last, 'location', 0.85, 'suffix'));
      i = last;
      continue;
    }
    out.push(proposal(first, last, type, first === last ? 0.6 : 0.85, 'suffix', undefined, type === 'misc' ? 'event' : undefined));
    i = last;
  }
  return out;
}

/** Words that name the side of a river or sea: "West Bank", "South Bank", "Left Bank" are land. */
const SIDES = new Set(['west', 'east', 'north', 'south', 'left', 'right']);

/** Whether first..last is a side word and "Bank" (a bank is "the Bank of the West", not "West Bank"). */
function isSideOfRiver(a: Analysis, first: number, last: number): boolean {
  return last === first + 1 && SIDES.has(lowerWord(a, first));
}

/** Tagger labels B-LOC and I-LOC (see `LABELS`). */
const B_LOC = 5;
const I_LOC = 6;
/** Margin (perceptron units) above which the tagger's reading counts as firm. */
const FIRM_MARGIN = 15;

/** Whether the tagger labelled exactly tokens first..last as one place, firmly. */
function taggedPlace(a: Analysis, first: number, last: number): boolean {
  const { labels, margin } = a.tags;
  if (labels[first] !== B_LOC || (last + 1 < a.tokens.count && labels[last + 1] === I_LOC)) return false;
  for (let i = first; i <= last; i++) {
    if ((i > first && labels[i] !== I_LOC) || margin[i] < FIRM_MARGIN) return false;
  }
  return true;
}
