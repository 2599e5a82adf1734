/**
 * A single letter standing alone names nothing a reader would look up: it is a
 * variable ("when Z happens after X"), the first part of a compound
 * ("E-commerce"), a nickname in quotes ("the big \"G\"") or, in text set in
 * capitals, the article "A". Initials that belong to a name are joined to it
 * before this test ("G. Pajith", "Jennifer M. Anderson"). After "on" or "via"
 * a letter that is no English word is a channel or platform ("the ministry
 * said on X") and stays.
 */
import type { Analysis } from '../analysis';
import type { Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { hashLower } from '../tokenize';

const ON = hashLower('on');
const VIA = hashLower('via');

/** Whether p is one token of one character from a statistical or fallback source, not a platform after "on"/"via". */
export function isLoneLetter(a: Analysis, p: Proposal): boolean {
  if (p.first !== p.last) return false;
  if (p.source !== 'tagger' && p.source !== 'gazetteer' && p.source !== 'consistency') return false;
  const t = a.tokens;
  if (t.end[p.first] - t.start[p.first] !== 1) return false;
  // (Not the words "a" and "I": "ON A" in text set in capitals.)
  const before = p.first > 0 ? t.lower[p.first - 1] : 0;
  return (before !== ON && before !== VIA) || (a.gaz[p.first] & Gaz.Common) !== 0;
}
