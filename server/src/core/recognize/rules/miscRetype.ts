/**
 * The tagger learned its miscellaneous class from Wikipedia, where "Boeing"
 * or "Airbus" often name aircraft. In news a bare brand or company name is the
 * company acting ("Boeing challenged the award"), so a tagger `misc` span that
 * is neither a nationality (gazetteer demonym, or an -an/-ese/-ish/-ic word),
 * nor an event or law (head word), nor a product (a model number follows, see
 * products.ts) is taken as an organisation.
 */
import type { Analysis } from '../analysis';
import { proposalList, reshaped, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { TokenKind } from '../tokenize';
import { notABrand } from './brandEvidence';

const NATIONALITY_ENDING = /(?:an|ans|ese|ish|ic|ics|i|is|ch|sh)$/;

/** Retypes brand-like tagger misc spans as organisations. */
export function retypeBrandMisc(a: Analysis, proposals: readonly Proposal[]): Proposal[] {
  const out = proposalList();
  for (const p of proposals) out.push(retypeBrand(a, p));
  return out;
}

/** One proposal, retyped when it is a brand-like one-word tagger misc. */
export function retypeBrand(a: Analysis, p: Proposal): Proposal {
  const t = a.tokens;
  // One word only: longer misc names are mostly titles of works, events or laws.
  if (p.source !== 'tagger' || p.type !== 'misc' || p.subtype || p.first !== p.last) return p;
  let brand = true;
  for (let i = p.first; i <= p.last; i++) {
    const g = a.gaz[i] | a.phraseB[i] | a.phraseI[i];
    if (g & (Gaz.Demonym | Gaz.MiscSuffix | Gaz.Month | Gaz.Weekday)) { brand = false; break; }
    if (t.kind[i] === TokenKind.Number) { brand = false; break; }
  }
  const lastWord = t.text.slice(t.start[p.last], t.end[p.last]);
  if (NATIONALITY_ENDING.test(lastWord)) brand = false;
  // After "the", or an ordinary English word: a product, a work or a heading word (brandEvidence.ts).
  if (brand && notABrand(a, p.first)) brand = false;
  return brand ? reshaped(p, p.first, p.last, 'organization', p.confidence * 0.8) : p;
}
