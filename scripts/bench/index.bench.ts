/**
 * Benchmark of the workspace index and the language features (issue 5):
 * generates a workspace of N article files (default 10,000, ~40 MB) by
 * varying the real fixtures (names, places, dates, story order), then
 * measures cold indexing, a warm start from the serialized cache, heap,
 * hover latency over random positions, semantic tokens of a 20 KB article
 * and re-tokenizing after an edit. Prints the figures against the targets.
 *
 *   npm run bench -- index [--files N] [--keep]
 *   (or unbundled: npx tsx scripts/bench/index.bench.ts [--files N] [--keep])
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parseArticle } from '../../server/src/core/article/parseArticle';
import { computeHover } from '../../server/src/core/features/hover';
import { lineStarts, semanticTokens, splitTokensAtLines } from '../../server/src/core/features/semanticTokens';
import { createArticleAnalyzer } from '../../server/src/core/index/articleAnalyzer';
import { snapshotJson } from '../../server/src/core/index/snapshotJson';
import { WorkspaceIndex } from '../../server/src/core/index/workspaceIndex';
import { createRecognizer } from '../../server/src/core/recognize/recognizer';
import type { Connection } from 'vscode-languageserver';
import { poolSize } from '../../server/src/lsp/analysisPool';
import { KnowledgeSwitch } from '../../server/src/lsp/annotations/knowledgeSwitch';
import { compileGlobs } from '../../server/src/lsp/globs';
import { WorkspaceIndexer } from '../../server/src/lsp/workspaceIndexer';
import { FIXTURE_DIRS, MONTHS, rng } from './corpus';

const FIXTURES = FIXTURE_DIRS;

/** The worker entry bundled (minified) as the build ships it, into the bench's folder. */
async function bundleWorker(dir: string): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = path.join(dir, 'analysisWorker.js');
  await esbuild.build({
    entryPoints: [path.resolve(process.cwd(), 'server/src/lsp/analysisWorker.ts')], outfile, bundle: true, platform: 'node',
    target: 'node20', format: 'cjs', minify: true, keepNames: true, logLevel: 'warning',
  });
  return outfile;
}

/** Just enough of a language-server connection for the indexer's progress reports. */
function benchConnection(): Connection {
  const progress = { token: { onCancellationRequested: () => ({ dispose() {} }) }, begin() {}, report() {}, done() {} };
  return { window: { createWorkDoneProgress: async () => progress } } as unknown as Connection;
}

/**
 * The server's cold scan of `dir` (walk, async reads, sniffing, indexing), with
 * analysis workers when `workerFile` is given, on the main thread otherwise.
 */
async function serverScan(dir: string, workerFile: string | undefined): Promise<{ ms: number; stats: ReturnType<WorkspaceIndex['stats']> }> {
  const knowledge = new KnowledgeSwitch(createRecognizer());
  const index = new WorkspaceIndex({
    analyze: knowledge.wrap(createArticleAnalyzer({ parse: parseArticle, recognize: (t, o) => knowledge.recognizer.recognize(t, o) })),
    hash: knowledge.hash, analyzerVersion: 'bench',
  });
  const indexer = new WorkspaceIndexer({
    connection: benchConnection(), index, include: () => compileGlobs([]), isOpen: () => false, log: () => {},
    ...(workerFile ? { knowledge, workerFile } : {}),
  });
  const t0 = performance.now();
  await indexer.start([dir]);
  return { ms: performance.now() - t0, stats: index.stats() };
}

const FIRST = ['Amina', 'Bilal', 'Farah', 'Hamid', 'Imran', 'Javed', 'Kamran', 'Laila', 'Murad', 'Nadia', 'Omar', 'Parveen', 'Qasim', 'Rashid', 'Sadia', 'Tariq', 'Usman', 'Waqar', 'Yasmin', 'Zubair', 'Ahmed', 'Bushra', 'Danish', 'Erum', 'Faisal', 'Ghazala', 'Haris', 'Iqbal', 'Junaid', 'Khalid'];
const LAST = ['Abbasi', 'Baloch', 'Chaudhry', 'Durrani', 'Effendi', 'Farooqi', 'Gilani', 'Hashmi', 'Iqbal', 'Jatoi', 'Khattak', 'Lodhi', 'Mengal', 'Niazi', 'Orakzai', 'Paracha', 'Qureshi', 'Rana', 'Soomro', 'Tareen', 'Usmani', 'Virk', 'Wattoo', 'Yousafzai', 'Zardari', 'Bhatti', 'Cheema', 'Dogar', 'Gondal', 'Kasuri', 'Leghari', 'Marri', 'Noon', 'Pirzada', 'Rizvi', 'Shah', 'Tiwana', 'Warraich', 'Bugti', 'Jamali'];
const PLACES = ['Iran', 'Iraq', 'Afghanistan', 'India', 'China', 'Turkey', 'Egypt', 'Jordan', 'Oman', 'Qatar', 'Kuwait', 'Syria', 'Lebanon', 'Yemen', 'Bahrain', 'Tajikistan', 'Uzbekistan', 'Kazakhstan', 'Azerbaijan', 'Bangladesh'];


function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** One generated article: a fixture with other names, places, dates and story order. */
function vary(base: string, r: () => number): string {
  let text = base;
  const subs: Array<[RegExp, string]> = [
    [/Kakar/g, pick(r, LAST)], [/Anwaar-ul-Haq|Anwaar ul-Haq-/g, pick(r, FIRST)],
    [/Jilani/g, pick(r, LAST)], [/Qureshi/g, pick(r, LAST)], [/Mirza/g, pick(r, LAST)],
    [/Amirabdollahian/g, pick(r, LAST)], [/\bIraq\b/g, pick(r, PLACES)], [/\bIran\b/g, pick(r, PLACES)],
  ];
  for (const [re, to] of subs) text = text.replace(re, to);
  text = text.replace(/Updated (\d{1,2}) ([A-Z][a-z]+) (\d{4})/g, () => `Updated ${1 + Math.floor(r() * 28)} ${pick(r, MONTHS)} ${2019 + Math.floor(r() * 7)}`);
  // Multi-story files: shuffle the stories (they are separated by two blank lines).
  const stories = text.split(/\n\n\n(?=\S)/);
  if (stories.length > 1 && r() < 0.5) stories.reverse();
  return stories.join('\n\n\n');
}

/** `global.gc` even without `--expose-gc` (the bench runner starts plain node), for steadier heap figures. */
function exposeGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}

function line(name: string, value: string, target: string, ok: boolean): void {
  console.log(`  ${name.padEnd(34)} ${value.padStart(12)}   target ${target.padEnd(9)} ${ok ? 'ok' : 'OVER'}`);
}

/** Runs the index benchmark; returns the figures. */
export async function runIndexBench(files = 10_000, keep = false): Promise<Record<string, number>> {
  const bases = FIXTURES.flatMap((d) => fs.readdirSync(d).filter((f) => /\.(txt|article)$/.test(f) && !f.includes('notes')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
  const r = rng(42);
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) fs.mkdirSync(sub);
    // A third of the files hold two stories, as scraped pages often do (~4 KB a file on average).
    let text = vary(bases[i % bases.length]!, r);
    if (r() < 0.35) text += '\n\n\n' + vary(pick(r, bases), r);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(sub, `a${i}.article`), text);
  }
  const paths = fs.readdirSync(dir).flatMap((d) => fs.readdirSync(path.join(dir, d)).map((f) => path.join(dir, d, f)));
  console.log(`index bench: ${paths.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${dir}`);

  const recognizer = createRecognizer();
  // One first call builds the recognizer's lazy tables (packed weights, feature buckets): the shipped
  // model's fixed cost, which `npm run bench -- recognize` counts in startup, not index memory.
  recognizer.recognize(bases[0]!.slice(0, 2000));
  const analyzer = createArticleAnalyzer({ parse: parseArticle, recognize: (t, o) => recognizer.recognize(t, o) });
  const newIndex = (): WorkspaceIndex => new WorkspaceIndex({ analyze: analyzer, analyzerVersion: 'bench' });
  const uri = (p: string): string => `file://${p}`;
  const gc = exposeGc();

  // Cold: read + parse + recognize + index every file.
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let t = performance.now();
  let index = newIndex();
  index.batch(() => {
    for (const p of paths) index.set(uri(p), fs.readFileSync(p, 'utf8'), 0);
  });
  const cold = performance.now() - t;
  gc?.();
  const heap = process.memoryUsage().heapUsed - heap0;
  const stats = index.stats();

  // Hover at 1,000 random positions in random documents.
  const link = (x: { uri: string; start: number }): string => `${x.uri}#${x.start}`;
  const hovers = (ix: WorkspaceIndex): { times: number[]; shown: number } => {
    const uris = ix.uris();
    const times: number[] = [];
    let shown = 0;
    for (let i = 0; i < 1000; i++) {
      const u = pick(r, uris);
      const mentions = ix.mentionsIn(u);
      // Half on entity mentions (the costly case), half anywhere.
      const offset = i % 2 === 0 && mentions.length ? pick(r, mentions).start : Math.floor(r() * (ix.textOf(u)?.length ?? 1));
      const h0 = performance.now();
      if (computeHover(ix, u, offset, { link })) shown++;
      times.push(performance.now() - h0);
    }
    return { times, shown };
  };
  const { times: hoverTimes, shown } = hovers(index);

  // Warm: parse the cache file, read every file, match by content hash.
  const cacheFile = path.join(dir, 'index-cache.json');
  t = performance.now();
  let snapshotText: string | undefined = snapshotJson(index.serialize());
  fs.writeFileSync(cacheFile, snapshotText);
  const cacheMegabytes = snapshotText.length / 1e6;
  snapshotText = undefined;
  const serializeMs = performance.now() - t;
  // The warm start runs alone, as after a restart: the cold index is let go first.
  index = newIndex();
  gc?.();
  t = performance.now();
  const warm = newIndex();
  warm.restore(JSON.parse(fs.readFileSync(cacheFile, 'utf8')));
  const restoreMs = performance.now() - t;
  warm.batch(() => {
    for (const p of paths) warm.set(uri(p), fs.readFileSync(p, 'utf8'), 0);
  });
  warm.dropUnclaimedCache();
  const warmMs = performance.now() - t;
  const warmStats = warm.stats();
  gc?.();
  const warmHeap = process.memoryUsage().heapUsed - heap0;
  const warmHovers = hovers(warm);
  index = warm;

  // Semantic tokens of a 20 KB article (stories of several fixtures), then after an edit.
  let big = '';
  for (let i = 0; big.length < 20_000; i++) big += (big ? '\n\n\n' : '') + bases[i % bases.length]!;
  const bigUri = uri(path.join(dir, 'big.article'));
  index.set(bigUri, big, 1);
  const tokenTimes: number[] = [];
  let tokenCount = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const toks = splitTokensAtLines(semanticTokens(index, bigUri), lineStarts(big), big);
    tokenTimes.push(performance.now() - t0);
    tokenCount = toks.length;
  }
  const editTimes: number[] = [];
  let text = big;
  for (let i = 0; i < 10; i++) {
    const at = text.indexOf('the ', 2000 + i * 1500);
    text = text.slice(0, at) + 'the newly ' + text.slice(at + 4);
    const t0 = performance.now();
    index.set(bigUri, text, 2 + i);
    splitTokensAtLines(semanticTokens(index, bigUri), lineStarts(text), text);
    editTimes.push(performance.now() - t0);
  }

  // The server's cold scan, on the main thread and with analysis workers (one core stays with
  // the main thread, which reads, indexes and analyses what the workers have no room for).
  index = newIndex();
  gc?.();
  const workers = poolSize(paths.length);
  const scanMain = await serverScan(dir, undefined);
  gc?.();
  const scanPooled = workers > 0 ? await serverScan(dir, await bundleWorker(dir)) : undefined;

  const figures = {
    scanMainMs: scanMain.ms, scanWorkersMs: scanPooled?.ms ?? NaN, workers,
    files: paths.length, megabytes: bytes / 1e6, coldMs: cold, warmMs, serializeMs, cacheMegabytes,
    heapMegabytes: heap / 1e6, warmHeapMegabytes: warmHeap / 1e6, warmHoverP95: pct(warmHovers.times, 95), hoverP50: pct(hoverTimes, 50), hoverP95: pct(hoverTimes, 95), tokensMs: pct(tokenTimes, 50), tokensFirstMs: tokenTimes[0]!,
    afterEditP50: pct(editTimes, 50), afterEditMax: Math.max(...editTimes),
  };
  console.log(`  index: ${stats.documents} documents, ${stats.stories} stories, ${stats.entities} entity keys, ${stats.mentions} mentions; warm start analysed ${warmStats.analyzeCalls} (cache hits ${warmStats.cacheHits})`);
  line('cold index (read+parse+recognize)', ms(cold), '10 s', cold <= 10_000);
  line('cold scan of the server, no workers', ms(scanMain.ms), '10 s', scanMain.ms <= 10_000);
  if (scanPooled) {
    const st = scanPooled.stats;
    line(`cold index, ${workers} worker${workers > 1 ? 's' : ''} (server scan)`, ms(scanPooled.ms), '10 s', scanPooled.ms <= 10_000);
    const same = st.documents === stats.documents && st.mentions === stats.mentions && st.entities === stats.entities;
    console.log(`    (${st.analyzeCalls} analysed on the main thread, ${st.cacheHits} in workers; ${same ? 'same' : 'DIFFERENT'} documents, mentions and entities as single-threaded)`);
  } else console.log('  cold index with workers: skipped (one core)');
  line('  throughput', `${(bytes / 1e6 / (cold / 1000)).toFixed(2)} MB/s`, '4 MB/s', bytes / 1e6 / (cold / 1000) >= 4);
  line('warm start from cache', ms(warmMs), '1 s', warmMs <= 1000);
  line('  of which reading the cache', ms(restoreMs), '-', true);
  line('  cache size', `${figures.cacheMegabytes.toFixed(1)} MB`, '-', true);
  line('  serialize + write', ms(serializeMs), '-', true);
  line('heap used by the index', `${figures.heapMegabytes.toFixed(1)} MB`, '300 MB', figures.heapMegabytes <= 300);
  line('heap after a warm start', `${figures.warmHeapMegabytes.toFixed(1)} MB`, '300 MB', figures.warmHeapMegabytes <= 300);
  line(`hover p95 (1,000 positions, ${shown} shown)`, ms(figures.hoverP95), '10 ms', figures.hoverP95 <= 10);
  line('hover p95 right after a warm start', ms(figures.warmHoverP95), '10 ms', figures.warmHoverP95 <= 10);
  line('  hover p50', ms(figures.hoverP50), '-', true);
  line(`semantic tokens, 20 KB (${tokenCount} tokens)`, ms(figures.tokensMs), '20 ms', figures.tokensMs <= 20);
  line('tokens after an edit (p50)', ms(figures.afterEditP50), '50 ms', figures.afterEditP50 <= 50);
  line('  after an edit (max)', ms(figures.afterEditMax), '-', true);
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const fi = args.indexOf('--files');
  const files = fi >= 0 ? Number(args[fi + 1]) : 10_000;
  runIndexBench(files, args.includes('--keep')).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
