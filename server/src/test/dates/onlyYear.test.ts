import * as assert from 'node:assert/strict';
import { alternativeAt, dateGrammar, onlyYearAt, yearAlternative } from '../../core/recognize/dates/grammar';

/**
 * The scanner runs the year alternative without the probe where `onlyYearAt`
 * says nothing else can match: checked against the probe on years followed by
 * every character a date could go on with.
 */
describe('dates: years read without the probe', () => {
  const digit = dateGrammar('digit');
  const year = yearAlternative(digit);

  it('gives what the probe gives wherever it says only the year can match', () => {
    const nexts = ['', ' ', '  ', '\t', '\u00a0', ',', ';', ')', '.', '. ', '-', '–', '—', '/', ':', "'", '’', 's', 'x', '%', '$'];
    const words = ['', '-', '–', '—', 'to', 'to 2011', 'through 2012', 'thru', 'until 2013', 'till 2014', 'and 2015', '2016', '11', '-11', '/11/03', '.11.03', '-01-19', 'January', 'the', 'a', 'was', 'u', 'T', 'Q1', 'BC', 'AD', 'million', 'years ago'];
    const befores = ['', 'in ', 'mid-', '$', '#', 'from ', 'between ', ' ', '(', 'A'];
    let fast = 0;
    for (const y of ['1999', '2011', '2024', '1066', '2099']) {
      for (const b of befores) {
        for (const n of nexts) {
          for (const w of words) {
            const text = `${b}${y}${n}${w} more`;
            const at = b.length;
            if (!onlyYearAt(text, at)) continue;
            fast++;
            const probed = alternativeAt(digit, text, at);
            assert.ok(probed === undefined || probed === year, JSON.stringify(text));
            year.regex.lastIndex = at;
            assert.equal(year.regex.test(text), probed !== undefined, JSON.stringify(text));
          }
        }
      }
    }
    assert.ok(fast > 1000, `${fast}`);
  });
});
