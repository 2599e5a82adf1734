import assert from 'node:assert/strict';
import { proposal, proposalList } from '../../core/recognize/candidates';
import { extendLegalForm } from '../../core/recognize/rules/legalForms';
import { analysisOf, mentions } from './ruleTestKit';


describe('recognize/rules/legalForms', () => {
  it('closes company names with their legal form', () => {
    const found = mentions('Deutsche Bank AG and Fiat Group SpA signed the deal.');
    assert.deepEqual(found, ['organization:Deutsche Bank AG', 'organization:Fiat Group SpA']);
  });

  it('extends organisations only, and only over the exact form', () => {
    const text = 'Acme Group SA and John Smith SA and Acme Group Sa';
    const a = analysisOf(text);
    // tokens: Acme Group SA and John Smith SA and Acme Group Sa
    const ps = proposalList();
    ps.push(proposal(0, 1, 'organization', 0.8, 'suffix'), proposal(4, 5, 'person', 0.8, 'tagger'), proposal(8, 9, 'organization', 0.8, 'suffix'));
    assert.deepEqual(ps.map((q) => extendLegalForm(a, q)).map((p) => `${p.first}-${p.last}`), ['0-2', '4-5', '8-9']);
  });
});
