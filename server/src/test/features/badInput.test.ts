import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../core/article/parseArticle';
import { storyCodeLenses } from '../../core/features/codeLens';
import { computeHover } from '../../core/features/hover';
import { lineStarts, semanticTokens, splitTokensAtLines } from '../../core/features/semanticTokens';
import { createArticleAnalyzer } from '../../core/index/articleAnalyzer';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { createRecognizer } from '../../core/recognize/recognizer';

const ARTICLE = fs.readFileSync(path.resolve(__dirname, '../../../../test-fixtures/articles/004_b505b468b55779a5.txt'), 'utf8');

describe('index and features on bad input (real parser and recognizer)', function () {
  this.timeout(60000);
  const recognizer = createRecognizer();
  const analyze = createArticleAnalyzer({ parse: parseArticle, recognize: (t, o) => recognizer.recognize(t, o) });

  const cases: Record<string, string> = {
    empty: '',
    'one line': 'Pakistan and Iran',
    'CRLF article': ARTICLE.replace(/\n/g, '\r\n'),
    'CR-only article': ARTICLE.replace(/\n/g, '\r'),
    'BOM article': '\ufeff' + ARTICLE,
    binary: '\u0000\u0001\u0002PNG\u0000\u00ff'.repeat(100),
    'lone surrogates': 'Iran \ud800 Kakar \udfff Pakistan\n'.repeat(20),
    'one huge line': 'Iran and Pakistan met in Islamabad on Friday. '.repeat(5000),
  };

  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: indexes, highlights and hovers without throwing`, () => {
      const index = new WorkspaceIndex({ analyze });
      const uri = `file:///bad/${name.replace(/\W/g, '-')}.article`;
      index.set(uri, text, 1);
      const tokens = semanticTokens(index, uri);
      const lines = splitTokensAtLines(tokens, lineStarts(text), text);
      for (const t of lines) {
        const piece = text.substr(lineStarts(text)[t.line]! + t.character, t.length);
        assert.ok(!/[\r\n]/.test(piece), 'no token covers a line break');
        assert.ok(t.length > 0);
      }
      for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i - 1]!.start + tokens[i - 1]!.length <= tokens[i]!.start);
      for (let o = 0; o < Math.min(text.length, 3000); o += 7) computeHover(index, uri, o, { link: (t) => `${t.uri}#${t.start}` });
      storyCodeLenses(index, uri);
      index.delete(uri);
      assert.equal(index.stats().mentions, 0);
      assert.equal(index.entities().length, 0);
    });
  }

  it('CRLF keeps the same entities as LF', () => {
    const lf = new WorkspaceIndex({ analyze });
    lf.set('file:///a', ARTICLE, 1);
    const crlf = new WorkspaceIndex({ analyze });
    crlf.set('file:///a', ARTICLE.replace(/\n/g, '\r\n'), 1);
    assert.deepEqual(crlf.entities().map((e) => [e.name, e.storyCount]), lf.entities().map((e) => [e.name, e.storyCount]));
  });
});
