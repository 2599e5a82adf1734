import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { sameText } from '../../core/article/contentLines';

/** The comparison as first written: both texts rewritten (blank runs, curly quotes, trim, lower case). */
function normal(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim().toLowerCase();
}

describe('article: sameText', () => {
  it('answers as comparing the rewritten texts, wherever its cheap rejections let it through', () => {
    const chars = fc.constantFrom('a', 'A', 'b', 'k', 'K', '\u212a', ' ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff',
      '‘', '’', "'", '“', '”', '"', 'é', 'É', 'Σ', 'ς', 'İ', 'i', '1', '.');
    const text = fc.array(chars, { maxLength: 8 }).map((a) => a.join(''));
    // Pairs that pass the cheap rejections (same first letter, lengths close) are the ones the rewrite decides.
    const pair = fc.tuple(fc.constantFrom('A', 'a', 'x'), text, text).map(([first, a, b]) => [first + a, first + b] as const);
    fc.assert(fc.property(pair, ([a, b]) => {
      const expected = a === b || (Math.abs(a.length - b.length) <= 4 && normal(a) === normal(b));
      // sameText's own prefilters only reject pairs the rewrite would also reject.
      assert.equal(sameText(a, b), expected, JSON.stringify([a, b]));
    }), { numRuns: 30000, seed: 5 });
  });
});
