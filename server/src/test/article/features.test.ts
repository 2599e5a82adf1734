import * as assert from 'node:assert/strict';
import { parseArticle } from '../../core/article/parseArticle';
import { sentenceSpans } from '../../core/article/sentences';
import { documentSymbols } from '../../core/features/symbols';
import { foldingRanges } from '../../core/features/folding';
import { selectionRanges, type ArticleSelectionRange } from '../../core/features/selectionRanges';
import { TEST_FILE_DATE, readArticle } from './helpers';

function chain(r: ArticleSelectionRange, text: string): string[] {
  const out: string[] = [];
  for (let x: ArticleSelectionRange | undefined = r; x; x = x.parent) out.push(text.slice(x.start, x.end));
  return out;
}

describe('article features', () => {
  const text = readArticle('000_7d1f51ccce8b1f59.txt');
  const model = parseArticle(text, { fileDate: TEST_FILE_DATE }).value;

  describe('documentSymbols', () => {
    const symbols = documentSymbols(model, text);

    it('lists one story per headline, with its date as detail and its parts as children', () => {
      assert.deepEqual(symbols.map((s) => [s.kind, s.name, s.detail]), [
        ['story', "Pakistan wants to 'work jointly' with Iraq for peace in Middle East", '2020-01-10'],
        ['story', 'Pakistan’s Balochistan establishes threat assessment center amid surge in militant attacks', '2020-01-10 (from the previous story)'],
      ]);
      assert.deepEqual(symbols[0]!.children.map((c) => c.kind), model.stories[0]!.parts.map((p) => p.kind));
    });

    it('selects the headline of a story and spans the whole story', () => {
      const s = symbols[1]!;
      assert.equal(text.slice(s.selectionStart, s.selectionEnd), s.name);
      assert.ok(s.start <= s.selectionStart && s.selectionEnd <= s.end);
      assert.ok(text.slice(s.start, s.end).endsWith('New Delhi rejects the allegations.'));
    });

    it('names parts by a short preview and marks the repeated headline', () => {
      const children = symbols[0]!.children;
      assert.equal(children.find((c) => c.kind === 'dateLine')!.name, 'Updated 10 January 2020');
      assert.ok(children.every((c) => c.name.length <= 60));
      assert.equal(children.filter((c) => c.detail === 'headline (repeated)').length, 1);
    });

    it('names a story without headline by its first words', () => {
      const t = 'The minister said on Friday that talks would resume next week in Geneva, officials said.';
      const [s] = documentSymbols(parseArticle(t).value, t);
      assert.match(s!.name, /^The minister said on Friday/);
      assert.equal(s!.detail, 'no date');
    });
  });

  describe('foldingRanges', () => {
    it('folds each story and each group of summary bullets', () => {
      const ranges = foldingRanges(model, text);
      const stories = ranges.filter((r) => r.kind === 'region' && text.slice(r.start, r.end).includes('\n\n'));
      assert.equal(stories.length, 2);
      const bullets = ranges.filter((r) => text.slice(r.start, r.end).startsWith('•'));
      assert.equal(bullets.length, 2);
      assert.ok(bullets.every((r) => r.kind === 'region' && text.slice(r.start, r.end).split('\n').length === 2));
    });

    it('folds runs of boilerplate as comments', () => {
      const t = readArticle('002_83a65fe50b011b24.txt');
      const ranges = foldingRanges(parseArticle(t).value, t).filter((r) => r.kind === 'comment');
      assert.equal(ranges.length, 1);
      assert.match(t.slice(ranges[0]!.start, ranges[0]!.end), /^Leave a Comment[\s\S]*\*$/);
    });

    it('leaves out single-line ranges', () => {
      const t = 'A headline about the talks\n\nOne paragraph only, the minister said on Friday in Geneva.';
      const ranges = foldingRanges(parseArticle(t).value, t);
      assert.deepEqual(ranges.map((r) => r.kind), ['region']);
    });
  });

  describe('selectionRanges', () => {
    it('expands word → sentence → part → story → file', () => {
      const at = text.indexOf('Soleimani');
      const [r] = selectionRanges(model, text, [at + 2]);
      const levels = chain(r!, text);
      assert.equal(levels[0], 'Soleimani');
      assert.equal(levels[1], 'The situation in the region has been volatile since a United States missile strike killed Iranian commander Gen. Qasim Soleimani in Baghdad on Jan. 3.');
      // The sentence is the whole paragraph here, so the part level is not repeated.
      assert.equal(levels.length, 4);
      assert.ok(levels[2]!.startsWith("Pakistan wants to 'work jointly'") && levels[2]!.endsWith('due to the region’s fraught security situation.'));
      assert.equal(levels[3], text);
    });

    it('keeps sentence and part apart when a part has several sentences', () => {
      const at = text.indexOf('New Delhi rejects') + 1;
      const levels = chain(selectionRanges(model, text, [at])[0]!, text);
      assert.deepEqual(levels.slice(0, 3), [
        'New',
        'New Delhi rejects the allegations.',
        'Islamabad also accuses India of backing these militant groups against Pakistan. New Delhi rejects the allegations.',
      ]);
      assert.equal(levels.length, 5);
    });

    it('treats words with inner apostrophes and hyphens as one word', () => {
      const t = readArticle('001_500e4bc84070cb8b.txt');
      const m = parseArticle(t).value;
      const at = t.indexOf('Tehreek-e-Taliban') + 3;
      assert.equal(chain(selectionRanges(m, t, [at])[0]!, t)[0], 'Tehreek-e-Taliban');
      const at2 = t.indexOf('Pakistan’s relations') + 2;
      assert.equal(chain(selectionRanges(m, t, [at2])[0]!, t)[0], 'Pakistan’s');
    });

    it('gives only the file range between stories and clamps offsets', () => {
      const gap = text.indexOf('\n\n\n') + 1;
      const [inGap, before, after] = selectionRanges(model, text, [gap, -5, text.length + 10]);
      assert.deepEqual(inGap, { start: 0, end: text.length });
      assert.equal(chain(before!, text).at(-1), text);
      assert.equal(chain(after!, text).at(-1), text);
    });
  });

  describe('sentenceSpans', () => {
    it('does not split at titles, initials, months or U.S.', () => {
      const t = 'Lt. Gen. Ahmed Sharif Chaudhry spoke on Jan. 3 in the U.S. Capitol. J. Smith replied. Then “Yes.” Done!';
      const spans = sentenceSpans(t, 0, t.length).map((s) => t.slice(s.start, s.end));
      assert.deepEqual(spans, ['Lt. Gen. Ahmed Sharif Chaudhry spoke on Jan. 3 in the U.S. Capitol.', 'J. Smith replied.', 'Then “Yes.”', 'Done!']);
    });
  });
});
