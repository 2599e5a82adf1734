import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../core/recognize/dates/recognizeDates';
import { found } from './found';

describe('dates: months and days', () => {
  it('resolves abbreviated, dotted and ordinal months against the story year', () => {
    assert.deepEqual(found('He was arrested on Jan. 3.', '2020-01-10'), ['Jan. 3 → 2020-01-03']);
    assert.deepEqual(found('The deal was signed Sept. 2, 2019.'), ['Sept. 2, 2019 → 2019-09-02']);
    assert.deepEqual(found('Relations as they were prior to 16th January.'), ['16th January → 2024-01-16']);
    assert.deepEqual(found('On the 3rd of January he left.'), ['the 3rd of January → 2024-01-03']);
  });

  it('puts an undated day of a late month in the previous year', () => {
    assert.deepEqual(found('The plane made its maiden flight on 11 December.', '2010-01-25'), ['11 December → 2009-12-11']);
    assert.deepEqual(found('Since the war erupted on October 7, prices rose.'), ['October 7 → 2023-10-07']);
  });

  it('keeps an undated day of the coming weeks in the story year', () => {
    assert.deepEqual(found('A June 3 hearing has been scheduled.', '2009-05-14'), ['June 3 → 2009-06-03']);
    assert.deepEqual(found('By-elections will be held on March 28.', '2024-02-15'), ['March 28 → 2024-03-28']);
  });

  it('reads a month without a year backwards, or forward when the sentence looks ahead', () => {
    assert.deepEqual(found('Prices rose in December.'), ['December → 2023-12']);
    assert.deepEqual(found('Elections will be held in March.'), ['March → 2024-03']);
    assert.deepEqual(found('The first lane would open in September.'), ['September → 2024-09']);
    assert.deepEqual(found('It began in mid-January.'), ['mid-January → 2024-01']);
    assert.deepEqual(found('Sales fell last March.'), ['last March → 2023-03']);
  });

  it('resolves a month with a year to month granularity', () => {
    const [m] = recognizeDates('PM Khan, since he took office in August 2018, has spoken.', '2020-01-10');
    assert.equal(m?.text, 'August 2018');
    assert.equal(m?.value, '2018-08');
    assert.equal(m?.granularity, 'month');
    assert.equal(m?.resolvedFrom, 'explicit');
  });

  it('reads historic dates', () => {
    assert.deepEqual(found('Prévost (19 May 1767 – 5 January 1816) served in November 1820 and in 1812.'),
      ['19 May 1767 → 1767-05-19', '5 January 1816 → 1816-01-05', 'November 1820 → 1820-11', '1812 → 1812']);
    assert.deepEqual(found('Some 1500 soldiers built it around 1900 BC; the index hit a high of 1051.'), []);
  });

  it("reads two-digit years after an apostrophe", () => {
    assert.deepEqual(found("The Dow fell in December of '73 and has not been this low since '82."), ["December of '73 → 1973-12", "'82 → 1982"]);
  });

  it('gives two months the year written after the second', () => {
    assert.deepEqual(found('Talks began in January or February of 2001 and ended in May and June 2002.'),
      ['January → 2001-01', 'February of 2001 → 2001-02', 'May → 2002-05', 'June 2002 → 2002-06']);
  });

  it('reads a full date with its weekday as one mention', () => {
    assert.deepEqual(found('It opened on Friday, January 19, 2024.'), ['Friday, January 19, 2024 → 2024-01-19']);
    assert.deepEqual(found('Sat, 20 Jan 2024'), ['Sat, 20 Jan 2024 → 2024-01-20']);
  });

  it('does not join a headline weekday with the date line below it', () => {
    assert.deepEqual(found('Markets to stay closed until Friday\nSeptember 18, 2008', '2008-09-18'),
      ['Friday → 2008-09-12', 'September 18, 2008 → 2008-09-18']);
  });

  it('rejects days that do not exist, keeping only the year', () => {
    assert.deepEqual(found('On February 30, 2023 nothing happened.'), ['2023 → 2023']);
  });
});
