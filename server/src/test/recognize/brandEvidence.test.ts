import assert from 'node:assert/strict';
import { analyze } from '../../core/recognize/analysis';
import { proposal, proposalList } from '../../core/recognize/candidates';
import { defaultGazetteer } from '../../core/recognize/gazetteer';
import { notABrand } from '../../core/recognize/rules/brandEvidence';
import { retypeBrandMisc } from '../../core/recognize/rules/miscRetype';
import { defaultTaggerModel } from '../../core/recognize/tagger/defaultModel';

const gazetteer = defaultGazetteer();
const model = defaultTaggerModel().value;

describe('recognize/rules/brandEvidence', () => {
  it('tells things after "the" and ordinary words (Sky) from bare brand names', () => {
    const text = 'Airbus replaced the PowerBook with Sky and Lufthansa';
    const a = analyze(text, gazetteer, model);
    // tokens: Airbus replaced the PowerBook with Sky and Lufthansa
    assert.deepEqual([0, 3, 5, 7].map((i) => notABrand(a, i)), [false, true, true, false]);
  });

  it('keeps such one-word tagger misc as misc; a bare brand still becomes the company', () => {
    const text = 'Airbus replaced the PowerBook with Sky and Lufthansa';
    const a = analyze(text, gazetteer, model);
    const ps = proposalList();
    for (const i of [0, 3, 5, 7]) ps.push(proposal(i, i, 'misc', 0.8, 'tagger'));
    assert.deepEqual(retypeBrandMisc(a, ps).map((p) => p.type), ['organization', 'misc', 'misc', 'organization']);
  });
});
