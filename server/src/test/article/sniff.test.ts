import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksLikeArticle } from '../../core/features/sniff';
import { FIXTURES, articleFixtures, readArticle } from './helpers';

const notArticlesDir = path.join(FIXTURES, 'not-articles');

describe('looksLikeArticle (the .txt sniff)', () => {
  for (const name of articleFixtures()) {
    it(`takes ${name} for an article`, () => {
      const r = looksLikeArticle(readArticle(name).slice(0, 4096));
      assert.equal(r.isArticle, true, `score ${r.score}: ${r.reasons.join('; ')}`);
    });
  }

  const others = fs.readdirSync(notArticlesDir).sort();
  it('has at least eight ordinary text files to check against', () => {
    assert.ok(others.length >= 8);
  });
  for (const name of others) {
    it(`does not take ${name} for an article`, () => {
      const r = looksLikeArticle(fs.readFileSync(path.join(notArticlesDir, name), 'utf8').slice(0, 4096));
      assert.equal(r.isArticle, false, `score ${r.score}: ${r.reasons.join('; ')}`);
    });
  }

  it('explains its verdict', () => {
    const r = looksLikeArticle(readArticle('000_7d1f51ccce8b1f59.txt'));
    assert.ok(r.reasons.some((x) => x.startsWith('2 date line(s)')), r.reasons.join('; '));
    assert.ok(r.score >= 10);
  });

  it('reads only the head, so a huge text costs no more than 4 KB', () => {
    const huge = readArticle('001_500e4bc84070cb8b.txt') + 'x'.repeat(5_000_000);
    assert.equal(looksLikeArticle(huge).isArticle, true);
  });

  it('says no to empty, binary and one-word input', () => {
    assert.equal(looksLikeArticle('').isArticle, false);
    assert.equal(looksLikeArticle('\u0000\u0001ELF\u0000\u0000').isArticle, false);
    assert.equal(looksLikeArticle('hello').isArticle, false);
  });

  it('handles CRLF and a BOM like the plain file', () => {
    const text = readArticle('000_7d1f51ccce8b1f59.txt');
    const a = looksLikeArticle(text);
    const b = looksLikeArticle(`\ufeff${text.replace(/\n/g, '\r\n')}`);
    assert.equal(b.isArticle, true);
    assert.ok(Math.abs(a.score - b.score) <= 1, `${a.score} vs ${b.score}`);
  });
});
