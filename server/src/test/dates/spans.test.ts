import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { recognizeDates } from '../../core/recognize/dates/recognizeDates';
import type { Span } from '../../core/text/problem';

const ARTICLES = path.resolve(__dirname, '../../../../test-fixtures/articles');
const TEXTS = fs.readdirSync(ARTICLES).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(ARTICLES, f), 'utf8'));

/** Sorted spans with gaps between them (so normalization leaves them as they are), from cut points. */
function spansFrom(length: number, cuts: number[]): Span[] {
  const points = [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
  const out: Span[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end > start && (out.length === 0 || start > out[out.length - 1]!.end)) out.push({ start, end });
  }
  return out;
}

/** Span normalization as first written: clamp, drop empty or non-finite spans, stable insertion sort by start, merge touching ones. */
function normalizedReference(spans: readonly Span[], length: number): Span[] {
  const sorted: Span[] = [];
  for (const s of spans) {
    const start = Math.max(0, Math.min(length, s.start));
    const end = Math.max(0, Math.min(length, s.end));
    if (!(end > start && Number.isFinite(start) && Number.isFinite(end))) continue;
    let i = sorted.length;
    while (i > 0 && (sorted[i - 1]?.start ?? 0) > start) i--;
    sorted.splice(i, 0, { start, end });
  }
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else merged.push(s);
  }
  return merged;
}

describe('dates: spans', () => {
  it('finds in several spans exactly what it finds in each span alone (one trigger scan walks them all)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: TEXTS.length - 1 }),
      fc.array(fc.nat(), { minLength: 2, maxLength: 40 }),
      fc.constantFrom(undefined, '2024-01-19', '2009-06-03'),
      (which, cuts, ref) => {
        const text = TEXTS[which]!;
        const spans = spansFrom(text.length, cuts);
        const together = recognizeDates(text, ref, { spans });
        const alone = spans.flatMap((s) => recognizeDates(text, ref, { spans: [s] }));
        assert.deepEqual(together, alone);
      },
    ), { numRuns: 300, seed: 42 });
  });

  it('reads spans in any order, overlapping, touching, out of range or not whole numbers as their normalized list', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: TEXTS.length - 1 }),
      fc.array(fc.tuple(fc.oneof(fc.integer({ min: -50, max: 6000 }), fc.constantFrom(-0.5, 0.5, 2.5, Number.NaN, Infinity, -Infinity)), fc.oneof(fc.integer({ min: -50, max: 6000 }), fc.constantFrom(0.5, 3.5, Number.NaN, Infinity))), { maxLength: 12 }),
      (which, pairs) => {
        const text = TEXTS[which]!;
        const spans = pairs.map(([start, end]) => ({ start, end }));
        assert.deepEqual(recognizeDates(text, '2024-01-19', { spans }), recognizeDates(text, '2024-01-19', { spans: normalizedReference(spans, text.length) }));
      },
    ), { numRuns: 200, seed: 7 });
  });

  it('finds nothing without spans to look in', () => {
    assert.deepEqual(recognizeDates('On Friday, 19 January 2024', '2024-01-19', { spans: [] }), []);
  });
});
