import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenize } from '../../core/recognize/tokenize';
import { ExactWords, isLowerWord, LowerWords } from '../../core/recognize/tokenWords';
import { hashLower } from '../../core/recognize/tokenize';

// The word lists ask the token's hash before its text: they must answer exactly as a `Set` of the
// token's text (or its lower-cased text) would, whatever the case, script or punctuation.
describe('recognize/tokenWords', () => {
  const words = ['of', 'for', '&', 'de', 'bank', 'airport', 'spa', 'ag', 'e', 'i', 'k'];
  const exactWords = ['AG', 'SpA', 'de', 'al', 'St', '&', 'e'];
  const piece = fc.constantFrom('of', 'OF', 'Of', 'for', 'FoR', '&', 'de', 'De', 'DE', 'bank', 'BANK', 'Ban\u212a', 'ban\u212a', '\u212a', 'k', 'K',
    'airport', 'AIRPORT', 'SpA', 'SPA', 'spa', 'AG', 'ag', 'al', 'St', 'e', 'E', 'i', 'I', '\u0130', 'é', 'É', 'o’', "o'f", 'U.S.', '3,5', 'ſ', 'ß', 'x');
  const sep = fc.constantFrom(' ', '  ', '-', '. ', '\n', '');
  it('LowerWords, isLowerWord and ExactWords answer as a Set of the token texts', () => {
    const lower = new LowerWords(words);
    const lowerSet = new Set(words);
    const exact = new ExactWords(exactWords);
    const exactSet = new Set(exactWords);
    fc.assert(fc.property(fc.array(fc.tuple(piece, sep), { minLength: 1, maxLength: 8 }), (parts) => {
      const text = parts.map(([p, s]) => p + s).join('');
      const t = tokenize(text);
      for (let i = 0; i < t.count; i++) {
        const w = text.slice(t.start[i], t.end[i]);
        assert.equal(lower.has(t, i), lowerSet.has(w.toLowerCase()), w);
        assert.equal(exact.has(t, i), exactSet.has(w), w);
        for (const x of words) assert.equal(isLowerWord(t, i, x, hashLower(x)), w.toLowerCase() === x, `${w} ${x}`);
      }
    }), { numRuns: 2000 });
  });

  it('LowerWords takes only lower-case ASCII words', () => {
    assert.throws(() => new LowerWords(['Bank']));
    assert.throws(() => new LowerWords(['café']));
  });
});
