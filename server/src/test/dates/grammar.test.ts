import * as assert from 'node:assert/strict';
import { Captures } from '../../core/recognize/dates/captures';
import { dateGrammar, GROUP_NAMES } from '../../core/recognize/dates/grammar';

describe('dates: compiled grammar', () => {
  const parts = (['digit', 'word', 'quote'] as const).map((opening) => dateGrammar(opening));

  it('names each group once', () => {
    assert.equal(new Set(GROUP_NAMES).size, GROUP_NAMES.length);
  });

  it('maps every capture number of every part to a group', () => {
    for (const { regex, slots } of parts) {
      // A regex that matches the empty string has one entry per capture.
      const captures = (new RegExp(`${regex.source}|`).exec('') ?? []).length;
      assert.equal(slots.length, captures);
      assert.ok([...slots].slice(1).every((s) => s >= 0 && s < GROUP_NAMES.length));
    }
  });

  it('reads the captures of a match by group name, clearing the last match', () => {
    const captures = new Captures();
    const digit = parts[0];
    assert.ok(digit);
    digit.regex.lastIndex = 0;
    const iso = digit.regex.exec('2024-01-19');
    assert.ok(iso);
    let g = captures.fill(iso, digit.slots);
    assert.deepEqual([g.isoY, g.isoSep, g.isoM, g.isoD, g.slA], ['2024', '-', '01', '19', undefined]);
    digit.regex.lastIndex = 0;
    const dotted = digit.regex.exec('19.01.2024');
    assert.ok(dotted);
    g = captures.fill(dotted, digit.slots);
    assert.deepEqual([g.isoY, g.dtA, g.dtSep, g.dtB, g.dtY], [undefined, '19', '.', '01', '2024']);
  });
});
