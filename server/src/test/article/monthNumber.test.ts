import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { monthNumber } from '../../core/article/dates';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** The definition the char-code reading replaced: lower-case, drop one trailing dot, look up. */
function monthNumberReference(name: string): number | undefined {
  const lower = name.toLowerCase();
  const key = lower.charCodeAt(lower.length - 1) === 0x2e ? lower.slice(0, -1) : lower;
  return Object.prototype.hasOwnProperty.call(MONTHS, key) ? MONTHS[key] : undefined;
}

describe('article: monthNumber', () => {
  it('reads month names and abbreviations in any case as the lower-casing lookup did', () => {
    for (const w of Object.keys(MONTHS)) {
      for (const v of [w, w.toUpperCase(), `${w.charAt(0).toUpperCase()}${w.slice(1)}`, `${w}.`, `${w}..`, `${w}x`, w.slice(0, -1)]) {
        assert.equal(monthNumber(v), monthNumberReference(v), v);
      }
    }
    const chars = fc.constantFrom(...'aAjJnNeEuUlLyYsStTpPmMrRcCbBoOvVdDgGhHiI.@`[{ \u212a\u017fçÇİ'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 10 }).map((a) => a.join('')), (w) => {
      assert.equal(monthNumber(w), monthNumberReference(w));
    }), { numRuns: 20000, seed: 3 });
  });
});
