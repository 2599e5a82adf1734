/**
 * Product names are not the company: "Airbus A380", "Boeing 787", "Rolls-Royce
 * Trent 900". A name directly followed by a model number becomes one
 * miscellaneous mention covering the model, and a currency prefix ("US$ 40")
 * names no place.
 */
import { isPunct, type Analysis } from '../analysis';
import { proposalList, reshaped, type Proposal } from '../candidates';
import { TokenFlag, TokenKind } from '../tokenize';

/** A model designation: a number or a word with digits ("787", "A380", "737-800"). */
function isModelToken(a: Analysis, i: number): boolean {
  const t = a.tokens;
  return i < t.count && (t.kind[i] === TokenKind.Number || (t.kind[i] === TokenKind.Word && (t.flags[i] & TokenFlag.HasDigit) !== 0));
}

/** Rewrites weak proposals that are products or currency prefixes; drops the latter. */
export function applyProductRules(a: Analysis, proposals: readonly Proposal[]): Proposal[] {
  const out = proposalList();
  for (const p of proposals) {
    const q = productRule(a, p);
    if (q !== undefined) out.push(q);
  }
  return out;
}

/** `applyProductRules` for one proposal: the proposal, its product reading, or undefined for a currency prefix. */
export function productRule(a: Analysis, p: Proposal): Proposal | undefined {
  const t = a.tokens;
  const weak = p.source === 'tagger' || p.source === 'gazetteer' || p.source === 'consistency';
  if (!weak) return p;
  // "US$ 40": the name is glued to a currency sign.
  const next = p.last + 1;
  if (next < t.count && t.start[next] === t.end[p.last] && isPunct(a.tokens, next, '$')) return undefined;
  // Year-like numbers after a name are dates or counts, not models ("Airbus 2009" is rare; "Ford 1999" is not a product).
  // A name that already ends in a model designation ("Airbus A380" joined from two tagged parts).
  if (p.last > p.first && p.type !== 'misc' && isModelToken(a, p.last) && !isYear(a, p.last) && !(t.flags[p.first] & TokenFlag.HasDigit)) {
    return reshaped(p, p.first, p.last, 'misc', Math.min(p.confidence, 0.7), 'product');
  }
  if (isModelToken(a, next) && t.start[next] - t.end[p.last] <= 1 && !isYear(a, next)) {
    let last = next;
    while (last + 2 < t.count && isPunct(t, last + 1, '-') && t.start[last + 1] === t.end[last] && isModelToken(a, last + 2)) last += 2;
    return reshaped(p, p.first, last, 'misc', Math.min(p.confidence, 0.7), 'product');
  }
  return p;
}

function isYear(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if (t.kind[i] !== TokenKind.Number || t.end[i] - t.start[i] !== 4) return false;
  const y = +t.text.slice(t.start[i], t.end[i]);
  return y >= 1800 && y <= 2100;
}
