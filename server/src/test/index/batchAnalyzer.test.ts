import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../core/article/parseArticle';
import { createArticleAnalyzer, createBatchAnalyzer, type ArticleAnalyzerParts } from '../../core/index/articleAnalyzer';
import { createRecognizer, type RecognizeItem } from '../../core/recognize/recognizer';

const ARTICLES = path.resolve(__dirname, '../../../../test-fixtures/articles');
const docs = fs.readdirSync(ARTICLES).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => ({ uri: `file:///articles/${f}`, text: fs.readFileSync(path.join(ARTICLES, f), 'utf8') }));
const FILE_DATE = '2021-03-04';

describe('index/batch analyzer (a scan analyses files together)', () => {
  const recognizer = createRecognizer({ knowledge: { confirmed: [{ text: 'Dawn', type: 'organization' }], rejected: [{ text: 'Islamabad' }] } });
  const parts: ArticleAnalyzerParts = {
    parse: parseArticle,
    recognize: (text, options) => recognizer.recognize(text, options),
    recognizeAll: (items) => recognizer.recognizeAll(items),
    fileDate: () => FILE_DATE,
  };

  it('recognizeAll returns what recognize returns text by text, a refused input included', () => {
    const items: RecognizeItem[] = [];
    for (const { text } of docs) {
      for (const s of parseArticle(text).value.stories) {
        items.push({ text: text.slice(s.start, s.end), options: { referenceDate: s.date?.value, spans: s.parts.map((p) => ({ start: p.start - s.start, end: p.end - s.start })) } });
      }
    }
    items.push({ text: 42 as unknown as string }, { text: 'Imran Khan spoke in Lahore on Friday.' });
    assert.ok(items.length > 20);
    assert.deepEqual(recognizer.recognizeAll(items), items.map((item) => recognizer.recognize(item.text, item.options)));
  });

  it('gives every sample article the analysis it gets alone, in the order given', () => {
    const alone = createArticleAnalyzer(parts);
    const together = createBatchAnalyzer(parts)(docs);
    assert.equal(together.length, docs.length);
    docs.forEach((d, i) => assert.deepEqual(together[i], alone(d.uri, d.text, 0), d.uri));
  });

  it("takes a document's own file day before the analyzer's", () => {
    // A story without a date of its own falls back to the file's day.
    const text = 'A headline without a date\n\nSomething happened on Friday in Lahore, officials said.\n';
    const [own, fallback] = createBatchAnalyzer(parts)([{ uri: 'file:///a', text, fileDate: '2024-01-19' }, { uri: 'file:///b', text }]);
    assert.equal(own!.stories[0]!.date?.value, '2024-01-19');
    assert.equal(fallback!.stories[0]!.date?.value, FILE_DATE);
    assert.ok(own!.dates.some((d) => d.value === '2024-01-19'), JSON.stringify(own!.dates));
  });

  it('recognizes story by story when the recognizer offers no batch', () => {
    const { recognizeAll: _unused, ...single } = parts;
    assert.deepEqual(createBatchAnalyzer(single)(docs.slice(0, 3)), createBatchAnalyzer(parts)(docs.slice(0, 3)));
  });

  it('analyses an empty batch to nothing', () => {
    assert.deepEqual(createBatchAnalyzer(parts)([]), []);
  });
});
