import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisJob, AnalysisReply, AnalysisWorkerData } from './analysisWorker';
import type { SavedKnowledge } from './annotations/knowledgeSwitch';

/** Fewer files than this are analysed on the main thread: starting workers would cost more. */
export const MIN_FILES_FOR_WORKERS = 50;
const MAX_WORKERS = 4;

/** The bundled worker entry, next to the server bundle (`dist/analysisWorker.js`). */
export const BUNDLED_WORKER_FILE = path.join(__dirname, 'analysisWorker.js');

/**
 * Workers for a scan of `files` files on `cores` cores: one core stays with
 * the main thread (it reads files and feeds the index), at most four, none
 * on one core or for a few files.
 */
export function poolSize(files: number, cores: number = os.availableParallelism()): number {
  if (cores <= 1 || files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(MAX_WORKERS, Math.max(1, cores - 1));
}

/** A worker's analysis: the encoded analysis (`EncodedAnalysis` as JSON text) and the salted content hash it is keyed by. */
export interface PooledAnalysis {
  readonly hash: string;
  readonly encoded: string;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve(a: PooledAnalysis): void; reject(e: Error): void }>;
}

/**
 * Worker threads that analyse article texts for a cold scan (see
 * `analysisWorker.ts`), all with the analyst knowledge given at creation.
 * Jobs go to the least busy worker. A worker that fails (crash, error, exit)
 * rejects its pending and later jobs: the caller then analyses on the main
 * thread, so a failure costs speed, never results.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  /**
   * @param size number of workers (at least one)
   * @param knowledge the analyst knowledge the analyses are made with
   * @param workerFile the worker script (defaults to the bundled one)
   */
  constructor(size: number, readonly knowledge: SavedKnowledge | undefined, workerFile: string = BUNDLED_WORKER_FILE) {
    const workerData: AnalysisWorkerData = knowledge ? { knowledge } : {};
    for (let i = 0; i < Math.max(1, size); i++) {
      const slot: Slot = { worker: new Worker(workerFile, { workerData }), pending: new Map() };
      slot.worker.on('message', (reply: AnalysisReply) => this.settle(slot, reply));
      slot.worker.on('error', (err) => this.fail(err));
      slot.worker.on('exit', (code) => this.fail(new Error(`analysis worker exited with code ${code}`)));
      this.slots.push(slot);
    }
  }

  /**
   * A pool for a scan of `files` files, or undefined when workers would not
   * help (one core, few files) or the bundled worker is missing (e.g. when
   * the server runs from source).
   */
  static forScan(files: number, knowledge: SavedKnowledge | undefined, workerFile: string = BUNDLED_WORKER_FILE): AnalysisPool | undefined {
    const size = poolSize(files);
    if (size === 0 || !fs.existsSync(workerFile)) return undefined;
    return new AnalysisPool(size, knowledge, workerFile);
  }

  /** Number of workers. */
  get size(): number {
    return this.slots.length;
  }

  /** The first failure, once a worker failed (the pool takes no more jobs). */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Analyses one text in a worker; rejects when the pool failed or was disposed. */
  analyze(uri: string, text: string, fileDate?: string): Promise<PooledAnalysis> {
    if (this.failure) return Promise.reject(this.failure);
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    const id = this.nextId++;
    const job: AnalysisJob = fileDate === undefined ? { id, uri, text } : { id, uri, text, fileDate };
    return new Promise<PooledAnalysis>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage(job);
    });
  }

  /** Stops the workers; pending jobs are rejected. */
  async dispose(): Promise<void> {
    this.fail(new Error('analysis pool disposed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private settle(slot: Slot, reply: AnalysisReply): void {
    const job = slot.pending.get(reply.id);
    if (!job) return;
    slot.pending.delete(reply.id);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve({ hash: reply.hash, encoded: reply.encoded });
  }

  /** Any worker failing fails the pool: the remaining files go to the main thread. */
  private fail(err: Error): void {
    this.failure ??= err;
    for (const slot of this.slots) {
      for (const job of slot.pending.values()) job.reject(this.failure);
      slot.pending.clear();
    }
  }
}
