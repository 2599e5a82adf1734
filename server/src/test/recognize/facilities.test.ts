import assert from 'node:assert/strict';
import { proposal, proposalList } from '../../core/recognize/candidates';
import { retypeFacility } from '../../core/recognize/rules/facilities';
import { analysisOf, mentions } from './ruleTestKit';


describe('recognize/rules/facilities', () => {
  it('reads a named airport as a place', () => {
    const found = mentions('The flight landed at Kansai International Airport on Monday.');
    assert.ok(found.includes('location:Kansai International Airport'), found.join(', '));
  });

  it('retypes organisation and misc facilities, not persons nor one-word heads', () => {
    const text = 'Wembley Stadium and Geun-hye Park and the National Gallery and Station';
    const a = analysisOf(text);
    // tokens: Wembley Stadium and Geun - hye Park and the National Gallery and Station
    const ps = proposalList();
    ps.push(proposal(0, 1, 'organization', 0.8, 'tagger'), proposal(3, 6, 'person', 0.8, 'tagger'),
      proposal(9, 10, 'misc', 0.8, 'tagger'), proposal(12, 12, 'organization', 0.8, 'tagger'));
    assert.deepEqual(ps.map((p) => retypeFacility(a, p).type), ['location', 'person', 'location', 'organization']);
  });
});
