/**
 * Company legal forms close company names: "Deutsche Bank AG", "Fiat Group
 * SpA", "Royal Philips NV". The head-word rule stops at "Bank" or "Group", and
 * the tagger does not know the mixed-case forms, so an organisation proposal
 * directly followed by a legal form is extended over it. The forms are
 * matched with their exact capitalisation: "SA" after a company is a legal
 * form, but "sa" or "Sa" is not.
 */
import type { Analysis } from '../analysis';
import { reshaped, type Proposal } from '../candidates';
import { ExactWords } from '../tokenWords';

/** Legal forms of companies across Europe and Asia (English ones, "Inc", "Ltd", are organisation head words already). */
const LEGAL_FORMS = new ExactWords([
  'AG', 'SpA', 'GmbH', 'NV', 'BV', 'SA', 'SE', 'SAS', 'SARL', 'Srl', 'AB', 'ASA', 'Oyj', 'KK', 'Pte', 'Bhd', 'Tbk', 'Ltda', 'PJSC', 'OAO', 'PAO',
]);

/** Token i is a legal form glued to nothing but the name before it. */
function isLegalForm(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if (i >= t.count || t.end[i] - t.start[i] > 4 || t.start[i] === t.end[i - 1]) return false;
  return LEGAL_FORMS.has(t, i);
}

/** An organisation proposal, extended over the legal form that follows it (else itself). */
export function extendLegalForm(a: Analysis, p: Proposal): Proposal {
  if (p.type !== 'organization' || p.source === 'analyst' || p.source === 'knowledge' || !isLegalForm(a, p.last + 1)) return p;
  return reshaped(p, p.first, p.last + 1, p.type, p.confidence);
}
