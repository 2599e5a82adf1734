import * as assert from 'node:assert/strict';
import { WordList } from '../../core/recognize/dates/wordList';

describe('dates: word lists read in the text', () => {
  const words = ['in', 'on', 'since', 'of', 'a', 'between', 'fall'];
  const capitals = ['On', 'In', 'May', 'Sept', 'A', 'Christmas'];
  const anyCase = new WordList(words, true);
  const exact = new WordList(capitals, false);
  const lower = new Set(words);
  const caps = new Set(capitals);

  it('finds a word as a lower-cased copy in a Set would (any case), or the copy itself (exact)', () => {
    const pieces = ['in', 'IN', 'In', 'iN', 'on', 'On', 'since', 'Since', 'SINCE', 'of', 'a', 'A', 'between', 'fall', 'Fall', 'May', 'may', 'Sept',
      'sept', 'Christmas', 'x', '1', "'", '’', '-', '_', '@', '[', 'İ', 'K', 'ı', 'ſ'];
    const texts: string[] = [];
    for (const a of pieces) for (const b of pieces) texts.push(a + b, a);
    for (const t of texts) {
      const padded = `  ${t}  `;
      assert.equal(anyCase.has(padded, 2, 2 + t.length), lower.has(t.toLowerCase()), t);
      assert.equal(exact.has(padded, 2, 2 + t.length), caps.has(t), t);
    }
  });

  it('takes only words of ASCII letters, in lower case when it ignores case', () => {
    assert.throws(() => new WordList(['o\'clock'], false));
    assert.throws(() => new WordList(['In'], true));
  });
});
