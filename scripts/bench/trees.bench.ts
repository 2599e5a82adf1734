/**
 * Benchmark of the tree views' requests (issue 7): indexes N generated
 * article texts (the real fixtures with other names, places and dates; in
 * memory, no files) with the real parser and recognizer, then times each tree
 * request as the server answers it and prints the size of its JSON answer,
 * which is what crosses the wire on every refresh of a visible view.
 *
 *   npx tsx scripts/bench/trees.bench.ts [--files N]   (default 2,000)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../server/src/core/article/parseArticle';
import { createArticleAnalyzer } from '../../server/src/core/index/articleAnalyzer';
import { WorkspaceIndex } from '../../server/src/core/index/workspaceIndex';
import { createRecognizer } from '../../server/src/core/recognize/recognizer';
import { entityGroups, entityStories, timelineDays, timelineMonths } from '../../server/src/lsp/features/treeViews';
import { FIXTURE_DIRS, MONTHS, rng } from './corpus';

const FIXTURES = FIXTURE_DIRS;
const NAMES = ['Abbasi', 'Baloch', 'Chaudhry', 'Durrani', 'Farooqi', 'Gilani', 'Hashmi', 'Jatoi', 'Khattak', 'Lodhi', 'Mengal', 'Niazi', 'Orakzai', 'Paracha', 'Rana', 'Soomro', 'Tareen', 'Usmani', 'Virk', 'Zardari'];
const PLACES = ['Iran', 'Iraq', 'Afghanistan', 'India', 'China', 'Turkey', 'Egypt', 'Jordan', 'Oman', 'Qatar', 'Kuwait', 'Syria'];


function timed<T>(runs: number, f: () => T): { value: T; ms: number } {
  let value = f();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) value = f();
  return { value, ms: (performance.now() - t0) / runs };
}

function report(name: string, { value, ms }: { value: unknown; ms: number }): void {
  const kb = Buffer.byteLength(JSON.stringify(value)) / 1024;
  console.log(`  ${name.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms ${kb.toFixed(0).padStart(8)} KB`);
}

const argFiles = process.argv.indexOf('--files');
const files = argFiles > 0 ? Number(process.argv[argFiles + 1]) : 2000;
const bases = FIXTURES.flatMap((d) => fs.readdirSync(d).filter((f) => /\.(txt|article)$/.test(f) && !f.includes('notes')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')));
const recognizer = createRecognizer();
const index = new WorkspaceIndex({
  analyze: createArticleAnalyzer({ parse: parseArticle, recognize: (text, options) => recognizer.recognize(text, options), fileDate: () => undefined }),
});
const r = rng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const t0 = performance.now();
index.batch(() => {
  for (let i = 0; i < files; i++) {
    const text = bases[i % bases.length]!
      .replace(/Kakar/g, pick(NAMES))
      .replace(/Jilani/g, pick(NAMES))
      .replace(/\bIraq\b/g, pick(PLACES))
      .replace(/Updated (\d{1,2}) ([A-Z][a-z]+) (\d{4})/g, () => `Updated ${1 + Math.floor(r() * 28)} ${pick(MONTHS)} ${2019 + Math.floor(r() * 7)}`);
    index.set(`file:///bench/d${Math.floor(i / 500)}/a${i}.txt`, text, 1);
  }
});
const stats = index.stats();
console.log(`indexed ${files} files (${stats.stories} stories, ${stats.entities} entity keys) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`  ${'request (server side)'.padEnd(44)} ${'time'.padStart(11)} ${'answer'.padStart(11)}`);
report('entities, by count, 1,000 per type', timed(10, () => entityGroups(index, { sort: 'count', limitPerType: 1000 })));
report('entities, by name, filter "kh"', timed(10, () => entityGroups(index, { sort: 'name', filter: 'kh', limitPerType: 1000 })));
const top = index.entities({ sort: 'count' })[0]!;
report(`stories of the top entity (${top.name}, ${top.storyCount}), 200`, timed(10, () => entityStories(index, top.key, 200)));
const months = timelineMonths(index);
report(`timeline months (${months.length})`, timed(10, () => timelineMonths(index)));
const busiest = [...months].sort((a, b) => b.stories - a.stories)[0]!;
report(`days of the busiest month (${busiest.month}, ${busiest.stories} stories)`, timed(10, () => timelineDays(index, busiest.month)));
report('every day at once (before months were lazy)', timed(3, () => timelineDays(index)));
