import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../core/article/parseArticle';
import type { ArticleModel } from '../../core/article/model';
import { articleFixtures, readArticle } from './helpers';

/** Structural invariants every parse must keep, whatever the input. */
function assertWellFormed(model: ArticleModel, text: string): void {
  assert.equal(model.length, text.length);
  let last = 0;
  for (const s of model.stories) {
    assert.ok(s.start >= last && s.end <= text.length && s.start <= s.end, `story ${s.start}-${s.end}`);
    for (const p of s.parts) {
      assert.ok(p.start >= last && p.end <= s.end && p.start < p.end, `${p.kind} ${p.start}-${p.end}`);
      last = p.end;
    }
    for (const q of s.quotes) assert.ok(q.start >= s.start && q.end <= s.end && q.start < q.end);
  }
}

const codes = (r: { problems: readonly { code: string }[] }): string[] => r.problems.map((p) => p.code);

describe('parseArticle on bad input', () => {
  it('reads an empty file as no stories with an info problem', () => {
    const r = parseArticle('');
    assert.deepEqual(r.value.stories, []);
    assert.deepEqual(codes(r), ['article.empty']);
  });

  it('reads a whitespace-only file (spaces, NBSP, newlines) as empty', () => {
    const r = parseArticle('  \n\u00a0\n\t\r\n');
    assert.deepEqual(r.value.stories, []);
    assert.ok(codes(r).includes('article.empty'));
  });

  it('reads a one-line file as one story with a headline and says it has no body', () => {
    const text = 'Pakistan and Iran agree to restore ambassadors';
    const r = parseArticle(text);
    assert.equal(r.value.stories.length, 1);
    assert.equal(r.value.stories[0]!.headline, text);
    assert.ok(codes(r).includes('article.no-body'));
    assertWellFormed(r.value, text);
  });

  it('reads a one-line sentence without a headline as a body paragraph', () => {
    const text = 'The minister said on Friday that talks would resume next week in Geneva.';
    const r = parseArticle(text);
    assert.equal(r.value.stories[0]!.headline, '');
    assert.deepEqual(r.value.stories[0]!.parts.map((p) => p.kind), ['paragraph']);
    assert.ok(codes(r).includes('article.no-headline'));
  });

  it('gives the same structure for CRLF as for LF, with offsets into the CRLF text', () => {
    const lf = readArticle('000_7d1f51ccce8b1f59.txt');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parseArticle(lf).value;
    const b = parseArticle(crlf).value;
    assert.deepEqual(b.stories.map((s) => s.parts.map((p) => p.kind)), a.stories.map((s) => s.parts.map((p) => p.kind)));
    assert.deepEqual(b.stories.map((s) => s.date?.value), a.stories.map((s) => s.date?.value));
    for (const s of b.stories) for (const p of s.parts) assert.ok(!crlf.slice(p.start, p.end).includes('\r'));
    assertWellFormed(b, crlf);
  });

  it('handles mixed line endings (LF, CRLF, lone CR) and says so', () => {
    const lf = readArticle('004_b505b468b55779a5.txt');
    const lines = lf.split('\n');
    const mixed = lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\n', '\r\n', '\r'][i % 3])).join('');
    const r = parseArticle(mixed);
    assert.deepEqual(r.value.stories.map((s) => s.headline), parseArticle(lf).value.stories.map((s) => s.headline));
    assert.ok(codes(r).includes('article.mixed-line-endings'));
    assertWellFormed(r.value, mixed);
  });

  it('skips a byte-order mark: offsets stay in the original text', () => {
    const plain = readArticle('002_83a65fe50b011b24.txt');
    const text = `\ufeff${plain}`;
    const r = parseArticle(text);
    const s = r.value.stories[0]!;
    assert.equal(s.headline, 'Pakistan to conduct national security review amid standoff with Iran');
    assert.equal(s.headlineSpan.start, 1);
    assert.equal(text.slice(s.headlineSpan.start, s.headlineSpan.end), s.headline);
  });

  it('refuses binary content (NULs, control characters) with article.binary and no stories', () => {
    const bin = Array.from({ length: 4000 }, (_, i) => String.fromCharCode(i % 7 === 0 ? 0 : (i * 31) % 256)).join('');
    const r = parseArticle(bin);
    assert.deepEqual(r.value.stories, []);
    assert.ok(codes(r).includes('article.binary'));
    assert.equal(r.problems.find((p) => p.code === 'article.binary')!.severity, 'error');
  });

  it('tolerates a stray control character in a real article, with an info problem', () => {
    const text = readArticle('000_7d1f51ccce8b1f59.txt').replace('Short Url', 'Short\u0007 Url');
    const r = parseArticle(text);
    assert.equal(r.value.stories.length, 2);
    assert.ok(codes(r).includes('article.control-characters'));
    assert.ok(!codes(r).includes('article.binary'));
  });

  it('flags replacement characters left by invalid UTF-8 but still parses', () => {
    const text = readArticle('001_500e4bc84070cb8b.txt').replace(/’/g, '\ufffd');
    const r = parseArticle(text);
    assert.equal(r.value.stories.length, 2);
    assert.ok(codes(r).includes('article.invalid-encoding'));
  });

  it('parses only the structure of text above maxAnalysisLength, and says so', () => {
    const text = readArticle('001_500e4bc84070cb8b.txt');
    const r = parseArticle(text, { maxAnalysisLength: 1000 });
    assert.equal(r.value.structureOnly, true);
    assert.ok(codes(r).includes('article.structure-only'));
    assert.equal(r.value.stories.length, 2);
    assert.ok(r.value.stories.every((s) => s.quotes.length === 0));
    assert.equal(r.value.stories[0]!.date?.value, '2024-08-20');
  });

  it('parses a very large file (many stories) to the same structure per story', () => {
    const one = readArticle('000_7d1f51ccce8b1f59.txt');
    const big = Array.from({ length: 300 }, () => one).join('\n\n\n');
    const r = parseArticle(big);
    assert.equal(r.value.structureOnly, false);
    assert.equal(r.value.stories.length, 600);
    assertWellFormed(r.value, big);
  });

  it('warns about a date line that is no real day and falls back', () => {
    const text = 'Storm hits coast as thousands lose power\n\nUpdated 31 February 2024\n\nThe storm brought winds of 120 km/h to the coast on Tuesday, officials said.';
    const r = parseArticle(text, { fileDate: '2024-03-02' });
    assert.ok(codes(r).includes('article.invalid-date'));
    assert.deepEqual(r.value.stories[0]!.date, { value: '2024-03-02', source: 'fileTime' });
  });

  it('ignores a malformed fileDate option with a warning', () => {
    const r = parseArticle('Storm hits coast as thousands lose power\n\nThe storm brought strong winds on Tuesday, officials said today.', { fileDate: 'yesterday' });
    assert.ok(codes(r).includes('article.bad-file-date'));
    assert.ok(codes(r).includes('article.no-date'));
    assert.equal(r.value.stories[0]!.date, undefined);
  });

  it('never throws and keeps its invariants on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const r = parseArticle(s);
        assertWellFormed(r.value, s);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on article-like line soup', () => {
    const line = fc.constantFrom('', '', 'Updated 10 January 2020', 'Updated 14 sec ago', 'Follow', 'Short Url', '  • A bullet point here',
      'ISLAMABAD: The minister said “we will talk,” officials said.', 'A headline about the talks', '---', 'SOURCE: AGENCIES', '"Unclosed quote',
      'By Jane Doe', 'Jan. 3, 2024 5:10 PM', '\u00a0', '*', 'Body text that runs on, said Ismail.', '“', '"');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const s = lines.join(eol);
        const r = parseArticle(s, { fileDate: '2024-01-01' });
        assertWellFormed(r.value, s);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every fixture the same with CRLF line endings and a BOM', () => {
    for (const name of articleFixtures()) {
      const plain = readArticle(name).replace(/\r\n/g, '\n');
      const variant = `\ufeff${plain.replace(/\n/g, '\r\n')}`;
      const a = parseArticle(plain, { fileDate: '2024-06-01' }).value;
      const b = parseArticle(variant, { fileDate: '2024-06-01' }).value;
      assert.deepEqual(b.stories.map((s) => [s.headline, s.date?.value, s.date?.source, s.parts.map((p) => p.kind), s.quotes.map((q) => q.speaker)]),
        a.stories.map((s) => [s.headline, s.date?.value, s.date?.source, s.parts.map((p) => p.kind), s.quotes.map((q) => q.speaker)]), name);
      assertWellFormed(b, variant);
    }
  });
});
