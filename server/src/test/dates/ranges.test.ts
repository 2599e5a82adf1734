import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../core/recognize/dates/recognizeDates';

describe('dates: ranges', () => {
  it('gives a day range its end', () => {
    const [a] = recognizeDates('The festival ran from 3 to 5 January.', '2024-01-19');
    assert.deepEqual([a?.text, a?.value, a?.rangeEnd], ['from 3 to 5 January', '2024-01-03', '2024-01-05']);
    const [b] = recognizeDates('The summit was held January 3-5, 2023.', '2024-01-19');
    assert.deepEqual([b?.text, b?.value, b?.rangeEnd], ['January 3-5, 2023', '2023-01-03', '2023-01-05']);
  });

  it('spans two months and reads forward when the sentence does', () => {
    const [m] = recognizeDates('The fair will run January 30 to February 2.', '2024-01-19');
    assert.deepEqual([m?.value, m?.rangeEnd], ['2024-01-30', '2024-02-02']);
  });

  it('marks both endpoints of a month range, the first carrying the end', () => {
    const ms = recognizeDates('The report covers the period from January to March; the season ran December-February 2024.', '2024-06-19');
    assert.deepEqual(ms.map((m) => [m.text, m.value, m.rangeEnd]), [
      ['January', '2024-01', '2024-03'],
      ['March', '2024-03', undefined],
      ['December', '2023-12', '2024-02'],
      ['February 2024', '2024-02', undefined],
    ]);
  });

  it('marks both endpoints of a year range, the first carrying the end', () => {
    const ms = recognizeDates('Deliveries from 2009 to 2011, then between 2014 and 2016, and 2019-20.', '2007-06-09');
    assert.deepEqual(ms.map((m) => [m.text, m.value, m.rangeEnd]), [
      ['2009', '2009', '2011'],
      ['2011', '2011', undefined],
      ['2014', '2014', '2016'],
      ['2016', '2016', undefined],
      ['2019-20', '2019', '2020'],
    ]);
  });

  it('does not take a list of years for a range', () => {
    const ms = recognizeDates('Sales rose in 2014 and 2016.', '2020-01-01');
    assert.deepEqual(ms.map((m) => [m.text, m.rangeEnd]), [['2014', undefined], ['2016', undefined]]);
  });
});
