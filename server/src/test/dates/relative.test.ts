import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../core/recognize/dates/recognizeDates';
import { found } from './found';

describe('dates: relative expressions', () => {
  it('resolves yesterday, today, tomorrow and tonight', () => {
    assert.deepEqual(found('Yesterday he spoke; today he left; tomorrow he flies; tonight he sleeps.'),
      ['Yesterday → 2024-01-18', 'today → 2024-01-19', 'tomorrow → 2024-01-20', 'tonight → 2024-01-19']);
    assert.deepEqual(found('Earlier today the index fell.'), ['Earlier today → 2024-01-19']);
    assert.deepEqual(found('Fighting broke out last night.'), ['last night → 2024-01-18']);
  });

  it('resolves weeks to ISO weeks, months and years at their granularity', () => {
    const ms = recognizeDates('Sales fell last week, this month and last year; earlier this month too.', '2024-01-19');
    assert.deepEqual(ms.map((m) => [m.text, m.value, m.granularity]), [
      ['last week', '2024-W02', 'week'],
      ['this month', '2024-01', 'month'],
      ['last year', '2023', 'year'],
      ['earlier this month', '2024-01', 'month'],
    ]);
    assert.deepEqual(found('He will visit next month and next year.'), ['next month → 2024-02', 'next year → 2025']);
  });

  it('resolves a month or a weekday placed by a relative year or week', () => {
    assert.deepEqual(found('Sales fell in March last year; renewals end after October of next year.'),
      ['March → 2023-03', 'last year → 2023', 'October → 2025-10', 'next year → 2025']);
    assert.deepEqual(found('He met her on Friday last week and will meet on Tuesday next week.'),
      ['Friday → 2024-01-12', 'last week → 2024-W02', 'Tuesday → 2024-01-23', 'next week → 2024-W04']);
  });

  it('reads "the weekend" as the latest one, or the next when the sentence looks forward', () => {
    // 2024-01-19 is a Friday of ISO week 3; the weekend before it, 13-14 January, is in week 2.
    assert.deepEqual(found('Protests spread over the weekend.'), ['the weekend → 2024-W02']);
    assert.deepEqual(found('Protests will spread over the weekend.'), ['the weekend → 2024-W03']);
    assert.deepEqual(found('Protests spread over the weekend.', '2024-01-21'), ['the weekend → 2024-W03']);
  });

  it('resolves "ago" by the unit', () => {
    assert.deepEqual(found('Two days ago, three weeks ago, six months ago and three years ago.'), [
      'Two days ago → 2024-01-17', 'three weeks ago → 2023-12-29', 'six months ago → 2023-07', 'three years ago → 2021',
    ]);
    assert.deepEqual(found('Updated 14 sec ago; 2 hours ago; 35 min ago; 48 hours ago'),
      ['14 sec ago → 2024-01-19', '2 hours ago → 2024-01-19', '35 min ago → 2024-01-19', '48 hours ago → 2024-01-17']);
  });

  it('resolves the previous day and the year before', () => {
    assert.deepEqual(found('The previous day was calm; costs fell from the year before.'),
      ['The previous day → 2024-01-18', 'the year before → 2023']);
  });

  it('resolves quarters', () => {
    assert.deepEqual(found('Profit rose in the first quarter of 2009 and the third quarter of last year.'),
      ['the first quarter of 2009 → 2009-Q1', 'the third quarter of last year → 2023-Q3']);
    assert.deepEqual(found('Our third-quarter results were strong.', '2009-11-03'), ['third-quarter → 2009-Q3']);
    assert.deepEqual(found('Profit rose during the last quarter.', '2007-01-18'), ['the last quarter → 2006-Q4']);
    assert.deepEqual(found('Sales this quarter beat the previous quarter; next quarter looks weak.', '2007-01-18'),
      ['this quarter → 2007-Q1', 'the previous quarter → 2006-Q4', 'next quarter → 2007-Q2']);
  });

  it('reads "the day" as the story day only after a verb of the trading day', () => {
    assert.deepEqual(found('The index ended the day up 2%, rising late in the day.'), ['the day → 2024-01-19', 'late in the day → 2024-01-19']);
    assert.deepEqual(found('It was the day of the attack.'), []);
  });

  it('resolves fixed holidays like undated days', () => {
    assert.deepEqual(found('Shops closed on Christmas Day and New Year’s Eve; he will return after Valentine’s Day.'),
      ['Christmas Day → 2023-12-25', 'New Year’s Eve → 2023-12-31', 'Valentine’s Day → 2024-02-14']);
    assert.deepEqual(found('Christmas 2019 was quiet, unlike last Christmas.'), ['Christmas 2019 → 2019-12-25', 'last Christmas → 2023-12-25']);
  });

  it('reads modifiers that keep the granularity', () => {
    assert.deepEqual(found('He left at the end of last year and returns in early 2025, by mid-2026.'),
      ['the end of last year → 2023', 'early 2025 → 2025', 'mid-2026 → 2026']);
  });
});
