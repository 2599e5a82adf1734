import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRecognizer } from '../../core/recognize/recognizer';
import type { DateMention, EntityMention } from '../../core/recognize/model';

const ARTICLES = path.resolve(__dirname, '../../../../test-fixtures/articles');
const EXPECTED = path.resolve(__dirname, '../../../../test-fixtures/expected/recognize/mixed');
const recognizer = createRecognizer();

/** Every field of every mention, one line each, so that any drift (offsets, confidence, phrase start, canonical) shows. */
function render(entities: readonly EntityMention[], dates: readonly DateMention[]): string {
  const out: string[] = [];
  for (const m of entities) out.push(`E ${JSON.stringify(m)}`);
  for (const d of dates) out.push(`D ${JSON.stringify(d)}`);
  return out.join('\n') + '\n';
}

/** All fixture articles in one text: many stories, sources and layouts one after another. */
function allArticles(): string {
  return fs.readdirSync(ARTICLES).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(ARTICLES, f), 'utf8')).join('\n\n\n');
}

/**
 * Variants of the same text that push the tokenizer and tagger down other paths
 * (no capitals, all capitals, no line structure, CRLF).
 */
const VARIANTS: Record<string, (t: string) => string> = {
  plain: (t) => t,
  lower: (t) => t.toLowerCase(),
  upper: (t) => t.toUpperCase(),
  oneline: (t) => t.replace(/\s*\n\s*/g, ' '),
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
};

// Pins the whole recognizer output (entities with all fields, dates) on a larger mixed text, so
// that speed work cannot change results unnoticed. Regenerate only on purpose: UPDATE_GOLDEN=1.
describe('recognize/mixed golden', () => {
  const text = allArticles();
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(`matches the recorded output on all fixture articles concatenated (${name})`, () => {
      const r = recognizer.recognize(variant(text), { referenceDate: '2020-01-10' });
      assert.ok(r.entities.length > 0 || name === 'lower', 'the text names entities');
      const actual = render(r.entities, r.dates);
      const file = path.join(EXPECTED, `all-articles.${name}.txt`);
      if (process.env.UPDATE_GOLDEN === '1') {
        fs.mkdirSync(EXPECTED, { recursive: true });
        fs.writeFileSync(file, actual);
      }
      assert.ok(fs.existsSync(file), `missing golden file ${file}: run with UPDATE_GOLDEN=1`);
      assert.equal(actual, fs.readFileSync(file, 'utf8'));
    });
  }
});
