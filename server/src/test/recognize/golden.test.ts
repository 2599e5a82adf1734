import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRecognizer } from '../../core/recognize/recognizer';

const ARTICLES = path.resolve(__dirname, '../../../../test-fixtures/articles');
const EXPECTED = path.resolve(__dirname, '../../../../test-fixtures/expected/recognize');
const recognizer = createRecognizer();

/**
 * One line per entity mention of the whole file. Only the recognizer's own output is pinned
 * (no story parsing, no dates), so other areas can change without touching these files.
 */
function render(text: string): string {
  const out: string[] = [];
  for (const m of recognizer.recognize(text).entities) {
    out.push(`${m.start}-${m.end} ${m.type}${m.subtype ? `/${m.subtype}` : ''} ${JSON.stringify(m.text)}${m.canonical && m.canonical !== m.text ? ` -> ${JSON.stringify(m.canonical)}` : ''}`);
  }
  return out.join('\n') + '\n';
}

/** The sample articles of the issue (Kakar, TTP, Khan...); later fixtures belong to other areas. */
const SAMPLES = ['000_7d1f51ccce8b1f59.txt', '001_500e4bc84070cb8b.txt', '002_83a65fe50b011b24.txt', '003_c9e9359c00811df7.txt', '004_b505b468b55779a5.txt'];

// Golden files pin the recognizer's output on the real articles; after a deliberate change
// (rules, retrained weights) regenerate them with UPDATE_GOLDEN=1 and review the diff.
describe('recognize/golden', () => {
  for (const name of SAMPLES) {
    it(`matches the expected mentions of ${name}`, () => {
      const actual = render(fs.readFileSync(path.join(ARTICLES, name), 'utf8'));
      const file = path.join(EXPECTED, name.replace(/\.txt$/, '.mentions.txt'));
      if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) {
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`missing golden file ${file}: run with UPDATE_GOLDEN=1`);
        fs.mkdirSync(EXPECTED, { recursive: true });
        fs.writeFileSync(file, actual);
      }
      assert.equal(actual, fs.readFileSync(file, 'utf8'));
    });
  }
});
