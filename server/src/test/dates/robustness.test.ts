import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { recognizeDates } from '../../core/recognize/dates/recognizeDates';

const VALUE_BY_GRANULARITY: Record<string, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  week: /^\d{4}-W\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

/** Invariants every result keeps: in bounds, sorted, disjoint, text = slice, value shaped by granularity. */
function assertWellFormed(text: string, ref: string | undefined): void {
  const ms = recognizeDates(text, ref);
  let last = 0;
  for (const m of ms) {
    assert.ok(m.start >= last && m.end > m.start && m.end <= text.length, `bad span ${m.start}-${m.end}`);
    assert.equal(m.text, text.slice(m.start, m.end));
    assert.match(m.value, VALUE_BY_GRANULARITY[m.granularity] ?? /^$/);
    if (m.rangeEnd !== undefined) {
      assert.match(m.rangeEnd, VALUE_BY_GRANULARITY[m.granularity] ?? /^$/);
      assert.ok(m.rangeEnd >= m.value, `range ends before it starts: ${m.value}..${m.rangeEnd}`);
    }
    last = m.end;
  }
}

describe('dates: bad input', () => {
  it('handles empty, one-word, BOM and CRLF input', () => {
    assert.deepEqual(recognizeDates('', '2024-01-19'), []);
    assert.deepEqual(recognizeDates('Friday', '2024-01-19').map((m) => m.value), ['2024-01-19']);
    assert.deepEqual(recognizeDates('\uFEFFOn Friday,\r\nJanuary 3, 2024\r\n', '2024-01-19').map((m) => [m.start, m.value]),
      [[4, '2024-01-19'], [13, '2024-01-03']]);
  });

  it('ignores an unusable reference date and still finds dated expressions', () => {
    for (const ref of [undefined, '', 'yesterday', '2024-13-45', '2024-02-30']) {
      assert.deepEqual(recognizeDates('On Friday, 3 March 2021.', ref).map((m) => m.value), ['2021-03-03']);
    }
  });

  it('accepts a full timestamp as the reference date', () => {
    assert.deepEqual(recognizeDates('Yesterday.', '2024-01-19T10:42:00Z').map((m) => m.value), ['2024-01-18']);
  });

  it('survives binary noise and replacement characters', () => {
    const noise = '\u0000\u0001\uFFFD\uD800 12/12/12 \u0000May\u0007 2024\uFFFD';
    assertWellFormed(noise, '2024-01-19');
  });

  it('scans a large text without trouble', () => {
    const para = 'The ministry said on Friday that talks held on Jan. 3 and in August 2018 would resume next week. ';
    const text = para.repeat(20_000);
    const ms = recognizeDates(text, '2020-01-10');
    assert.equal(ms.length, 80_000);
  });

  it('keeps its invariants on arbitrary text', () => {
    const words = fc.constantFrom('on', 'Friday', 'May', 'March', '3', '2019', '19/01/2024', 'Jan.', 'last', 'week', 'ago',
      'three', 'years', 'from', 'to', 'between', 'and', '-', ',', '.', '\n', 'the', 'quarter', 'first', "'82", 'mid', 'will',
      'Theresa', 'in', 'December', 'yesterday', '2024-01-19', 'said', '$', '%', 'people', '2000');
    fc.assert(fc.property(fc.array(words, { maxLength: 40 }), fc.option(fc.constantFrom('2024-01-19', '2020-02-29', '1999-12-31')),
      (ws, ref) => assertWellFormed(ws.join(' '), ref ?? undefined)), { numRuns: 400 });
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => assertWellFormed(s, '2024-01-19')), { numRuns: 300 });
  });
});

describe('dates: spans option', () => {
  const text = 'Updated 10 January 2020\nFollow\nThe minister spoke on Friday.\nSOURCE: Agencies 2019';

  it('looks only inside the given spans, with offsets into the whole text', () => {
    const body = text.indexOf('The minister');
    const ms = recognizeDates(text, '2020-01-10', { spans: [{ start: body, end: body + 30 }] });
    assert.deepEqual(ms.map((m) => [m.text, m.start]), [['Friday', text.indexOf('Friday')]]);
  });

  it('merges overlapping spans and clamps spans outside the text', () => {
    const ms = recognizeDates(text, '2020-01-10', { spans: [{ start: -5, end: 12 }, { start: 5, end: 23 }, { start: 500, end: 900 }] });
    assert.deepEqual(ms.map((m) => m.text), ['10 January 2020']);
  });

  it('finds nothing in no spans', () => {
    assert.deepEqual(recognizeDates(text, '2020-01-10', { spans: [] }), []);
  });
});
