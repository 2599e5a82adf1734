/**
 * Throughput benchmark for parseArticle in CPU time (not a test: timings vary by machine).
 * Run: npx tsx server/src/test/article/parseArticle.bench.ts
 */
import { parseArticle } from '../../core/article/parseArticle';
import { articleFixtures, readArticle } from './helpers';

function bench(label: string, text: string, options: Parameters<typeof parseArticle>[1] = {}): void {
  parseArticle(text, options); // warm-up
  const runs = 3;
  // CPU time, not wall time: the machine is shared, and waiting for a core is not our cost.
  const t0 = process.cpuUsage();
  let stories = 0;
  for (let i = 0; i < runs; i++) stories = parseArticle(text, options).value.stories.length;
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000 / runs;
  const mbps = text.length / 1e6 / (ms / 1000);
  process.stdout.write(`${label.padEnd(44)} ${(text.length / 1e6).toFixed(1).padStart(5)} M chars  ${ms.toFixed(0).padStart(6)} ms  ${mbps.toFixed(0).padStart(4)} M chars/s  ${stories} stories\n`);
}

const corpus = articleFixtures().map(readArticle).join('\n\n\n');
const tenMb = corpus.repeat(Math.ceil(10_000_000 / corpus.length)).slice(0, 10_000_000);
bench('fixtures x N, full analysis (10 MB)', tenMb, { maxAnalysisLength: Infinity });
bench('fixtures x N, default (structure only)', tenMb);
const prose = 'The minister said on Friday that the talks would resume next week, officials said. '.repeat(20);
const plain = `${prose}\n\n`.repeat(Math.ceil(10_000_000 / (prose.length + 2))).slice(0, 10_000_000);
bench('plain prose paragraphs, full analysis (10 MB)', plain, { maxAnalysisLength: Infinity });
const oneLine = 'word '.repeat(2_000_000);
bench('one 10 MB line', oneLine, { maxAnalysisLength: Infinity });

// Shapes that would expose anything worse than linear.
const quotesLine = 'He said "yes" and "no" to it. '.repeat(300_000);
bench('one 9 MB line full of straight quotes', quotesLine, { maxAnalysisLength: Infinity });
const openCurly = `“${'an unclosed quote that runs on '.repeat(300_000)}`;
bench('one 9 MB unclosed curly quote', openCurly, { maxAnalysisLength: Infinity });
bench('1M separator lines', '---\n'.repeat(1_000_000), { maxAnalysisLength: Infinity });
bench('2M blank lines', '\n'.repeat(2_000_000), { maxAnalysisLength: Infinity });
bench('300k short headline-like lines after breaks', 'A Headline About Talks\n\n\nUpdated 3 May 2024\n'.repeat(200_000), { maxAnalysisLength: Infinity });
bench('caption-shaped 9 MB line', `${'word '.repeat(1_800_000)}photo (AFP)`, { maxAnalysisLength: Infinity });
