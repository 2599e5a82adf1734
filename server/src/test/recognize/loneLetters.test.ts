import assert from 'node:assert/strict';
import { analyze } from '../../core/recognize/analysis';
import { proposal } from '../../core/recognize/candidates';
import { defaultGazetteer } from '../../core/recognize/gazetteer';
import { isLoneLetter } from '../../core/recognize/rules/loneLetters';
import { defaultTaggerModel } from '../../core/recognize/tagger/defaultModel';
import { createRecognizer } from '../../core/recognize/recognizer';

const gazetteer = defaultGazetteer();
const model = defaultTaggerModel().value;
const recognizer = createRecognizer();
const mentions = (text: string): string[] => recognizer.recognize(text).entities.map((m) => `${m.type}:${m.text}`);

describe('recognize/rules/loneLetters', () => {
  it('drops a single letter standing alone ("Z happens after X", "E-commerce", the big "G")', () => {
    assert.deepEqual(mentions('Post hoc ergo propter hoc (Z happens after X, therefore Z is caused by X).'), []);
    assert.deepEqual(mentions('We provide good quality portals, E-commerce solutions, and hosting.'), []);
    assert.deepEqual(mentions('Me and the big "G" went out.'), []);
  });

  it('keeps initials inside a name, longer names and what an analyst or a rule proposed', () => {
    const text = 'G. Pajith met X and UN officials';
    const a = analyze(text, gazetteer, model);
    // tokens: G . Pajith met X and UN officials
    assert.equal(isLoneLetter(a, proposal(0, 2, 'person', 0.8, 'tagger')), false);
    assert.equal(isLoneLetter(a, proposal(4, 4, 'organization', 0.8, 'tagger')), true);
    assert.equal(isLoneLetter(a, proposal(4, 4, 'organization', 1, 'analyst')), false);
    assert.equal(isLoneLetter(a, proposal(6, 6, 'organization', 0.8, 'tagger')), false);
    assert.ok(mentions('G. Pajith said so.').includes('person:G. Pajith'));
    // After "on" or "via" a letter is a platform.
    const b = analyze('the ministry said on X that', gazetteer, model);
    assert.equal(isLoneLetter(b, proposal(4, 4, 'organization', 0.8, 'tagger')), false);
  });
});
