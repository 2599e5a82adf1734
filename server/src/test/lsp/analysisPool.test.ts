import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { parseArticle } from '../../core/article/parseArticle';
import { encodeAnalysis } from '../../core/index/analysisCodec';
import { createArticleAnalyzer } from '../../core/index/articleAnalyzer';
import { sortedAnalysis } from '../../core/index/indexHelpers';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { createRecognizer } from '../../core/recognize/recognizer';
import { BATCH_CHARS, BATCH_FILES, takeBatch } from '../../core/index/analysisBatches';
import { AnalysisPool, MIN_FILES_FOR_WORKERS, poolSize } from '../../lsp/analysisPool';
import { createBatchHandler, createJobHandler, type AnalysisJob, type AnalysisReply } from '../../lsp/analysisWorker';
import { KnowledgeSwitch } from '../../lsp/annotations/knowledgeSwitch';
import { compileGlobs } from '../../lsp/globs';
import { WorkspaceIndexer } from '../../lsp/workspaceIndexer';

const FIXTURES = path.resolve(__dirname, '../../../../test-fixtures/articles');
const articles = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ uri: URI.file(path.join(FIXTURES, f)).toString(), text: fs.readFileSync(path.join(FIXTURES, f), 'utf8') }));
const FILE_DATE = '2020-01-10';

/** The main thread's analysis with a knowledge switch, as the server composes it. */
function mainThread(knowledge: KnowledgeSwitch) {
  return knowledge.wrap(createArticleAnalyzer({ parse: parseArticle, recognize: (t, o) => knowledge.recognizer.recognize(t, o), fileDate: () => FILE_DATE }));
}

function withKnowledge(): KnowledgeSwitch {
  const k = new KnowledgeSwitch(createRecognizer());
  k.update({ confirmed: [{ text: 'Dawn', type: 'organization' }], rejected: [{ text: 'Islamabad' }] }, new Map());
  return k;
}

/** The worker entry bundled as the build does (a worker thread cannot load the TypeScript source). */
function bundleWorker(dir: string): string {
  const outfile = path.join(dir, 'analysisWorker.js');
  esbuild.buildSync({ entryPoints: [path.resolve(__dirname, '../../lsp/analysisWorker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'error' });
  return outfile;
}

/** Just enough of a connection for the indexer's progress reports. */
function fakeConnection(): Connection {
  const progress = { token: { onCancellationRequested: () => ({ dispose() {} }) }, begin() {}, report() {}, done() {} };
  return { window: { createWorkDoneProgress: async () => progress } } as unknown as Connection;
}

describe('analysis workers for the cold scan', function () {
  this.timeout(60_000);
  let dir: string;
  let workerFile: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pool-'));
    workerFile = bundleWorker(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sizes the pool: none on one core or for a few files, one core kept, at most four', () => {
    assert.equal(poolSize(10_000, 1), 0);
    assert.equal(poolSize(MIN_FILES_FOR_WORKERS - 1, 8), 0);
    assert.equal(poolSize(MIN_FILES_FOR_WORKERS, 2), 1);
    assert.equal(poolSize(10_000, 4), 3);
    assert.equal(poolSize(10_000, 64), 4);
  });

  it('takes batches from the front of the queue: at most BATCH_FILES files and BATCH_CHARS characters, at least one file', () => {
    const queue = Array.from({ length: BATCH_FILES + 10 }, (_, i) => i);
    assert.deepEqual(takeBatch(queue, () => 10), Array.from({ length: BATCH_FILES }, (_, i) => i));
    assert.deepEqual(queue, Array.from({ length: 10 }, (_, i) => BATCH_FILES + i));
    const big = [BATCH_CHARS, 1, BATCH_CHARS / 2, BATCH_CHARS / 2, 1];
    assert.deepEqual(takeBatch(big, (n) => n), [BATCH_CHARS]); // alone over the cap: still taken
    assert.deepEqual(takeBatch(big, (n) => n), [1, BATCH_CHARS / 2]);
    assert.deepEqual(takeBatch(big, (n) => n), [BATCH_CHARS / 2, 1]);
    assert.deepEqual(takeBatch(big, (n) => n), []);
  });

  for (const [name, make] of [['without knowledge', () => new KnowledgeSwitch(createRecognizer())], ['with analyst knowledge', withKnowledge]] as const) {
    it(`the job handler encodes what the main thread analyses, under the index's key (${name})`, () => {
      const knowledge = make();
      const analyze = mainThread(knowledge);
      const handle = createJobHandler(knowledge.saved);
      articles.forEach(({ uri, text }, id) => {
        const reply = handle({ id, uri, text, fileDate: FILE_DATE });
        assert.ok(!('error' in reply), uri);
        assert.equal(reply.id, id);
        assert.equal(reply.hash, knowledge.hash(text), uri);
        assert.deepEqual(JSON.parse(reply.encoded), encodeAnalysis(sortedAnalysis(analyze(uri, text, 0))), uri);
      });
    });
  }

  it('the batch handler replies what the job handler replies job by job; a job that throws fails alone', () => {
    const knowledge = withKnowledge();
    const jobs: AnalysisJob[] = articles.map(({ uri, text }, id) => ({ id, uri, text, fileDate: FILE_DATE }));
    jobs.splice(2, 0, { id: 99, uri: 'file:///broken.article', text: 42 as unknown as string });
    const one = createJobHandler(knowledge.saved);
    const replies = createBatchHandler(knowledge.saved)(jobs);
    // An error's stack differs with the path it took; its message does not.
    const firstLines = (rs: AnalysisReply[]) => rs.map((r) => ('error' in r ? { ...r, error: r.error.split('\n')[0] } : r));
    assert.deepEqual(firstLines(replies), firstLines(jobs.map((job) => one(job))));
    assert.ok('error' in replies[2]! && replies[2].id === 99);
    assert.equal(replies.filter((r) => 'error' in r).length, 1);
  });

  it('the bundled worker gives the main thread analyses; an index primed with them analyses nothing', async () => {
    const knowledge = withKnowledge();
    const pool = new AnalysisPool(2, knowledge.saved, workerFile);
    try {
      const results = await Promise.all(articles.map(({ uri, text }) => pool.analyze(uri, text, FILE_DATE)));
      const reference = new WorkspaceIndex({ analyze: mainThread(knowledge), hash: knowledge.hash });
      const primed = new WorkspaceIndex({ analyze: mainThread(knowledge), hash: knowledge.hash });
      articles.forEach(({ uri, text }, i) => {
        reference.set(uri, text, 0);
        primed.primeAnalysis(results[i]!.hash, results[i]!.encoded);
        primed.set(uri, text, 0);
      });
      assert.equal(primed.stats().analyzeCalls, 0);
      assert.deepEqual(primed.serialize().entries, reference.serialize().entries);
      const { analyzeCalls: _a, cacheHits: _c, ...counts } = primed.stats();
      const { analyzeCalls: _b, cacheHits: _d, ...expected } = reference.stats();
      assert.deepEqual(counts, expected);
    } finally {
      await pool.dispose();
    }
  });

  it('a failing worker rejects its jobs and every later one', async () => {
    const crashing = path.join(dir, 'crashing.js');
    fs.writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });\n");
    const pool = new AnalysisPool(1, undefined, crashing);
    try {
      await assert.rejects(pool.analyze(articles[0]!.uri, articles[0]!.text), /boom/);
      assert.ok(pool.failed);
      await assert.rejects(pool.analyze(articles[1]!.uri, articles[1]!.text), /boom/);
    } finally {
      await pool.dispose();
    }
  });

  describe('the workspace indexer', () => {
    let workspace: string;
    before(() => {
      workspace = path.join(dir, 'workspace');
      fs.mkdirSync(workspace);
      // Distinct contents (identical ones would share one analysis), enough for workers.
      for (let i = 0; i < MIN_FILES_FOR_WORKERS + 10; i++) {
        const { text } = articles[i % articles.length]!;
        fs.writeFileSync(path.join(workspace, `a${i}.article`), `${text}\n\nCopy ${i}.\n`);
      }
    });

    async function scan(workerFile: string | undefined, changeKnowledge = false): Promise<{ index: WorkspaceIndex; log: string[] }> {
      const knowledge = withKnowledge();
      const atStart = knowledge.saved;
      let reads = 0;
      // The knowledge the indexer sees: with `changeKnowledge`, another one after the pool started.
      const seen = changeKnowledge ? { recognizer: knowledge.recognizer, get saved() { return reads++ === 0 ? atStart : undefined; } } : knowledge;
      const log: string[] = [];
      let indexer: WorkspaceIndexer | undefined;
      const index = new WorkspaceIndex({
        analyze: knowledge.wrap(createArticleAnalyzer({ parse: parseArticle, recognize: (t, o) => knowledge.recognizer.recognize(t, o), fileDate: (uri) => indexer?.fileDay(uri) })),
        hash: knowledge.hash,
      });
      indexer = new WorkspaceIndexer({
        connection: fakeConnection(), index, include: () => compileGlobs([]), isOpen: () => false, log: (m) => log.push(m),
        ...(workerFile ? { knowledge: seen, workerFile } : {}),
      });
      await indexer.start([workspace]);
      return { index, log };
    }

    it('indexes with workers exactly what it indexes on the main thread', async function () {
      if (poolSize(MIN_FILES_FOR_WORKERS + 10) === 0) this.skip(); // one core: no workers to compare
      const main = await scan(undefined);
      const pooled = await scan(workerFile);
      assert.equal(main.index.stats().analyzeCalls, MIN_FILES_FOR_WORKERS + 10);
      // The main thread analyses what the workers have no room for; the rest comes from workers.
      const { analyzeCalls, cacheHits } = pooled.index.stats();
      assert.ok(cacheHits >= 32, `analyses from workers: ${cacheHits}`);
      assert.equal(analyzeCalls + cacheHits, MIN_FILES_FOR_WORKERS + 10);
      assert.deepEqual(pooled.index.serialize().entries, main.index.serialize().entries);
      assert.deepEqual(pooled.index.uris().sort(), main.index.uris().sort());
    });

    it('analyses on the main thread when the knowledge changed during the scan', async function () {
      if (poolSize(MIN_FILES_FOR_WORKERS + 10) === 0) this.skip();
      const changed = await scan(workerFile, true);
      assert.equal(changed.index.stats().analyzeCalls, MIN_FILES_FOR_WORKERS + 10, 'no analysis made with the old knowledge is used');
    });

    it('falls back to the main thread when the workers fail', async function () {
      if (poolSize(MIN_FILES_FOR_WORKERS + 10) === 0) this.skip();
      const crashing = path.join(dir, 'crashing.js');
      fs.writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
      const main = await scan(undefined);
      const failed = await scan(crashing);
      assert.equal(failed.index.stats().analyzeCalls, MIN_FILES_FOR_WORKERS + 10);
      assert.deepEqual(failed.index.serialize().entries, main.index.serialize().entries);
      assert.ok(failed.log.some((m) => m.includes('Analysis workers failed')), failed.log.join('\n'));
    });
  });
});
