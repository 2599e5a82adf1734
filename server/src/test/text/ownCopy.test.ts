import * as assert from 'node:assert/strict';
import { ownCopy } from '../../core/text/ownCopy';

describe('ownCopy', () => {
  it('copies a slice of a longer text character for character, surrogate pairs included', () => {
    const article = `${'x'.repeat(1000)}Tehreek-e-Taliban Pakistan 😀 Ümlaut${'y'.repeat(1000)}`;
    const slice = article.slice(1000, article.length - 1000);
    assert.equal(ownCopy(slice), 'Tehreek-e-Taliban Pakistan 😀 Ümlaut');
    assert.equal(ownCopy('Kakar'), 'Kakar');
    assert.equal(ownCopy(''), '');
  });
});
