import assert from 'node:assert/strict';
import { airlineNames } from '../../core/recognize/rules/airlines';
import { analysisOf, mentions } from './ruleTestKit';

const airlines = (text: string): string[] => {
  const a = analysisOf(text);
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
