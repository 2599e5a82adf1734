/**
 * Worker-thread entry (bundled as `dist/analysisWorker.js`): analyses article
 * texts of a cold scan off the main thread with the same pure analyzer the
 * server's index uses (parser + default recognizer + the analyst knowledge in
 * force when the pool started), and answers with the encoded analysis keyed
 * by the salted content hash, for `WorkspaceIndex.primeAnalysis`.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArticle } from '../core/article/parseArticle';
import { encodeAnalysis } from '../core/index/analysisCodec';
import { createArticleAnalyzer } from '../core/index/articleAnalyzer';
import { sortedAnalysis } from '../core/index/indexHelpers';
import { asciiJson } from '../core/index/snapshotJson';
import { createRecognizer } from '../core/recognize/recognizer';
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
  const knowledgeSwitch = new KnowledgeSwitch(createRecognizer());
  if (knowledge) knowledgeSwitch.startWith(() => knowledge);
  let fileDate: string | undefined;
  const analyze = knowledgeSwitch.wrap(createArticleAnalyzer({
    parse: parseArticle,
    recognize: (text, options) => knowledgeSwitch.recognizer.recognize(text, options),
    fileDate: () => fileDate,
  }));
  return (job) => {
    try {
      fileDate = job.fileDate;
      // Sorted as the index sorts what its own analyzer returns, so both encode alike.
      const encoded = asciiJson(encodeAnalysis(sortedAnalysis(analyze(job.uri, job.text, 0))));
      return { id: job.id, hash: knowledgeSwitch.hash(job.text), encoded };
    } catch (err) {
      return { id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) };
    }
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const handle = createJobHandler((workerData as AnalysisWorkerData | undefined)?.knowledge);
  port.on('message', (job: AnalysisJob) => port.postMessage(handle(job)));
}
