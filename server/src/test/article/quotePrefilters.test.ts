import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AFTER_ACCORDING, ANY_VERB, mayOpenWithAccording, sentenceStart, sentenceStartIn, startsSentenceAt } from '../../core/article/quotes';

describe('article: quote attribution prefilters', () => {
  // attribution() tries `…," according to X` only where the words after the quote's leading
  // spaces and commas may open with "according": the test must never skip a match.
  it('skips the "according to" pattern only where it cannot match', () => {
    const pieces = [' ', ',', '\t', '\n', '\u00a0', '\u2009', '\u3000', 'according', 'According', 'accordingly', 'to', ' to ', 'the',
      'ministry', 'said', 'a', 'x', '.', '“', 'Reuters', ' '];
    const after = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(fc.property(after, (s) => {
      let lead = 0;
      while (lead < s.length && (s.charCodeAt(lead) === 0x20 || s.charCodeAt(lead) === 0x2c)) lead++;
      if (AFTER_ACCORDING.test(s)) assert.ok(mayOpenWithAccording(s.charCodeAt(lead)), JSON.stringify(s));
    }), { numRuns: 30000, seed: 7 });
    assert.ok(AFTER_ACCORDING.test(' according to the ministry'));
    assert.ok(AFTER_ACCORDING.test(',\u00a0according to the ministry'));
  });

  // attribution() asks whether a speech verb stands before the first comma after the quote by
  // where the first verb of the whole rest starts, not by a test on the text cut at the comma.
  it('finds a verb before the first comma where the first verb starts before it', () => {
    const pieces = [' ', ',', ', ', 'said', 'says', 'unsaid', 'saidx', 'Said', 'told', 'the', 'minister', 'x', '.', '’', '-', '_', '1'];
    const after = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((p) => p.join(''));
    fc.assert(fc.property(after, (s) => {
      const comma = s.indexOf(',');
      if (comma < 0) return;
      const verb = ANY_VERB.exec(s);
      assert.equal(verb !== null && verb.index < comma, ANY_VERB.test(s.slice(0, comma)), JSON.stringify(s));
    }), { numRuns: 30000, seed: 7 });
  });

  // findQuotes asks whether a bare quote opens its sentence by the first step of sentenceStart's scan alone.
  it('says a sentence starts at an offset exactly when sentenceStart finds it there', () => {
    const pieces = [' ', '  ', '\t', '\u00a0', '\u2009', '.', '!', '?', ',', '”', '"', '’', ')', '“', 'He', 'said', 'the', 'É', 'é', 'x', 'A', '\u212a', 'ß'];
    const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 14 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (s) => {
      for (let at = 1; at < s.length; at++) assert.equal(startsSentenceAt(s, at), sentenceStart(s, at) === at, `${JSON.stringify(s)} at ${at}`);
    }), { numRuns: 20000, seed: 7 });
    const long = `${'word '.repeat(70)}It ends. “Then this,” he said`;
    for (let at = 1; at < long.length; at++) assert.equal(startsSentenceAt(long, at), sentenceStart(long, at) === at, `at ${at}`);
  });

  // attribution reads a part's sentence start in the file text, around the part.
  it('finds the sentence start in the file text as in the part cut from it', () => {
    const pieces = [' ', '\t', '\u00a0', '.', '!', '?', '”', '"', '’', ')', '“', 'He', 'said', 'é', 'É', 'x'];
    const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 16 }).map((p) => p.join(''));
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const from = a % t.length;
      const to = from + 1 + (b % (t.length - from));
      const part = t.slice(from, to);
      for (let at = 0; at < part.length; at++) assert.equal(sentenceStartIn(t, from, to, from + at), sentenceStart(part, at) + from, `${JSON.stringify(t)} ${from}..${to} at ${at}`);
    }), { numRuns: 20000, seed: 7 });
  });
});
