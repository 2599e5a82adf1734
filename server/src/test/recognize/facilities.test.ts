import assert from 'node:assert/strict';
import { analyze } from '../../core/recognize/analysis';
import { proposal, proposalList } from '../../core/recognize/candidates';
import { defaultGazetteer } from '../../core/recognize/gazetteer';
import { retypeFacilities } from '../../core/recognize/rules/facilities';
import { defaultTaggerModel } from '../../core/recognize/tagger/defaultModel';
import { createRecognizer } from '../../core/recognize/recognizer';

const gazetteer = defaultGazetteer();
const model = defaultTaggerModel().value;
const recognizer = createRecognizer();
const mentions = (text: string): string[] => recognizer.recognize(text).entities.map((m) => `${m.type}:${m.text}`);

describe('recognize/rules/facilities', () => {
  it('reads a named airport as a place', () => {
    const found = mentions('The flight landed at Kansai International Airport on Monday.');
    assert.ok(found.includes('location:Kansai International Airport'), found.join(', '));
  });

  it('retypes organisation and misc facilities, not persons nor one-word heads', () => {
    const text = 'Wembley Stadium and Geun-hye Park and the National Gallery and Station';
    const a = analyze(text, gazetteer, model);
    // tokens: Wembley Stadium and Geun - hye Park and the National Gallery and Station
    const ps = proposalList();
    ps.push(proposal(0, 1, 'organization', 0.8, 'tagger'), proposal(3, 6, 'person', 0.8, 'tagger'),
      proposal(9, 10, 'misc', 0.8, 'tagger'), proposal(12, 12, 'organization', 0.8, 'tagger'));
    assert.deepEqual(retypeFacilities(a, ps).map((p) => p.type), ['location', 'person', 'location', 'organization']);
  });
});
