import * as assert from 'node:assert/strict';
import { Captures } from '../../core/recognize/dates/captures';
import { alternativeAt, dateGrammar, GROUP_NAMES, type Grammar } from '../../core/recognize/dates/grammar';

/** Number of captures of a regex: a copy that matches the empty string has one entry per capture. */
function captureCount(re: RegExp): number {
  return (new RegExp(`${re.source}|`).exec('') ?? []).length - 1;
}

describe('dates: compiled grammar', () => {
  const parts: Grammar[] = (['digit', 'word', 'quote'] as const).map((opening) => dateGrammar(opening));

  it('names each group once', () => {
    assert.equal(new Set(GROUP_NAMES).size, GROUP_NAMES.length);
  });

  it('maps every capture number of every alternative to a group', () => {
    for (const part of parts) {
      for (const { regex, slots } of part.alternatives) {
        assert.equal(slots.length, captureCount(regex) + 1);
        assert.ok([...slots].slice(1).every((s) => s >= 0 && s < GROUP_NAMES.length));
      }
    }
  });

  it('marks each alternative in the probe, after the groups backreferences need', () => {
    for (const part of parts) {
      assert.equal(part.markers.length, part.alternatives.length);
      assert.equal(part.markers[part.markers.length - 1], captureCount(part.probe));
    }
  });

  it('finds the alternative that matches and reads its captures by group name', () => {
    const captures = new Captures();
    const [digit, word] = parts;
    assert.ok(digit && word);
    const read = (part: Grammar, text: string, at = 0): (string | undefined)[] | undefined => {
      const alternative = alternativeAt(part, text, at);
      if (!alternative) return undefined;
      alternative.regex.lastIndex = at;
      const m = alternative.regex.exec(text);
      assert.ok(m);
      const g = captures.fill(m, alternative.slots);
      return [m[0], g.isoY, g.isoSep, g.isoM, g.isoD, g.dtA, g.dtSep, g.dtB, g.dtY, g.mdM, g.mdD];
    };
    assert.deepEqual(read(digit, '2024-01-19'), ['2024-01-19', '2024', '-', '01', '19', undefined, undefined, undefined, undefined, undefined, undefined]);
    assert.deepEqual(read(digit, '19.01.2024'), ['19.01.2024', undefined, undefined, undefined, undefined, '19', '.', '01', '2024', undefined, undefined]);
    // A backreference: the separators must agree.
    assert.equal(read(digit, '19.01-2024'), undefined);
    assert.deepEqual(read(word, 'on January 19', 3), ['January 19', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'January', '19']);
    assert.equal(read(word, 'Januaryx 19'), undefined);
  });
});
