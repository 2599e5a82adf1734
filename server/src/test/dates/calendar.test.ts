import * as assert from 'node:assert/strict';
import { addMonths, dayNumber, isoDay, isoWeek, parseIsoDay, weekdayOf } from '../../core/recognize/dates/calendar';

describe('dates: calendar arithmetic', () => {
  it('round-trips days and knows leap years', () => {
    assert.equal(isoDay(dayNumber(2024, 2, 29) ?? NaN), '2024-02-29');
    assert.equal(dayNumber(2023, 2, 29), undefined);
    assert.equal(dayNumber(2024, 13, 1), undefined);
    assert.equal(isoDay(0), '1970-01-01');
  });

  // isoDay keeps recent strings in a direct-mapped cache: days sharing a slot, asked in turn, keep their own strings.
  it('formats every day the same, cached or not', () => {
    const expected = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);
    for (let round = 0; round < 3; round++) {
      for (let n = -354_000; n <= 47_000; n += 997) {
        assert.equal(isoDay(n), expected(n));
        assert.equal(isoDay(n + 1024), expected(n + 1024));
        assert.equal(isoDay(n), expected(n));
      }
    }
    // Not a whole day number: formatted, never cached (its slot is 0's).
    isoDay(NaN);
    isoDay(0.5);
    assert.equal(isoDay(0), '1970-01-01');
  });

  it('names weekdays', () => {
    assert.equal(weekdayOf(dayNumber(2024, 1, 19) ?? NaN), 5); // Friday
    assert.equal(weekdayOf(dayNumber(1969, 12, 28) ?? NaN), 0); // a Sunday before the epoch
  });

  it('numbers ISO weeks across year ends', () => {
    assert.equal(isoWeek(dayNumber(2024, 1, 19) ?? NaN), '2024-W03');
    assert.equal(isoWeek(dayNumber(2021, 1, 3) ?? NaN), '2020-W53');
    assert.equal(isoWeek(dayNumber(2019, 12, 30) ?? NaN), '2020-W01');
    assert.equal(isoWeek(dayNumber(2006, 3, 28) ?? NaN), '2006-W13');
  });

  it('adds months across years', () => {
    assert.deepEqual(addMonths(2024, 1, -1), { year: 2023, month: 12 });
    assert.deepEqual(addMonths(2024, 12, 13), { year: 2026, month: 1 });
  });

  it('parses only real ISO days', () => {
    assert.equal(parseIsoDay('2024-01-19'), dayNumber(2024, 1, 19));
    assert.equal(parseIsoDay(' 2024-01-19T10:00Z'), dayNumber(2024, 1, 19));
    assert.equal(parseIsoDay('19/01/2024'), undefined);
    assert.equal(parseIsoDay(undefined), undefined);
  });
});
