import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../core/recognize/dates/recognizeDates';
import { found } from './found';

describe('dates: numeric dates', () => {
  it('reads ISO dates, with dashes or slashes', () => {
    assert.deepEqual(found('Published 2024-01-25 and 2024/01/19.'), ['2024-01-25 → 2024-01-25', '2024/01/19 → 2024-01-19']);
  });

  it('reads day-first outside a US context', () => {
    assert.deepEqual(found('Last updated: 19/01/2024 14:05 IST'), ['19/01/2024 → 2024-01-19']);
    assert.deepEqual(found('Filed on 03/04/2024 in Lahore on 5 March.'), ['03/04/2024 → 2024-04-03', '5 March → 2024-03-05']);
    assert.equal(recognizeDates('On 07.02.2024.', undefined)[0]?.resolvedFrom, 'explicit:day-first');
  });

  it('reads month-first where the document writes "January 19" style dates', () => {
    assert.deepEqual(found('On March 5 he said the date was 7/8/07.', '2007-07-09'), ['March 5 → 2007-03-05', '7/8/07 → 2007-07-08']);
  });

  it('decides by the number when one part cannot be a month', () => {
    assert.deepEqual(found('Dated 12/25/2023 and 25/12/2023.'), ['12/25/2023 → 2023-12-25', '25/12/2023 → 2023-12-25']);
  });

  it('does not read versions, scores, times or fractions as dates', () => {
    assert.deepEqual(found('Version 1.2.3 won 3-1 at 10:30, a 1/2 share.'), []);
  });
});
