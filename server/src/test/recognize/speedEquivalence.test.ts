import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acronymOf } from '../../core/recognize/aliases';
import { buildIntTable, intTableGet } from '../../core/recognize/hashTable';

/** The definition `acronymOf` replaces on its fast path (regular expressions over the whole text). */
function acronymReference(text: string): string | undefined {
  const acronym = text.replace(/[.\s]/g, '').replace(/s$/, '');
  return /^[\p{Lu}\d]{2,}$/u.test(acronym) ? acronym.toUpperCase() : undefined;
}

// The speed work on the recognizer (issue 4) replaced a few definitions by faster code that must
// answer exactly as before; these properties pin the equivalence on arbitrary inputs.
describe('recognize/speed equivalences', () => {
  it('acronymOf answers as the regular-expression definition', () => {
    const chars = fc.constantFrom('A', 'B', 'Z', 'a', 's', 'S', '1', '0', '.', ' ', '\t', '\n', '-', 'é', 'É', 'İ', '\u00a0', '&');
    fc.assert(fc.property(fc.array(chars, { maxLength: 8 }).map((a) => a.join('')), (text) => {
      assert.equal(acronymOf(text), acronymReference(text));
    }), { numRuns: 3000 });
    for (const t of ['U.S.', 'IBOs', 'TTP', 'Kakar', 'A', 'As', 'ABs.', 'U. N.', 'É.U.', '']) assert.equal(acronymOf(t), acronymReference(t), t);
  });

  it('the integer table answers as a Map (absent and zero-valued keys give 0)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 70000 })), { maxLength: 200 }), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 50 }), (entries, probes) => {
      const map = new Map<number, number>();
      for (const [k, v] of entries) map.set(k, (map.get(k) ?? 0) | v);
      const table = buildIntTable(map);
      for (const k of [...map.keys(), ...probes]) assert.equal(intTableGet(table, k), map.get(k) ?? 0);
    }), { numRuns: 300 });
  });
});
