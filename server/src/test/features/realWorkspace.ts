import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../core/article/parseArticle';
import { looksLikeArticle } from '../../core/features/sniff';
import { createArticleAnalyzer } from '../../core/index/articleAnalyzer';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { createRecognizer } from '../../core/recognize/recognizer';

/** The sample workspace: real articles in two folders, related stories, a hostile file and a non-article note. */
export const WORKSPACE_DIR = path.resolve(__dirname, '../../../../test-fixtures/workspace');

/** Uri of a workspace fixture file by its relative path. */
export function fixtureUri(rel: string): string {
  return `file:///workspace/${rel}`;
}

let cached: WorkspaceIndex | undefined;

/**
 * The sample workspace indexed with the real parser and recognizer (built
 * once per test run). `.txt` files are indexed only when they look like
 * articles; the fixed file date keeps "Updated 14 sec ago" stories stable.
 */
export function realWorkspaceIndex(): WorkspaceIndex {
  if (cached) return cached;
  const recognizer = createRecognizer();
  const index = new WorkspaceIndex({
    analyze: createArticleAnalyzer({
      parse: parseArticle,
      recognize: (text, options) => recognizer.recognize(text, options),
      fileDate: () => '2026-02-16',
    }),
  });
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  index.batch(() => {
    for (const file of walk(WORKSPACE_DIR).sort()) {
      const text = fs.readFileSync(file, 'utf8');
      if (!file.endsWith('.article') && !looksLikeArticle(text.slice(0, 4096)).isArticle) continue;
      index.set(fixtureUri(path.relative(WORKSPACE_DIR, file).split(path.sep).join('/')), text, 0);
    }
  });
  cached = index;
  return index;
}
