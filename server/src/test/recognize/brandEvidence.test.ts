import assert from 'node:assert/strict';
import { proposal, proposalList } from '../../core/recognize/candidates';
import { notABrand } from '../../core/recognize/rules/brandEvidence';
import { retypeBrandMisc } from '../../core/recognize/rules/miscRetype';
import { analysisOf } from './ruleTestKit';


describe('recognize/rules/brandEvidence', () => {
  it('tells things after "the" and ordinary words (Sky) from bare brand names', () => {
    const text = 'Airbus replaced the PowerBook with Sky and Lufthansa';
    const a = analysisOf(text);
    // tokens: Airbus replaced the PowerBook with Sky and Lufthansa
    assert.deepEqual([0, 3, 5, 7].map((i) => notABrand(a, i)), [false, true, true, false]);
  });

  it('keeps such one-word tagger misc as misc; a bare brand still becomes the company', () => {
    const text = 'Airbus replaced the PowerBook with Sky and Lufthansa';
    const a = analysisOf(text);
    const ps = proposalList();
    for (const i of [0, 3, 5, 7]) ps.push(proposal(i, i, 'misc', 0.8, 'tagger'));
    assert.deepEqual(retypeBrandMisc(a, ps).map((p) => p.type), ['organization', 'misc', 'misc', 'organization']);
  });
});
