/**
 * Benchmark of the whole analysis (issue 4): article parsing, entities and
 * dates, on a generated corpus of at least 10 MB built by repeating and
 * varying the real article fixtures and the MEANTIME texts. The whole
 * analysis is timed as a workspace scan does it (files in batches) and file by
 * file: its first pass over the corpus (V8 still compiling, as in a cold
 * workspace scan) and once compiled (best of three passes). compromise runs on
 * a sample of the same text in the same process, in rounds interleaved with
 * Dossier's, both warmed up the same way and timed on main-thread CPU time (best
 * of the rounds), and its rate is extrapolated. Startup (loading the gazetteer
 * and the tagger weights, first call) is measured in fresh processes.
 *
 *   npm run bench -- recognize [--mb 10] [--compromise-kb 400] [--rounds 5]
 *   (or unbundled: npx tsx scripts/bench/recognize.bench.ts)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../server/src/core/article/parseArticle';
import { createRecognizer, type RecognizeItem, type Recognition } from '../../server/src/core/recognize/recognizer';
import { BATCH_FILES, takeBatch } from '../../server/src/core/index/analysisBatches';
import { recognizeEntities, type EntityContext } from '../../server/src/core/recognize/entities';
import { recognizeDates } from '../../server/src/core/recognize/dates/recognizeDates';
import { defaultGazetteer } from '../../server/src/core/recognize/gazetteer';
import { defaultTaggerModel } from '../../server/src/core/recognize/tagger/defaultModel';
import { compileKnowledge, NO_KNOWLEDGE } from '../../server/src/core/recognize/knowledge';

const ROOT = path.resolve(__dirname, '../..');
const ENTITY_CONTEXT: EntityContext = { gazetteer: defaultGazetteer(), model: defaultTaggerModel().value, knowledge: compileKnowledge(NO_KNOWLEDGE) };
const args = process.argv.slice(2);
const opt = (name: string, def: number): number => { const i = args.indexOf(`--${name}`); return i >= 0 ? +args[i + 1] : def; };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Article files: the fixtures, and the MEANTIME texts dressed as stories (headline, date line, body). */
function baseArticles(): string[] {
  const dir = path.join(ROOT, 'test-fixtures/articles');
  const out = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const meantime = path.resolve(ROOT, '../shared/eval/meantime-en.jsonl');
  if (fs.existsSync(meantime)) {
    const docs = fs.readFileSync(meantime, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; dct: string });
    let file = '';
    for (const d of docs) {
      const [headline, , ...body] = d.text.split('\n');
      const [y, m, day] = d.dct.split('-');
      file += `${headline}\n\nUpdated ${+day} ${MONTHS[+m - 1]} ${y}\nFollow\n\n${headline}\n\n${body.join('\n\n')}\n\n\n`;
      if (file.length > 20000) { out.push(file); file = ''; }
    }
    if (file) out.push(file);
  }
  return out;
}

/** Varies a file: story order, numbers and dates change, so nothing is a verbatim repeat. */
function vary(text: string, r: () => number): string {
  let t = text.replace(/\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/g,
    () => `${1 + Math.floor(r() * 28)} ${MONTHS[Math.floor(r() * 12)]} ${2005 + Math.floor(r() * 20)}`);
  t = t.replace(/\b\d{2,3}\b/g, (d) => String(Math.max(10, +d + Math.floor(r() * 9) - 4)));
  const stories = t.split(/\n\n\n(?=\S)/);
  for (let i = stories.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [stories[i], stories[j]] = [stories[j], stories[i]]; }
  return stories.join('\n\n\n');
}

function corpus(minChars: number): string[] {
  const base = baseArticles();
  const r = rng(42);
  const files: string[] = [];
  let n = 0;
  for (let i = 0; n < minChars; i++) {
    const f = vary(base[i % base.length], r);
    files.push(f);
    n += f.length;
  }
  return files;
}

/** The whole analysis of one file, as the language server does it: parse, then entities and dates story by story. */
function analyzeFile(recognizer: ReturnType<typeof createRecognizer>, text: string): number {
  const model = parseArticle(text).value;
  let mentions = 0;
  for (const s of model.stories) {
    const slice = text.slice(s.start, s.end);
    const spans = s.parts.filter((p) => p.kind !== 'boilerplate').map((p) => ({ start: p.start - s.start, end: p.end - s.start }));
    const r = recognizer.recognize(slice, { referenceDate: s.date?.value, spans });
    mentions += r.entities.length + r.dates.length;
  }
  return mentions;
}

/**
 * The whole analysis of many files as a workspace scan's workers do it (`createBatchHandler`):
 * in batches (`takeBatch`: up to `BATCH_FILES` files), each batch parsed, then the stories of all its files
 * recognized together (`recognizeAll`: entities of every story, then dates of every story).
 * The results are those of `analyzeFile` file by file (see the output digest).
 */
function analyzeFiles(recognizer: ReturnType<typeof createRecognizer>, files: readonly string[]): Recognition[] {
  const out: Recognition[] = [];
  const queue = [...files];
  while (queue.length > 0) {
    const items: RecognizeItem[] = [];
    for (const text of takeBatch(queue, (f) => f.length)) {
      for (const s of parseArticle(text).value.stories) {
        const spans = s.parts.filter((p) => p.kind !== 'boilerplate').map((p) => ({ start: p.start - s.start, end: p.end - s.start }));
        items.push({ text: text.slice(s.start, s.end), options: { referenceDate: s.date?.value, spans } });
      }
    }
    for (const r of recognizer.recognizeAll(items)) out.push(r);
  }
  return out;
}

const mentionsOf = (rs: readonly Recognition[]): number => rs.reduce((a, r) => a + r.entities.length + r.dates.length, 0);

/** Entities alone, through the core entity pipeline the recognizer calls. */
function recognizeEntitiesOnly(text: string): number {
  return recognizeEntities(text, ENTITY_CONTEXT).length;
}

/**
 * A digest of everything the whole analysis returns for the corpus (stories, parts,
 * entities, dates): speed work must leave it unchanged. Computed outside the timings, file by
 * file and in a scan's batches: both must give the same results (else it says so).
 */
function outputDigest(recognizer: ReturnType<typeof createRecognizer>, files: readonly string[]): string {
  const h = createHash('sha256');
  const batched = createHash('sha256');
  const recognitions = analyzeFiles(recognizer, files);
  let next = 0;
  for (const text of files) {
    const model = parseArticle(text).value;
    h.update(JSON.stringify(model));
    batched.update(JSON.stringify(model));
    for (const s of model.stories) {
      const slice = text.slice(s.start, s.end);
      const spans = s.parts.filter((p) => p.kind !== 'boilerplate').map((p) => ({ start: p.start - s.start, end: p.end - s.start }));
      h.update(JSON.stringify(recognizer.recognize(slice, { referenceDate: s.date?.value, spans })));
      batched.update(JSON.stringify(recognitions[next++]));
    }
  }
  const digest = h.digest('hex').slice(0, 16);
  const batchDigest = batched.digest('hex').slice(0, 16);
  return batchDigest === digest ? digest : `${digest} file by file, but ${batchDigest} in batches: THE BATCHED ANALYSIS DIFFERS`;
}

const processCpu = (): number => { const d = process.cpuUsage(); return (d.user + d.system) / 1e6; };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const hasThreadClock = ((): boolean => { try { return fs.readFileSync(SCHEDSTAT, 'utf8').length > 0; } catch { return false; } })();

/**
 * CPU seconds of this (the main) thread alone: Linux's scheduler statistics, in nanoseconds.
 * Elsewhere the process's CPU time stands in.
 */
const mainThreadCpu = (): number => (hasThreadClock ? +fs.readFileSync(SCHEDSTAT, 'utf8').split(' ')[0] / 1e9 : processCpu());

/**
 * Waits until V8's background threads stop using CPU (the process's CPU time stops growing
 * while this thread sleeps), so a measured pass does not start in the middle of the sweeping
 * and marking of the garbage the pass before it left, which may be the other contender's.
 * (A forced full collection here was worse: the passes after it ran up to 40 % slower.)
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const c0 = processCpu();
    await sleep(25);
    if (processCpu() - c0 < 0.002) return;
  }
}

/** CPU seconds of one pass of `f`, started once background threads are quiet. */
async function cpuSeconds(f: () => void): Promise<number> {
  return (await timed(f)).process;
}

/** One pass's CPU time: the whole process's, and the main thread's alone. */
interface PassTime { readonly process: number; readonly main: number }

async function timed(f: () => void): Promise<PassTime> {
  await settle();
  const p0 = processCpu();
  const m0 = mainThreadCpu();
  f();
  const main = mainThreadCpu() - m0;
  return { process: processCpu() - p0, main };
}

const fastest = (a: PassTime, b: PassTime): PassTime => ({ process: Math.min(a.process, b.process), main: Math.min(a.main, b.main) });
const NEVER: PassTime = { process: Infinity, main: Infinity };

async function main(): Promise<void> {
  const mb = opt('mb', 10);
  const files = corpus(mb * 1e6);
  const chars = files.reduce((a, f) => a + f.length, 0);
  const bytes = files.reduce((a, f) => a + Buffer.byteLength(f, 'utf8'), 0);
  console.log(`corpus: ${files.length} article files, ${(bytes / 1e6).toFixed(1)} MB (${(chars / 1e6).toFixed(1)} M chars), from ${baseArticles().length} base files varied`);

  const recognizer = createRecognizer();
  for (let i = 0; i < 20; i++) analyzeFile(recognizer, files[i % files.length]); // warm-up
  const mbps = (s: number): string => (bytes / 1e6 / s).toFixed(1);
  const best = async (runs: number, f: () => void): Promise<number> => { let b = Infinity; for (let r = 0; r < runs; r++) b = Math.min(b, await cpuSeconds(f)); return b; };
  // The whole pipeline once, as a cold scan of the workspace meets it: V8 is still compiling
  // the code (its compiler threads count in the CPU time), then again once it has.
  let mentions = 0;
  let firstWall = 0;
  const firstCpu = await cpuSeconds(() => {
    const wall0 = performance.now();
    mentions = mentionsOf(analyzeFiles(recognizer, files));
    firstWall = (performance.now() - wall0) / 1000;
  });
  // Parts measured separately on the same corpus (best of two passes).
  let parsed = 0;
  const parseCpu = await best(2, () => { parsed = 0; for (const f of files) parsed += parseArticle(f).value.stories.length; });
  // Story texts once, to time entities and dates alone.
  const stories: { text: string; date?: string }[] = [];
  for (const f of files) for (const s of parseArticle(f).value.stories) stories.push({ text: f.slice(s.start, s.end), date: s.date?.value });
  let ents = 0;
  const entityCpu = await best(2, () => { ents = 0; for (const s of stories) ents += recognizeEntitiesOnly(s.text); });
  let dates = 0;
  const datesCpu = await best(2, () => { dates = 0; for (const s of stories) dates += recognizeDates(s.text, s.date).length; });
  const steadyCpu = await best(3, () => { analyzeFiles(recognizer, files); });
  const fileByFileCpu = await best(3, () => { for (const f of files) analyzeFile(recognizer, f); });
  console.log(`parse only:      ${mbps(parseCpu)} MB/s (${parsed} stories)`);
  console.log(`entities only:   ${mbps(entityCpu)} MB/s (${ents} mentions)`);
  console.log(`dates only:      ${mbps(datesCpu)} MB/s (${dates} mentions)`);
  console.log(`whole analysis:  ${mbps(steadyCpu)} MB/s CPU time once compiled, as a workspace scan analyses files (batches of ${BATCH_FILES}; best of 3 passes; ${mentions} entity and date mentions; one core, shared machine)`);
  console.log(`  file by file:  ${mbps(fileByFileCpu)} MB/s (one document at a time, as after an edit; the same results)`);
  console.log(`  first pass:    ${mbps(firstCpu)} MB/s CPU time, ${mbps(firstWall)} MB/s wall clock (V8 still compiling: a cold workspace scan)`);
  console.log(`output digest:   ${outputDigest(recognizer, files)} (sha256 of every parse and recognize result; unchanged by work that only makes it faster)`);

  // compromise on a sample of the same files, measured like Dossier.
  const sampleKb = opt('compromise-kb', 400);
  // The measured sample, and a warm-up sample of other files (so nothing can be remembered from the warm-up).
  const sample: string[] = [];
  const warmUp: string[] = [];
  let sampleChars = 0;
  let i = 0;
  for (; sampleChars < sampleKb * 1000 && i < files.length; i++) { sample.push(files[i]); sampleChars += files[i].length; }
  for (let warmChars = 0; warmChars < sampleKb * 1000 && i < files.length; i++) { warmUp.push(files[i]); warmChars += files[i].length; }
  const sampleBytes = sample.reduce((a, f) => a + Buffer.byteLength(f, 'utf8'), 0);
  const nlp = (await import('compromise')).default;
  const compromiseOn = (texts: readonly string[]): void => {
    for (const f of texts) {
      const doc = nlp(f);
      for (const v of [doc.people(), doc.places(), doc.organizations()]) v.json({ offset: true, terms: false });
    }
  };
  // Interleaved rounds, the same protocol for both: a warm-up pass over the other files right
  // before each measured pass on the sample, best of the rounds. This bench used to measure
  // Dossier's sample only after compromise had run for seconds, and charged it with the state
  // compromise leaves in the process: on this machine Dossier ran the sample at 11 MB/s before
  // compromise ran and at 6-8 MB/s for the next several passes after it.
  // The ratio is taken on main-thread CPU time: process CPU time also counts V8's background
  // threads, whose sweeping and marking work on whichever contender's garbage fills the shared
  // heap (after compromise had run, Dossier's main thread ran the sample at 11-12 MB/s while the
  // process as a whole was charged 6-10 MB/s). Both contenders are measured the same way, and
  // compromise's own background collection is left out of its time too.
  const rounds = opt('rounds', 5);
  let compFirst = NEVER;
  let comp = NEVER;
  let ours = NEVER;
  let oursFileByFile = NEVER;
  let sameTask = NEVER;
  for (let r = 0; r < rounds; r++) {
    analyzeFiles(recognizer, warmUp);
    ours = fastest(ours, await timed(() => { analyzeFiles(recognizer, sample); }));
    for (const f of warmUp) analyzeFile(recognizer, f);
    oursFileByFile = fastest(oursFileByFile, await timed(() => { for (const f of sample) analyzeFile(recognizer, f); }));
    // compromise's own task: names of the raw files with offsets (no parse, no dates).
    for (const f of warmUp) recognizeEntitiesOnly(f);
    sameTask = fastest(sameTask, await timed(() => { for (const f of sample) recognizeEntitiesOnly(f); }));
    const warm = await timed(() => compromiseOn(warmUp));
    if (r === 0) compFirst = warm; // its first pass: still compiling
    comp = fastest(comp, await timed(() => compromiseOn(sample)));
  }
  const sampleMb = sampleBytes / 1e6;
  const warmMb = warmUp.reduce((a, f) => a + Buffer.byteLength(f, 'utf8'), 0) / 1e6;
  const compRate = sampleMb / comp.main;
  const oursRate = sampleMb / ours.main;
  // Words as compromise counts them (outside the timings), to compare with a words-per-second figure.
  let sampleWords = 0;
  for (const f of sample) sampleWords += nlp(f).wordCount();
  const clock = hasThreadClock ? 'main-thread CPU time' : 'process CPU time (no per-thread clock here)';
  console.log(`compromise:      ${compRate.toFixed(3)} MB/s (${(sampleWords / comp.main / 1000).toFixed(1)}k words/s) on a ${(sampleBytes / 1e3).toFixed(0)} KB sample of the same files, ${clock}, best of ${rounds} passes, each after a pass over ${(warmMb * 1e3).toFixed(0)} KB of other files (its first at ${(warmMb / compFirst.main).toFixed(3)} MB/s); people/places/organizations with offsets, no parsing, no dates`);
  console.log(`  same sample, Dossier whole analysis in a scan's batches: ${oursRate.toFixed(1)} MB/s -> ${(oursRate / compRate).toFixed(0)}x compromise, both compiled, measured the same way (extrapolated to the full corpus: compromise would take ${(bytes / 1e6 / compRate).toFixed(0)} s vs ${steadyCpu.toFixed(1)} s)`);
  console.log(`  file by file:  Dossier whole analysis ${(sampleMb / oursFileByFile.main).toFixed(1)} MB/s -> ${(comp.main / oursFileByFile.main).toFixed(0)}x compromise`);
  console.log(`  same task:     Dossier entities of the raw files (no parse, no dates) ${(sampleMb / sameTask.main).toFixed(1)} MB/s -> ${(comp.main / sameTask.main).toFixed(0)}x compromise`);
  console.log(`  process CPU:   Dossier ${(sampleMb / ours.process).toFixed(1)} MB/s vs compromise ${(sampleMb / comp.process).toFixed(3)} MB/s -> ${(comp.process / ours.process).toFixed(0)}x (background collector threads counted for both)`);
  console.log(`  first passes:  Dossier ${mbps(firstCpu)} MB/s vs compromise ${(warmMb / compFirst.process).toFixed(3)} MB/s -> ${(bytes / 1e6 / firstCpu / (warmMb / compFirst.process)).toFixed(0)}x (process CPU time)`);

  // Startup: fresh processes loading the recognizer (gazetteer + weights) and running a first call.
  const bundle = process.env.DOSSIER_BENCH_BUNDLE;
  if (bundle && fs.existsSync(bundle)) {
    const median = (f: () => number): number => { const xs = [0, 1, 2, 3, 4].map(f).sort((a, b) => a - b); return xs[2]; };
    const ready = median(() => +execFileSync(process.execPath, [bundle, '--startup-probe'], { encoding: 'utf8' }).trim());
    const boot = median(() => +execFileSync(process.execPath, ['-e', 'process.stdout.write(String(performance.now()))'], { encoding: 'utf8' }).trim());
    console.log(`startup:         ${(ready - boot).toFixed(0)} ms (median of 5 fresh processes: ${ready.toFixed(0)} ms from process start to the first result, minus ${boot.toFixed(0)} ms of bare node boot; includes loading the gazetteer and weights, createRecognizer and a first recognize)`);
  } else {
    console.log('startup:         (run through `npm run bench` to measure it on the bundle)');
  }
  console.log(`targets: whole analysis >= 10 MB/s on one core, >= 100x compromise; startup <= 300 ms`);
}

if (args.includes('--startup-probe')) {
  // From process start: node boot, the bundle's module code (the gazetteer and weights are
  // inlined JSON), createRecognizer (decodes the weights) and a first call.
  const r = createRecognizer();
  r.recognize('Prime Minister Imran Khan met officials in Lahore on Friday.', { referenceDate: '2024-01-19' });
  process.stdout.write(`${performance.now()}\n`);
} else {
  void main();
}
