import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../core/article/parseArticle';
import { FIXTURES, TEST_FILE_DATE, articleFixtures, readArticle, summarize } from './helpers';

// Golden files are rewritten only on purpose: UPDATE_GOLDEN=1 npx mocha …
const update = process.env['UPDATE_GOLDEN'] === '1';
const expectedDir = path.join(FIXTURES, 'expected', 'article');

describe('parseArticle golden files', () => {
  const fixtures = articleFixtures();

  it('has at least fifteen article fixtures (five real, ten written)', () => {
    assert.ok(fixtures.length >= 15, `only ${fixtures.length} fixtures`);
  });

  for (const name of fixtures) {
    it(`matches the golden structure of ${name}`, () => {
      const text = readArticle(name);
      const { value, problems } = parseArticle(text, { fileDate: TEST_FILE_DATE });
      const actual = summarize(name, text, value, problems);
      const goldenPath = path.join(expectedDir, name.replace(/\.txt$/, '.json'));
      if (update) {
        fs.mkdirSync(expectedDir, { recursive: true });
        fs.writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      assert.ok(fs.existsSync(goldenPath), `no golden file ${goldenPath}; run with UPDATE_GOLDEN=1 to create it`);
      const expected: unknown = JSON.parse(fs.readFileSync(goldenPath, 'utf8'));
      assert.deepEqual(actual, expected);
    });
  }
});
