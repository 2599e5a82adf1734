import assert from 'node:assert/strict';
import { proposal } from '../../core/recognize/candidates';
import { isLoneLetter } from '../../core/recognize/rules/loneLetters';
import { analysisOf, mentions } from './ruleTestKit';


describe('recognize/rules/loneLetters', () => {
  it('drops a single letter standing alone ("Z happens after X", "E-commerce", the big "G")', () => {
    assert.deepEqual(mentions('Post hoc ergo propter hoc (Z happens after X, therefore Z is caused by X).'), []);
    assert.deepEqual(mentions('We provide good quality portals, E-commerce solutions, and hosting.'), []);
    assert.deepEqual(mentions('Me and the big "G" went out.'), []);
  });

  it('keeps initials inside a name, longer names and what an analyst or a rule proposed', () => {
    const text = 'G. Pajith met X and UN officials';
    const a = analysisOf(text);
    // tokens: G . Pajith met X and UN officials
    assert.equal(isLoneLetter(a, proposal(0, 2, 'person', 0.8, 'tagger')), false);
    assert.equal(isLoneLetter(a, proposal(4, 4, 'organization', 0.8, 'tagger')), true);
    assert.equal(isLoneLetter(a, proposal(4, 4, 'organization', 1, 'analyst')), false);
    assert.equal(isLoneLetter(a, proposal(6, 6, 'organization', 0.8, 'tagger')), false);
    assert.ok(mentions('G. Pajith said so.').includes('person:G. Pajith'));
    // After "on" or "via" a letter is a platform.
    const b = analysisOf('the ministry said on X that');
    assert.equal(isLoneLetter(b, proposal(4, 4, 'organization', 0.8, 'tagger')), false);
  });
});
