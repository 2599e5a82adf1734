/**
 * When a one-word miscellaneous name from the tagger is no company. The brand
 * rule (miscRetype.ts) reads a bare brand as the company acting ("Airbus
 * unveiled"), but two kinds of one-word misc are something else:
 * - after "the", it is a thing or a work: "the Shuffle", "the PowerBook", "the
 *   Holocaust", "the Internet" (a company's bare name takes no article);
 * - an ordinary English word capitalised is a product, title or heading word
 *   ("the Pro", "Sky", "World", "Star") far more often than a company.
 */
import type { Analysis } from '../analysis';
import { Gaz } from '../gazetteer';

/** Token i, a one-word tagger misc, is no brand name standing for its company. */
export function notABrand(a: Analysis, i: number): boolean {
  if (a.gaz[i] & Gaz.Common) return true;
  const t = a.tokens;
  if (i === 0) return false;
  const s = t.start[i - 1];
  return t.end[i - 1] - s === 3 && t.text.slice(s, s + 3).toLowerCase() === 'the';
}
