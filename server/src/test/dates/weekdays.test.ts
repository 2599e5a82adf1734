import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../core/recognize/dates/recognizeDates';
import { found } from './found';

// 2024-01-19 is a Friday; 2020-01-10 too.
describe('dates: weekdays', () => {
  it('reads an undated weekday backwards from the story date, the day itself included', () => {
    assert.deepEqual(found('The minister resigned on Friday.'), ['Friday → 2024-01-19']);
    assert.deepEqual(found('The minister resigned on Thursday.'), ['Thursday → 2024-01-18']);
    assert.deepEqual(found('Islamabad said on Saturday that it would respond.'), ['Saturday → 2024-01-13']);
  });

  it('resolves the sample story updated 10 January 2020', () => {
    const text = 'Qureshi held a telephonic conversation with Iraqi counterpart on Friday.\nUpdated 10 January 2020';
    assert.deepEqual(found(text, '2020-01-10'), ['Friday → 2020-01-10', '10 January 2020 → 2020-01-10']);
  });

  it('says how the value was found', () => {
    const [m] = recognizeDates('He spoke on Thursday.', '2024-01-19');
    assert.equal(m?.resolvedFrom, 'weekday-back:2024-01-19');
    assert.equal(m?.granularity, 'day');
  });

  it('reads a weekday forward when the sentence looks ahead', () => {
    assert.deepEqual(found('The talks will resume on Thursday.'), ['Thursday → 2024-01-25']);
    assert.deepEqual(found('The vote is scheduled for Monday.'), ['Monday → 2024-01-22']);
    assert.deepEqual(found('On Tuesday, parliament will debate the bill.'), ['Tuesday → 2024-01-23']);
    assert.deepEqual(found('Shops reopen from Monday.'), ['Monday → 2024-01-22']);
    assert.deepEqual(found('Seats left vacant after the election will be held on Sunday.'), ['Sunday → 2024-01-21']);
    assert.deepEqual(found('The minister is to visit Kabul on Monday.'), ['Monday → 2024-01-22']);
  });

  it('reads next, last and this', () => {
    assert.deepEqual(found('He arrives next Friday.'), ['next Friday → 2024-01-26']);
    assert.deepEqual(found('It happened last Friday.'), ['last Friday → 2024-01-12']);
    assert.deepEqual(found('It happened last Wednesday.'), ['last Wednesday → 2024-01-17']);
  });

  it('keeps a reported weekday in the past even when the report speaks of the future', () => {
    assert.deepEqual(found('The company said on Wednesday it will cut 500 jobs.'), ['Wednesday → 2024-01-17']);
    assert.deepEqual(found('Prices fell from Monday’s close.'), ['Monday → 2024-01-15']);
  });

  it('does not let a future cue from another clause flip the date', () => {
    assert.deepEqual(found('The court ruled Monday; a hearing is set for Feb. 12.'), ['Monday → 2024-01-15', 'Feb. 12 → 2024-02-12']);
    assert.deepEqual(found('The verdict is expected on Monday.'), ['Monday → 2024-01-22']);
  });

  it('does not let a future cue from a later clause flip a date deep in the sentence', () => {
    assert.deepEqual(found('Markets closed lower on Monday amid worries that the government will nationalize banks.'),
      ['Monday → 2024-01-15']);
  });

  it('keeps a part of the day in the mention', () => {
    assert.deepEqual(found('Power failed on Monday morning.'), ['Monday morning → 2024-01-15']);
    assert.deepEqual(found('Congress agreed late Thursday.'), ['late Thursday → 2024-01-18']);
  });

  it('leaves named days alone', () => {
    assert.deepEqual(found('Shops prepared for Black Friday and Super Tuesday.'), []);
  });
});
