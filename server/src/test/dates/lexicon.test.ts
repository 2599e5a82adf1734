import * as assert from 'node:assert/strict';
import { MONTHS, monthNumber, WEEKDAYS, weekdayNumber } from '../../core/recognize/dates/lexicon';

/** The lookups as they were written first: a lower-cased copy looked up in the maps. */
function monthReference(token: string): number | undefined {
  return MONTHS.get((token.endsWith('.') ? token.slice(0, -1) : token).toLowerCase());
}
function weekdayReference(token: string): number | undefined {
  return WEEKDAYS.get(token.toLowerCase());
}

describe('dates: month and weekday names by char codes', () => {
  it('reads every name, in any case, as the lower-cased lookup does', () => {
    const tokens: string[] = ['', '.', 'May..', 'Ma', 'Mayo', 'Sep.', 'Sept.', 'SEPT', 'sEpTeMbEr', 'Jan\u212a', 'Apr\u0130l', 'Marc', 'Mar@', 'M\u00e4r', 'Fri', 'Frid', 'Friday.'];
    for (const name of [...MONTHS.keys(), ...WEEKDAYS.keys()]) {
      const upper = name.toUpperCase();
      const title = upper.charAt(0) + name.slice(1);
      for (const t of [name, upper, title, `${title}.`, `${title}s`, title.slice(0, -1), `${title.slice(0, -1)}${String.fromCharCode(title.charCodeAt(title.length - 1) ^ 32)}`]) tokens.push(t);
    }
    for (const t of tokens) {
      assert.equal(monthNumber(t), monthReference(t), t);
      assert.equal(weekdayNumber(t), weekdayReference(t), t);
    }
  });
});
