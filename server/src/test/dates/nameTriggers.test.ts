import * as assert from 'node:assert/strict';
import { alternativeAt, dateGrammar, dateTriggers, triggerOpens } from '../../core/recognize/dates/grammar';
import { wordStartsBefore } from '../../core/recognize/dates/leadWords';
import { recognizeDates } from '../../core/recognize/dates/recognizeDates';

const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The trigger regex as it was, each name on its own: "Mark" and "Money" were triggers. */
function everyNameTriggers(): RegExp {
  const source = dateTriggers().source.replace(/Jan\(\?:uary.*?Sun\(\?:day\|\(\?!\[a-z\]\)\)/, NAMES.join('|'));
  assert.notEqual(source, dateTriggers().source);
  return new RegExp(source, 'g');
}

/**
 * The trigger regex leaves out a month or weekday abbreviation that begins
 * another word ("Mark", "Money"): sound only because no grammar attempt for
 * such a trigger can succeed. Checked on every trigger the regex leaves out,
 * in texts that put each name and a tail after the lead words and before the
 * words an alternative could go on with.
 */
describe('dates: names that begin other words are no triggers', () => {
  const grammars = { digit: dateGrammar('digit'), word: dateGrammar('word'), quote: dateGrammar('quote') };
  const tails = ['', 'k', 'ket', 'ia', 'ey', 'ni', 'or', 'ual', 'uar', 'e', 'y', 'il', 'ust', 'tember', 'ch', 'chto', 'to', 'until', 'thru', 'day', 'sday', 'rsday', 'urday', 'r', 's', 't', 'ober', 'ember', 'ary', 'ruary'];
  const before = ['', 'in ', 'the ', 'early ', 'mid-', 'last ', 'from ', 'between 3 and ', 'Friday, ', 'the end of ', 'three ', 'on the 3rd of ', "'"];
  const after = ['', ' 3', ' 3rd', ' 3-5', ' 2024', ', 2024', ' to April', ' April', ' and June 2019', ' last year', " '73", '. 3', ' of 2020', ' night', '-April'];

  it('finds no match for any attempt at a trigger left out', () => {
    const before_ = everyNameTriggers();
    const now = dateTriggers();
    const starts = new Int32Array(8);
    let left = 0;
    for (const name of NAMES) {
      for (const tail of tails) {
        for (const b of before) {
          for (const a of after) {
            for (const text of [`He said ${b}${name}${tail}${a} it was.`, `${b}${name}${tail}${a}`]) {
              const kept = new Set<number>();
              now.lastIndex = 0;
              for (let t = now.exec(text); t !== null; t = now.exec(text)) kept.add(t.index);
              before_.lastIndex = 0;
              for (let t = before_.exec(text); t !== null; t = before_.exec(text)) {
                if (kept.has(t.index)) continue;
                left++;
                const n = wordStartsBefore(text, t.index, 0, triggerOpens(text, t.index), starts);
                for (let s = 0; s < n; s++) {
                  const at = starts[s] ?? 0;
                  const c = text.charCodeAt(at);
                  const grammar = c >= 48 && c <= 57 ? grammars.digit : c === 39 ? grammars.quote : grammars.word;
                  assert.equal(alternativeAt(grammar, text, at), undefined, `${JSON.stringify(text)} at ${at}`);
                }
              }
            }
          }
        }
      }
    }
    assert.ok(left > 1000, `${left}`);
  });

  it('still reads a full month name that runs into the range word', () => {
    assert.deepEqual(recognizeDates('from Marchto April 2024', '2024-05-01').map((d) => d.value), ['2024-03', '2024-04']);
    assert.deepEqual(recognizeDates('from Mayto June 2024', '2024-07-01').map((d) => d.value), ['2024-05', '2024-06']);
    assert.deepEqual(recognizeDates('Mark said on Monday', '2024-05-01').map((d) => d.text), ['Monday']);
  });
});
