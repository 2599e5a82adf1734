import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { endsWithFromCue, endsWithPastCue, FROM_BEFORE, fromCueIn, PAST_BEFORE, pastCueIn } from '../../core/recognize/dates/sentenceCues';

describe('dates: sentence cues before a date', () => {
  // The anchored tests with their word prefilters must answer as the plain patterns do on any tail.
  it('finds a past verb or a "from" before the date exactly where the unanchored patterns do', () => {
    const words = ['said', 'SAID', 'Said', 'says', 'met', 'held', 'was', 'be', 'been', 'will', 'not', 'to', 'on', 'On', 'last', 'in', 'since',
      'between', 'from', 'From', 'starting', 'effective', 'scheduled', 'postponed', 'walked', 'ed', 'red', 'bed', 'opened', 'Reported',
      'the', 'Friday', 'x', 'al-', 'it', 'said,', '.', '“', 'ran', 'wonder', 'EFFECTIVE', 'onward', 'lasted'];
    const blanks = [' ', '  ', '\t', '\n', '\u00a0', '\u2009', '', '-'];
    const tail = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...blanks)), { maxLength: 6 })
      .map((parts) => parts.map(([w, b]) => w + b).join(''));
    fc.assert(fc.property(tail, (t) => {
      assert.equal(endsWithPastCue(t), PAST_BEFORE.test(t), JSON.stringify(t));
      assert.equal(endsWithFromCue(t), FROM_BEFORE.test(t), JSON.stringify(t));
    }), { numRuns: 30000, seed: 11 });
    for (const t of ['He said on ', 'it was ', 'will be held on ', 'effective ', 'starting on ', 'Reuters reported last ', 'the meeting ', 'walked  ']) {
      assert.equal(endsWithPastCue(t), PAST_BEFORE.test(t), t);
      assert.equal(endsWithFromCue(t), FROM_BEFORE.test(t), t);
    }
  });

  // The date recognizer reads the tail in place, text[from, to): the text around it must not count.
  it('reads a tail inside a longer text as the tail on its own', () => {
    const words = ['said', 'Said', 'met', 'was', 'be', 'will', 'on', 'On', 'last', 'since', 'from', 'starting', 'effective', 'opened',
      'the', 'x', 'ed', 'ran', 'not', '“', 'lasted'];
    const blanks = [' ', '  ', '\t', '\n', '\u00a0', '', '-'];
    const piece = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...blanks)), { maxLength: 5 })
      .map((parts) => parts.map(([w, b]) => w + b).join(''));
    fc.assert(fc.property(piece, piece, piece, (before, tail, after) => {
      const text = before + tail + after;
      const from = before.length;
      const to = from + tail.length;
      assert.equal(pastCueIn(text, from, to), PAST_BEFORE.test(tail), JSON.stringify([before, tail, after]));
      assert.equal(fromCueIn(text, from, to), FROM_BEFORE.test(tail), JSON.stringify([before, tail, after]));
    }), { numRuns: 20000, seed: 12 });
  });
});
