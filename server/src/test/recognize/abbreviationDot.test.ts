import assert from 'node:assert/strict';
import { mentions } from './ruleTestKit';


describe('recognize: the full stop of a closing abbreviation', () => {
  it('belongs to the name before a capitalised word and at a sentence end', () => {
    const found = mentions('Apple Inc. CEO Steve Jobs spoke. The deal was signed by Chrysler LLC.');
    assert.ok(found.includes('organization:Apple Inc.'), found.join(', '));
    assert.ok(found.includes('organization:Chrysler LLC.'), found.join(', '));
  });

  it('belongs to the name when the sentence goes on', () => {
    assert.ok(mentions('Apple Inc. said on Monday that sales rose.').includes('organization:Apple Inc.'));
  });
});
