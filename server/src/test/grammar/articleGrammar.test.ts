import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegistry } from 'vscode-tmgrammar-test/dist/common';
import { getVSCodeTokens, renderSnap, type AnnotatedLine } from 'vscode-tmgrammar-test/dist/snapshot/index';

const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(ROOT, 'test-fixtures', 'grammar');
const SCOPE = 'text.news-article';
// Snapshots are rewritten only on purpose: UPDATE_GOLDEN=1 npx mocha …
const update = process.env['UPDATE_GOLDEN'] === '1';

interface GrammarContribution { language?: string; scopeName: string; path: string }

/** The grammar the extension ships: the one package.json contributes for our scope. */
function contributedGrammar(): GrammarContribution {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes?: { grammars?: GrammarContribution[] } };
  const g = pkg.contributes?.grammars?.find((x) => x.scopeName === SCOPE);
  assert.ok(g, `package.json contributes no grammar for ${SCOPE}`);
  return { ...g, path: path.resolve(ROOT, g.path) };
}

async function tokenize(source: string): Promise<AnnotatedLine[]> {
  const g = contributedGrammar();
  const registry = createRegistry([{ scopeName: g.scopeName, path: g.path, ...(g.language ? { language: g.language } : {}) }]);
  return getVSCodeTokens(registry, SCOPE, source);
}

/** Scopes of the token covering the first occurrence of `needle` on the line that contains it. */
function scopesOf(lines: readonly AnnotatedLine[], needle: string, lineIncludes = needle): string[] {
  const line = lines.find((l) => l.src.includes(lineIncludes));
  assert.ok(line, `no line containing ${lineIncludes}`);
  const at = line.src.indexOf(needle);
  const token = line.tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  assert.ok(token, `no token at ${needle}`);
  return token.scopes;
}

describe('article grammar (syntaxes/article.tmLanguage.json)', () => {
  it('is the grammar package.json contributes, with our scope name', () => {
    const g = contributedGrammar();
    const raw = JSON.parse(fs.readFileSync(g.path, 'utf8')) as { scopeName: string };
    assert.equal(raw.scopeName, SCOPE);
  });

  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.article')).sort();
  it('has grammar fixtures', () => assert.ok(files.length >= 4));

  for (const file of files) {
    it(`matches the snapshot of ${file}`, async () => {
      const source = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const actual = renderSnap(await tokenize(source));
      const snapPath = path.join(FIXTURES, `${file}.snap`);
      if (update) { fs.writeFileSync(snapPath, actual); return; }
      assert.ok(fs.existsSync(snapPath), `no snapshot ${snapPath}; run with UPDATE_GOLDEN=1 to create it`);
      assert.equal(actual, fs.readFileSync(snapPath, 'utf8'));
    });
  }

  describe('scopes', () => {
    let arab: AnnotatedLine[];
    let wire: AnnotatedLine[];
    let heads: AnnotatedLine[];
    let boiler: AnnotatedLine[];
    before(async () => {
      const read = (f: string): string => fs.readFileSync(path.join(FIXTURES, f), 'utf8');
      [arab, wire, heads, boiler] = await Promise.all(['arabnews.article', 'wire.article', 'headlines.article', 'boilerplate.article'].map((f) => tokenize(read(f))));
    });

    it('scopes the first line and a line after two blank lines as headlines, not a line after one', () => {
      assert.ok(scopesOf(heads, 'First line').includes('markup.heading.headline.news-article'));
      assert.ok(scopesOf(heads, 'Two blank lines').includes('markup.heading.headline.news-article'));
      assert.ok(!scopesOf(heads, 'One blank line').includes('markup.heading.headline.news-article'));
      assert.ok(!scopesOf(heads, 'A sentence after').includes('markup.heading.headline.news-article'));
      assert.ok(scopesOf(heads, 'but not a bullet').includes('markup.list.unnumbered.news-article'));
    });

    it('does not take a first-line date line for a headline', async () => {
      const lines = await tokenize(fs.readFileSync(path.join(FIXTURES, 'date-first.article'), 'utf8'));
      assert.ok(scopesOf(lines, '3 May 2024').includes('meta.dateline.updated.news-article'));
      assert.ok(!scopesOf(lines, 'Updated').includes('markup.heading.headline.news-article'));
      assert.ok(scopesOf(lines, 'ROME').includes('entity.name.location.dateline.news-article'));
    });

    it('scopes date lines: Updated, Published, Last updated, AP-style and relative', () => {
      assert.ok(scopesOf(arab, '20 August 2024').includes('meta.dateline.updated.news-article'));
      assert.ok(scopesOf(arab, 'Updated', 'Updated 20').includes('keyword.other.dateline-label.news-article'));
      assert.ok(scopesOf(arab, '14 sec ago').includes('meta.dateline.updated.news-article'));
      assert.ok(scopesOf(wire, '2024-01-25').includes('meta.dateline.published.news-article'));
      assert.ok(scopesOf(wire, '19/01/2024').includes('meta.dateline.updated.news-article'));
      assert.ok(scopesOf(wire, 'Jan. 3, 2024').includes('meta.dateline.published.news-article'));
    });

    it('dims boilerplate as a comment', () => {
      for (const b of ['Short Url', 'Follow']) assert.ok(scopesOf(arab, b, b).includes('comment.line.boilerplate.news-article'), b);
      for (const b of ['Share', 'Advertisement', 'Read more', 'Leave a Reply', 'Follow us on', 'Join our official', 'Copyright 2024', 'Follow Dawn on WhatsApp', 'Explore more', 'Reuse this']) {
        assert.ok(scopesOf(boiler, b).some((s) => s.startsWith('comment.line')), b);
      }
    });

    it('scopes bullets, dateline places, agencies, quotes, bylines and source lines', () => {
      assert.ok(scopesOf(arab, '•', 'top general').includes('punctuation.definition.list.begin.news-article'));
      assert.ok(scopesOf(arab, 'ISLAMABAD').includes('entity.name.location.dateline.news-article'));
      assert.ok(!scopesOf(arab, 'The two sides').includes('entity.name.location.dateline.news-article'));
      assert.ok(scopesOf(wire, 'WASHINGTON').includes('entity.name.location.dateline.news-article'));
      assert.ok(scopesOf(wire, '(Reuters)').includes('entity.name.agency.news-article'));
      assert.ok(scopesOf(wire, 'SÃO PAULO, Brazil').includes('entity.name.location.dateline.news-article'));
      assert.ok(scopesOf(arab, 'Matters of bilateral').includes('string.quoted.double.news-article'));
      assert.ok(!scopesOf(arab, 'the ISPR said').includes('string.quoted.double.news-article'));
      assert.ok(scopesOf(wire, 'We have a framework').includes('string.quoted.double.news-article'));
      assert.ok(scopesOf(wire, 'Daniel Okafor', 'By Daniel').includes('entity.name.author.news-article'));
      assert.ok(scopesOf(wire, 'SOURCE').includes('keyword.other.source.news-article'));
    });

    it('ends an unclosed quote at the end of its line', () => {
      assert.ok(scopesOf(boiler, 'the first lane').includes('string.quoted.double.news-article'));
      assert.ok(!scopesOf(boiler, 'opens in September').includes('string.quoted.double.news-article'));
    });
  });
});
