import * as assert from 'node:assert/strict';
import { found } from './found';

describe('dates: what is not a date', () => {
  it('bare years are dates, but counts, money, percentages and decades are not', () => {
    assert.deepEqual(found('The firm, founded in 2009, has grown since 2018.'), ['2009 → 2009', '2018 → 2018']);
    assert.deepEqual(found('Some 2000 people paid $2019 each, 2015 percent more, in the 1990s.'), []);
    assert.deepEqual(found('The Russell 2000 Index fell.'), []);
  });

  it('"May" and "March" as a name, a modal or a verb', () => {
    assert.deepEqual(found('Theresa May said she may march on.'), []);
    assert.deepEqual(found('May said talks may resume.'), []);
    assert.deepEqual(found('Protesters March to Mar-a-Lago, the Sun reported.'), []);
    assert.deepEqual(found('Prime Minister Theresa May visited Berlin in May.'), ['May → 2023-05']);
    assert.deepEqual(found('Voters prepare for the May elections and the March on Washington.'), ['May → 2023-05']);
  });

  it('weekdays heading a name', () => {
    assert.deepEqual(found('Sunday Times journalist Mark Sun wrote it.'), []);
    assert.deepEqual(found('On Sunday Reuters reported it.'), ['Sunday → 2024-01-14']);
  });

  it('deictic words inside names', () => {
    assert.deepEqual(found('She told USA Today and the Today programme.'), []);
    assert.deepEqual(found('Today, markets rose. "Yesterday was worse," he said.'), ['Today → 2024-01-19', 'Yesterday → 2024-01-18']);
  });

  it('month names that are first names', () => {
    assert.deepEqual(found('June Carter and April Ryan performed.'), []);
    assert.deepEqual(found('Talks ran in March and May.', '2024-06-15'), ['March → 2024-03', 'May → 2024-05']);
  });

  it('ages, durations, ordinals and times alone', () => {
    assert.deepEqual(found('The 45-year-old man, aged 32, waited three years for one second.'), []);
    assert.deepEqual(found('The meeting lasted two days, from 10:30 to 12:00 GMT.'), []);
    assert.deepEqual(found('The temple had stood 120 years earlier.'), []);
    assert.deepEqual(found('The ceasefire starts at 1930 GMT and ends at 2100 hours.'), []);
  });

  it('numbers that merely follow a month', () => {
    assert.deepEqual(found('In December, 2000 people marched.'), ['December → 2023-12']);
  });
});
