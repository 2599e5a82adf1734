import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnchor, reanchor, reanchorAfterChanges } from '../../core/annotations/anchor';
import { createAnnotation, createRejection, reattach } from '../../core/annotations/create';
import type { AnnotationEnvironment } from '../../core/annotations/model';
import { randomIdGenerator } from '../../core/annotations/model';
import { resolveAnnotations, resolveAnnotationsAfterChanges } from '../../core/annotations/resolve';
import { mapSpanThroughChanges } from '../../core/annotations/textChange';

const article = fs.readFileSync(path.resolve(__dirname, '../../../../test-fixtures/articles/000_7d1f51ccce8b1f59.txt'), 'utf8');
const env: AnnotationEnvironment = { ids: randomIdGenerator(() => 0.5), clock: () => new Date('2026-11-23T09:00:00.000Z') };

function spanOf(text: string, quote: string, occurrence = 0): [number, number] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, quote);
  return [start, start + quote.length];
}

describe('createAnchor', () => {
  it('keeps the quote, 32 characters of context and the offsets', () => {
    const [s, e] = spanOf(article, 'Mohamed Ali Alhakim');
    const anchor = createAnchor(article, s, e);
    assert.equal(anchor.quote.exact, 'Mohamed Ali Alhakim');
    assert.equal(anchor.quote.prefix, article.slice(s - 32, s));
    assert.equal(anchor.quote.suffix, article.slice(e, e + 32));
    assert.deepEqual(anchor.position, { start: s, end: e });
  });

  it('clamps and orders a bad selection instead of failing', () => {
    assert.deepEqual(createAnchor('abc', 5, -2), { quote: { exact: 'abc', prefix: '', suffix: '' }, position: { start: 0, end: 3 } });
    assert.deepEqual(createAnchor('abc', Number.NaN, 2).position, { start: 0, end: 2 });
  });
});

describe('reanchor: each path', () => {
  const [s, e] = spanOf(article, 'Shah Mahmood Qureshi');
  const anchor = createAnchor(article, s, e);

  it('exact: the text did not change', () => {
    assert.deepEqual(reanchor(anchor, article), { status: 'exact', start: s, end: e, errors: 0 });
  });

  it('moved: text inserted above the span', () => {
    const text = 'BREAKING\n\n' + article;
    assert.deepEqual(reanchor(anchor, text), { status: 'moved', start: s + 10, end: e + 10, errors: 0 });
  });

  it('moved: a repeated quote is told apart by prefix and suffix, not by distance alone', () => {
    // The headline is repeated below the caption; annotate the second copy.
    const headline = "Pakistan wants to 'work jointly' with Iraq for peace in Middle East";
    const [hs, he] = spanOf(article, headline, 1);
    const second = createAnchor(article, hs, he);
    // A decoy copy now sits exactly at the old offset, with other context; the real one moved down.
    const lead = 'Z'.repeat(hs) + headline + ' DECOY\n';
    const text = lead + article;
    assert.equal(text.slice(hs, he), headline);
    assert.deepEqual(reanchor(second, text), { status: 'moved', start: lead.length + hs, end: lead.length + he, errors: 0 });
  });

  it('exact: the quote is still at its offset even though its context changed', () => {
    const text = article.slice(0, e) + ' (FM)' + article.slice(e);
    assert.deepEqual(reanchor(anchor, text), { status: 'exact', start: s, end: e, errors: 0 });
  });

  it('moved: of two equally good copies, the nearest wins', () => {
    const [bs, be] = spanOf(article, 'Baghdad', 1);
    const baghdad = createAnchor(article, bs, be, 0);
    const text = 'Baghdad ' + article;
    assert.deepEqual(reanchor(baghdad, text), { status: 'moved', start: bs + 8, end: be + 8, errors: 0 });
  });

  it('fuzzy: the quote was edited slightly', () => {
    const text = article.slice(0, s) + 'Shah Mehmood Qureshi' + article.slice(e);
    const found = reanchor(anchor, text);
    assert.equal(found.status, 'fuzzy');
    assert.equal(found.errors, 1);
    assert.equal(text.slice(found.start, found.end), 'Shah Mehmood Qureshi');
  });

  it('fuzzy: found beyond the search window, in the whole text', () => {
    const text = 'y'.repeat(10_000) + '\n' + article.slice(0, s) + 'Shah Mehmood Qureshi' + article.slice(e);
    const found = reanchor(anchor, text, { window: 100 });
    assert.equal(found.status, 'fuzzy');
    assert.equal(text.slice(found.start, found.end), 'Shah Mehmood Qureshi');
  });

  it('orphaned: beyond the window of a text too long to search whole', () => {
    const text = 'y'.repeat(10_000) + '\n' + article.slice(0, s) + 'Shah Mehmood Qureshi' + article.slice(e);
    assert.deepEqual(reanchor(anchor, text, { window: 100, maxFullSearchLength: 5_000 }), { status: 'orphaned' });
  });

  it('orphaned: too many changes for the error bound (20 % of the quote)', () => {
    const text = article.slice(0, s) + 'S. M. Qureshy' + article.slice(e);
    assert.deepEqual(reanchor(anchor, text), { status: 'orphaned' });
  });

  it('orphaned: the passage was deleted; an empty quote is orphaned too', () => {
    assert.deepEqual(reanchor(anchor, article.slice(0, s - 40) + article.slice(e + 40)), { status: 'orphaned' });
    assert.deepEqual(reanchor(anchor, ''), { status: 'orphaned' });
    assert.deepEqual(reanchor(createAnchor(article, 5, 5), article), { status: 'orphaned' });
  });

  it('multi-line spans: moved and fuzzy', () => {
    const [ms] = spanOf(article, 'Pakistan has been expressing');
    const me = article.indexOf('According to', ms) + 'According to'.length;
    const multi = createAnchor(article, ms, me);
    assert.ok(multi.quote.exact.includes('\n'));
    const moved = 'Intro line\n' + article;
    assert.deepEqual(reanchor(multi, moved), { status: 'moved', start: ms + 11, end: me + 11, errors: 0 });
    const crlf = article.slice(0, ms) + multi.quote.exact.replace(/\n/g, '\r\n') + article.slice(me);
    const found = reanchor(multi, crlf);
    assert.equal(found.status, 'fuzzy');
    assert.equal(found.errors, 2);
  });
});

describe('incremental re-anchoring from text changes', () => {
  it('maps spans through inserts, deletes and replacements', () => {
    const span = { start: 10, end: 20 };
    assert.deepEqual(mapSpanThroughChanges(span, [{ offset: 0, deleteLength: 0, insertText: 'abc' }]), { start: 13, end: 23, touched: false });
    assert.deepEqual(mapSpanThroughChanges(span, [{ offset: 10, deleteLength: 0, insertText: 'abc' }]), { start: 13, end: 23, touched: false });
    assert.deepEqual(mapSpanThroughChanges(span, [{ offset: 20, deleteLength: 0, insertText: 'abc' }]), { start: 10, end: 20, touched: false });
    assert.deepEqual(mapSpanThroughChanges(span, [{ offset: 2, deleteLength: 8, insertText: '' }]), { start: 2, end: 12, touched: false });
    assert.deepEqual(mapSpanThroughChanges(span, [{ offset: 12, deleteLength: 2, insertText: 'xyz' }]), { start: 10, end: 21, touched: true });
    assert.deepEqual(mapSpanThroughChanges(span, [{ offset: 5, deleteLength: 10, insertText: '' }]), { start: 5, end: 10, touched: true });
    assert.deepEqual(mapSpanThroughChanges(span, [{ offset: 15, deleteLength: 10, insertText: 'q' }]), { start: 10, end: 16, touched: true });
    assert.deepEqual(mapSpanThroughChanges(span, [{ offset: 0, deleteLength: 30, insertText: '' }]), { start: 0, end: 0, touched: true });
    // Sequential: each change applies to the result of the previous one.
    assert.deepEqual(mapSpanThroughChanges(span, [
      { offset: 0, deleteLength: 0, insertText: 'ab' },
      { offset: 0, deleteLength: 1, insertText: '' },
    ]), { start: 11, end: 21, touched: false });
  });

  it('carries an untouched annotation without searching', () => {
    const [s, e] = spanOf(article, 'Baghdad', 1);
    const anchor = createAnchor(article, s, e);
    const changes = [{ offset: 0, deleteLength: 0, insertText: 'Baghdad Baghdad Baghdad\n' }];
    const text = changes[0]!.insertText + article;
    assert.deepEqual(reanchorAfterChanges(anchor, changes, text), { status: 'exact', start: s + 24, end: e + 24, errors: 0 });
  });

  it('falls back to the search when an edit touched the span', () => {
    const [s, e] = spanOf(article, 'Mohamed Ali Alhakim');
    const anchor = createAnchor(article, s, e);
    const changes = [{ offset: s + 8, deleteLength: 3, insertText: 'Aly' }];
    const text = article.slice(0, s + 8) + 'Aly' + article.slice(s + 11);
    const found = reanchorAfterChanges(anchor, changes, text);
    assert.equal(found.status, 'fuzzy');
    assert.equal(text.slice(found.start, found.end), 'Mohamed Aly Alhakim');
  });

  it('resolves every annotation of a document, orphans included, in order', () => {
    const a = createAnnotation(article, ...spanOf(article, 'Imran Khan'), { type: 'person' }, env);
    const b = createAnnotation(article, ...spanOf(article, 'Soleimani'), { type: 'person' }, env);
    const text = article.replace('Gen. Qasim Soleimani', 'a general');
    const resolved = resolveAnnotations([a, b], text);
    assert.deepEqual(resolved.map((r) => [r.annotation.id, r.resolution.status]), [[a.id, 'exact'], [b.id, 'orphaned']]);
    const changes = [{ offset: 0, deleteLength: 0, insertText: '\n' }];
    const after = resolveAnnotationsAfterChanges([a, b], new Map([[a.id, a.anchor.position]]), changes, '\n' + text);
    assert.deepEqual(after.map((r) => r.resolution.status), ['exact', 'orphaned']);
    assert.equal(after[0]!.resolution.start, a.anchor.position.start + 1);
  });
});

describe('creating and re-attaching', () => {
  it('creates an annotation with injected id and time, omitting empty fields', () => {
    const [s, e] = spanOf(article, 'Imran Khan');
    const a = createAnnotation(article, s, e, { type: 'person', tags: [], origin: 'analyst', author: 'alice' }, env);
    assert.deepEqual(Object.keys(a), ['id', 'type', 'author', 'created', 'updated', 'anchor']);
    assert.match(a.id, /^a-[0-9a-z]{10}$/);
    assert.equal(a.created, '2026-11-23T09:00:00.000Z');
    const confirmed = createAnnotation(article, s, e, { type: 'person', origin: 'confirmed' }, env);
    assert.equal(confirmed.origin, 'confirmed');
  });

  it('re-attaches an orphaned annotation to a new span, keeping its id and fields', () => {
    const [s, e] = spanOf(article, 'Imran Khan');
    const a = { ...createAnnotation(article, s, e, { type: 'person', note: 'PM' }, env), status: 'orphaned' as const };
    const text = article.replace(/Imran Khan/g, 'I. Khan');
    const [ns, ne] = spanOf(text, 'I. Khan');
    const later = { clock: () => new Date('2026-11-24T00:00:00.000Z') };
    const b = reattach(a, text, ns, ne, later);
    assert.deepEqual([b.id, b.note, b.status, b.created, b.updated], [a.id, 'PM', undefined, a.created, '2026-11-24T00:00:00.000Z']);
    assert.equal(reanchor(b.anchor, text).status, 'exact');
  });

  it('creates rejections: here with an anchor, everywhere without', () => {
    const [s, e] = spanOf(article, 'Follow');
    const here = createRejection({ text: 'Follow', type: 'person', scope: 'here' }, env, { text: article, start: s, end: e });
    assert.deepEqual(here.anchor?.position, { start: s, end: e });
    const everywhere = createRejection({ text: 'Follow', scope: 'everywhere' }, env, { text: article, start: s, end: e });
    assert.equal(everywhere.anchor, undefined);
    assert.match(here.id, /^r-/);
  });
});
