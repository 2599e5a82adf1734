import assert from 'node:assert/strict';
import { analyze } from '../../core/recognize/analysis';
import { defaultGazetteer } from '../../core/recognize/gazetteer';
import { airlineNames } from '../../core/recognize/rules/airlines';
import { defaultTaggerModel } from '../../core/recognize/tagger/defaultModel';
import { createRecognizer } from '../../core/recognize/recognizer';

const gazetteer = defaultGazetteer();
const model = defaultTaggerModel().value;
const recognizer = createRecognizer();
const mentions = (text: string): string[] => recognizer.recognize(text).entities.map((m) => `${m.type}:${m.text}`);
const airlines = (text: string): string[] => {
  const a = analyze(text, gazetteer, model);
  return airlineNames(a).map((p) => `${p.type}:${text.slice(a.tokens.start[p.first], a.tokens.end[p.last])}`);
};

describe('recognize/rules/airlines', () => {
  it('reads "Air" before a place as an airline, over the whole place name', () => {
    assert.deepEqual(airlines('Jets went to Air China and Air New Zealand.'), ['organization:Air China', 'organization:Air New Zealand']);
    assert.ok(mentions('Airbus delivered jets to six airlines - Air China, China Eastern Airlines and others.').includes('organization:Air China'));
  });

  it('needs a capitalised "Air" and a place right after it', () => {
    assert.deepEqual(airlines('the Air Force, the air over London, AIR CHINA and Air\nChina'), []);
  });
});
