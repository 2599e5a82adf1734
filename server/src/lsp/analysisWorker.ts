/**
 * Worker-thread entry (bundled as `dist/analysisWorker.js`): analyses article
 * texts of a cold scan off the main thread with the same pure analyzer the
 * server's index uses (parser + default recognizer + the analyst knowledge in
 * force when the pool started), and answers with the encoded analysis keyed
 * by the salted content hash, for `WorkspaceIndex.primeAnalysis`. The jobs
 * waiting in its queue are analysed together, in batches (`takeBatch`).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArticle } from '../core/article/parseArticle';
import { encodeAnalysis } from '../core/index/analysisCodec';
import { createBatchAnalyzer } from '../core/index/articleAnalyzer';
import type { TextAnalysis } from '../core/index/documentAnalysis';
import { sortedAnalysis } from '../core/index/indexHelpers';
import { asciiJson } from '../core/index/snapshotJson';
import { createRecognizer } from '../core/recognize/recognizer';
import { takeBatch } from '../core/index/analysisBatches';
import { KnowledgeSwitch, type SavedKnowledge } from './annotations/knowledgeSwitch';

/** One file to analyse. */
export interface AnalysisJob {
  readonly id: number;
  readonly uri: string;
  readonly text: string;
  /** The file's modification day, the parser's last-resort reference date. */
  readonly fileDate?: string;
}

/** The answer to a job: the analysis and its index key, or why it failed. */
export type AnalysisReply =
  /** `encoded`: the `EncodedAnalysis` as JSON text (one string crosses threads much faster than a tree of arrays). */
  | { readonly id: number; readonly hash: string; readonly encoded: string }
  | { readonly id: number; readonly error: string };

/** What a worker is started with. */
export interface AnalysisWorkerData {
  /** The analyst knowledge in force (`KnowledgeSwitch.saved`); undefined: none. */
  readonly knowledge?: SavedKnowledge;
}

/**
 * The job handler a worker runs, exported so tests can compare it with the
 * main thread's analysis without a thread. The knowledge goes through a
 * {@link KnowledgeSwitch} like on the main thread, so the recognizer, the
 * `here` rejections and the hash salt are the same.
 */
export function createJobHandler(knowledge: SavedKnowledge | undefined): (job: AnalysisJob) => AnalysisReply {
  const handleBatch = createBatchHandler(knowledge);
  return (job) => handleBatch([job])[0]!;
}

/**
 * The job handler for several jobs at once: the same replies as one by one, faster (the
 * stories of all the jobs' files are recognized together, see `createBatchAnalyzer`). A batch
 * that throws is retried job by job, so one bad file fails alone.
 */
export function createBatchHandler(knowledge: SavedKnowledge | undefined): (jobs: readonly AnalysisJob[]) => AnalysisReply[] {
  const knowledgeSwitch = new KnowledgeSwitch(createRecognizer());
  if (knowledge) knowledgeSwitch.startWith(() => knowledge);
  const analyze = knowledgeSwitch.wrapBatch(createBatchAnalyzer({
    parse: parseArticle,
    recognize: (text, options) => knowledgeSwitch.recognizer.recognize(text, options),
    recognizeAll: (items) => knowledgeSwitch.recognizer.recognizeAll(items),
  }));
  // Sorted as the index sorts what its own analyzer returns, so both encode alike.
  const reply = (job: AnalysisJob, analysis: TextAnalysis): AnalysisReply =>
    ({ id: job.id, hash: knowledgeSwitch.hash(job.text), encoded: asciiJson(encodeAnalysis(sortedAnalysis(analysis))) });
  const failure = (job: AnalysisJob, err: unknown): AnalysisReply =>
    ({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
  const run = (jobs: readonly AnalysisJob[]): AnalysisReply[] => {
    const analyses = analyze(jobs);
    return jobs.map((job, i) => reply(job, analyses[i]!));
  };
  return (jobs) => {
    try {
      return run(jobs);
    } catch (err) {
      if (jobs.length === 1) return [failure(jobs[0]!, err)];
      return jobs.map((job) => { try { return run([job])[0]!; } catch (e) { return failure(job, e); } });
    }
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const handle = createBatchHandler((workerData as AnalysisWorkerData | undefined)?.knowledge);
  // Jobs are queued as they arrive and analysed together once the messages already delivered
  // are in: a batch's stories are recognized stage by stage (see `createBatchHandler`).
  const queue: AnalysisJob[] = [];
  let scheduled = false;
  const drain = (): void => {
    scheduled = false;
    const batch = takeBatch(queue, (job) => (typeof job.text === 'string' ? job.text.length : 0));
    for (const r of handle(batch)) port.postMessage(r);
    if (queue.length > 0 && !scheduled) { scheduled = true; setImmediate(drain); }
  };
  port.on('message', (job: AnalysisJob) => {
    queue.push(job);
    if (!scheduled) { scheduled = true; setImmediate(drain); }
  });
}
