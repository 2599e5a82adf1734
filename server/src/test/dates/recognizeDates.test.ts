import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../core/recognize/dates/recognizeDates';

/** `text → value` pairs of the mentions found, for compact assertions. */
function found(text: string, ref: string | undefined = '2024-01-19'): string[] {
  return recognizeDates(text, ref).map((m) => `${m.text} → ${m.value}`);
}

describe('recognizeDates', () => {
  describe('weekdays', () => {
    it('reads an undated weekday backwards from the story date, the day itself included', () => {
      assert.deepEqual(found('The minister resigned on Friday.'), ['Friday → 2024-01-19']);
      assert.deepEqual(found('The minister resigned on Thursday.'), ['Thursday → 2024-01-18']);
      assert.deepEqual(found('Police said on Friday, in the story updated 10 January 2020', '2020-01-10'),
        ['Friday → 2020-01-10', '10 January 2020 → 2020-01-10']);
    });
    it('reads a weekday forward when the sentence looks ahead', () => {
      assert.deepEqual(found('The talks will resume on Thursday.'), ['Thursday → 2024-01-25']);
      assert.deepEqual(found('The vote is scheduled for Monday.'), ['Monday → 2024-01-22']);
      assert.deepEqual(found('He arrives next Friday.'), ['next Friday → 2024-01-26']);
    });
    it('keeps a reported weekday in the past even when the report speaks of the future', () => {
      assert.deepEqual(found('The company said on Wednesday it will cut 500 jobs.'), ['Wednesday → 2024-01-17']);
    });
    it('reads "last Friday" as the Friday before the story date', () => {
      assert.deepEqual(found('It happened last Friday.'), ['last Friday → 2024-01-12']);
    });
  });

  describe('months and days', () => {
    it('resolves abbreviated and dotted months against the story year', () => {
      assert.deepEqual(found('He was arrested on Jan. 3.', '2020-01-10'), ['Jan. 3 → 2020-01-03']);
      assert.deepEqual(found('The deal was signed Sept. 2, 2019.'), ['Sept. 2, 2019 → 2019-09-02']);
    });
    it('reads a month without a year backwards, or forward when the sentence looks ahead', () => {
      assert.deepEqual(found('Prices rose in December.'), ['December → 2023-12']);
      assert.deepEqual(found('Elections will be held in March.'), ['March → 2024-03']);
      assert.deepEqual(found('It began in mid-January.'), ['mid-January → 2024-01']);
    });
    it('resolves a month with a year to month granularity', () => {
      const [m] = recognizeDates('The plant opened in August 2018.', '2020-01-10');
      assert.equal(m?.value, '2018-08');
      assert.equal(m?.granularity, 'month');
      assert.equal(m?.resolvedFrom, 'explicit');
    });
  });

  describe('numeric dates', () => {
    it('reads ISO and day-first numeric dates', () => {
      assert.deepEqual(found('Filed 2024-01-19 and 19/01/2024.'), ['2024-01-19 → 2024-01-19', '19/01/2024 → 2024-01-19']);
    });
  });

  describe('ranges', () => {
    it('gives a range its end', () => {
      const [a] = recognizeDates('The festival ran from 3 to 5 January.', '2024-01-19');
      assert.equal(a?.value, '2024-01-03');
      assert.equal(a?.rangeEnd, '2024-01-05');
      const [b] = recognizeDates('The summit was held January 3-5, 2023.', '2024-01-19');
      assert.equal(b?.value, '2023-01-03');
      assert.equal(b?.rangeEnd, '2023-01-05');
    });
  });

  describe('relative expressions', () => {
    it('resolves yesterday, today, last week, last month, this year and "ago"', () => {
      assert.deepEqual(found('Yesterday he spoke; today he left.'), ['Yesterday → 2024-01-18', 'today → 2024-01-19']);
      assert.deepEqual(found('Sales fell last week and last month.'), ['last week → 2024-W02', 'last month → 2023-12']);
      assert.deepEqual(found('Earlier this year and three years ago.'), ['Earlier this year → 2024', 'three years ago → 2021']);
    });
  });

  describe('years', () => {
    it('recognizes a bare year but not a count, money or a decade', () => {
      assert.deepEqual(found('The firm, founded in 2009, has grown since 2018.'), ['2009 → 2009', '2018 → 2018']);
      assert.deepEqual(found('Some 2000 people paid $2019 each in the 1990s.'), []);
    });
  });

  describe('false positives', () => {
    it('does not take names, verbs, ages, money or durations for dates', () => {
      assert.deepEqual(found('Theresa May said she may march on.'), []);
      assert.deepEqual(found('Protesters March to Mar-a-Lago, the Sun reported.'), []);
      assert.deepEqual(found('The 45-year-old man, aged 32, waited three years for one second.'), []);
      assert.deepEqual(found('The price was 12.50 at 10:30.'), []);
    });
  });

  describe('without a reference date', () => {
    it('returns only dates that name their year', () => {
      assert.deepEqual(found('On Friday, 3 March 2021, and in 2009.', undefined), ['Friday, 3 March 2021 → 2021-03-03', '2009 → 2009']);
      assert.deepEqual(found('On Friday.', 'not a date'), []);
    });
  });
});
