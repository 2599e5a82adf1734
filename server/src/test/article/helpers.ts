import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArticleModel } from '../../core/article/model';
import type { Problem } from '../../core/text/problem';

/** Repository's `test-fixtures/` folder. */
export const FIXTURES = path.resolve(__dirname, '../../../../test-fixtures');

/** The article fixtures (file names), sorted. */
export function articleFixtures(): string[] {
  return fs.readdirSync(path.join(FIXTURES, 'articles')).filter((f) => f.endsWith('.txt')).sort();
}

/** Reads an article fixture as UTF-8 text. */
export function readArticle(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'articles', name), 'utf8');
}

/** File date used for every fixture parse, so golden files do not depend on checkout times. */
export const TEST_FILE_DATE = '2024-06-01';

function preview(text: string, start: number, end: number): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ');
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The golden-file view of a parse: stable, readable, with text previews. */
export function summarize(file: string, text: string, model: ArticleModel, problems: readonly Problem[]): unknown {
  return {
    file,
    structureOnly: model.structureOnly,
    stories: model.stories.map((s) => ({
      headline: s.headline,
      date: s.date ? { value: s.date.value, source: s.date.source } : null,
      place: s.place ?? null,
      start: s.start,
      end: s.end,
      parts: s.parts.map((p) => ({ kind: p.kind, start: p.start, end: p.end, ...(p.repeated ? { repeated: true } : {}), text: preview(text, p.start, p.end) })),
      quotes: s.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker ?? null, ...(q.speakerInferred ? { inferred: true } : {}), text: preview(text, q.start, q.end) })),
    })),
    problems: problems.map((p) => ({ severity: p.severity, code: p.code, start: p.start, end: p.end })),
  };
}
