import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Connection } from 'vscode-languageserver';
import { looksLikeArticle } from '../core/features/sniff';
import { snapshotJson } from '../core/index/snapshotJson';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { readArticleFile } from '../node/readArticleFile';
import { writeFileAtomic } from '../node/sidecarAtomicWrite';
import { walkWorkspace } from '../node/walkWorkspace';
import { BATCH_CHARS, BATCH_FILES } from '../core/index/analysisBatches';
import { AnalysisPool } from './analysisPool';
import type { SavedKnowledge } from './annotations/knowledgeSwitch';
import type { Globs } from './globs';

/** Version the index gets for content read from disk (open documents carry the editor's versions). */
const DISK_VERSION = 0;
const SNIFF_CHARS = 4096;
const CACHE_FILE = 'index-cache.json';
/**
 * Files queued per worker: enough that a worker still has work when the main
 * thread, busy analysing a file itself, gets to its replies late, and that the
 * next batch fills while one is analysed.
 */
const WINDOW_PER_WORKER = 2 * BATCH_FILES;
/** Characters of the texts queued per worker: the window's files are few when they are large. */
const WINDOW_CHARS_PER_WORKER = 2 * BATCH_CHARS;
/** Files sent to the workers whose reads have not finished: their sizes are not known yet. */
const MAX_UNREAD = 32;

/** What the files sent to the workers hold: those still being read, and the characters of those read. */
interface WorkerWindow {
  unread: number;
  chars: number;
}

/** What the indexer needs from the rest of the server. */
export interface IndexerHost {
  readonly connection: Connection;
  readonly index: WorkspaceIndex;
  /** The `dossier.articles.include` globs, matched against workspace-relative paths. */
  include(): Globs;
  /** True while the editor holds the document open: the editor's text wins over the disk's. */
  isOpen(uri: string): boolean;
  /** Folder for the persistent cache; undefined disables it. */
  readonly storagePath?: string;
  log(message: string): void;
  /**
   * The analyst knowledge the index's analyzer applies (the `KnowledgeSwitch`).
   * With it, a cold scan analyses in worker threads with that knowledge;
   * without it, everything is analysed on the main thread.
   */
  readonly knowledge?: { readonly recognizer: unknown; readonly saved: SavedKnowledge | undefined };
  /** The worker script (tests); defaults to the bundled `analysisWorker.js`. */
  readonly workerFile?: string;
}

/** A file read for the index: its uri, text, and the read's ticket (a later read of the same uri supersedes it). */
interface ReadFile {
  readonly uri: string;
  readonly text: string;
  readonly ticket: number;
}

/**
 * Feeds the workspace index from disk: a cold or warm scan of the workspace
 * folders with cancellable progress, file-watcher events, and the persistent
 * cache of analyses (keyed by content, so a restart re-reads files but does
 * not re-analyse unchanged ones).
 */
export class WorkspaceIndexer {
  private folders: string[] = [];
  private ready = false;
  private scanGeneration = 0;
  private cacheTimer: NodeJS.Timeout | undefined;
  /** Modification day of each file read, the parser's last-resort reference date. */
  private readonly fileDays = new Map<string, string>();
  /** Latest read of each uri whose analysis is in flight in a worker: an older result must not overwrite it. */
  private readonly tickets = new Map<string, number>();
  private readCount = 0;

  constructor(private readonly host: IndexerHost) {}

  /** The day a file was last modified on disk (`YYYY-MM-DD`), when it has been read. */
  fileDay(uri: string): string | undefined {
    return this.fileDays.get(uri);
  }

  /** True once the first full scan has finished (or was cancelled). */
  get isReady(): boolean {
    return this.ready;
  }

  /** Restores the cache, then scans every folder with progress. Resolves when done. */
  async start(folders: readonly string[]): Promise<void> {
    this.folders = [...folders];
    await this.restoreCache();
    await this.scan();
  }

  /** Rescans everything (e.g. after `dossier.articles.include` changed). */
  async scan(): Promise<void> {
    const generation = ++this.scanGeneration;
    const { connection, index } = this.host;
    const progress = await connection.window.createWorkDoneProgress();
    let cancelled = false;
    progress.token.onCancellationRequested(() => { cancelled = true; });
    const isCancelled = () => cancelled || generation !== this.scanGeneration;
    progress.begin('Dossier: indexing articles', 0, 'looking for articles…', true);
    const t0 = Date.now();
    let files = 0;
    try {
      const candidates = (await Promise.all(this.folders.map((f) => walkWorkspace(f, isCancelled)))).flat();
      const seen = new Set<string>();
      const pool = this.openPool(candidates.length);
      // With workers, files go to a worker while it has room in its queue and are indexed as their
      // analyses come back; otherwise the main thread analyses the file itself (it is a core too).
      const inFlight: Array<Promise<boolean>> = [];
      const room = pool ? pool.size * WINDOW_PER_WORKER : 0;
      const roomChars = pool ? pool.size * WINDOW_CHARS_PER_WORKER : 0;
      const window: WorkerWindow = { unread: 0, chars: 0 };
      let busy = 0;
      try {
        for (let i = 0; i < candidates.length && !isCancelled(); i++) {
          const uri = URI.file(candidates[i].path).toString();
          seen.add(uri);
          if (pool && !pool.failed && busy < room && window.unread < MAX_UNREAD && window.chars < roomChars) {
            busy++;
            inFlight.push(this.indexFileInWorker(pool, candidates[i].path, candidates[i].kind === 'article', window).finally(() => busy--));
          } else if (await this.indexFile(candidates[i].path, candidates[i].kind === 'article')) files++;
          if (i % 25 === 0) {
            progress.report(Math.round((100 * i) / candidates.length), `${i} of ${candidates.length} files`);
            await new Promise((r) => setImmediate(r)); // let hovers and edits of open documents through
          }
        }
        for (const indexed of await Promise.all(inFlight)) if (indexed) files++;
      } finally {
        if (pool) {
          if (pool.failed) this.host.log(`Analysis workers failed, analysing on the main thread: ${pool.failed.message}`);
          await pool.dispose();
        }
      }
      if (!isCancelled()) {
        // Files that vanished while the server was down.
        for (const uri of index.uris()) if (!seen.has(uri) && !this.host.isOpen(uri)) index.delete(uri);
      }
    } finally {
      progress.done();
    }
    if (generation === this.scanGeneration) this.ready = true;
    const stats = index.stats();
    this.host.log(`Indexed ${files} article files in ${Date.now() - t0} ms${cancelled ? ' (cancelled)' : ''}; ${JSON.stringify(stats)}`);
    this.scheduleCacheWrite();
  }

  /**
   * Reads one file and puts it in the index if it is an article; removes it
   * otherwise. Returns whether it is indexed.
   */
  async indexFile(file: string, isArticleByName = file.toLowerCase().endsWith('.article')): Promise<boolean> {
    const read = await this.readArticle(file, isArticleByName);
    if (typeof read === 'boolean') return read;
    this.tickets.delete(read.uri);
    this.host.index.set(read.uri, read.text, DISK_VERSION);
    this.scheduleCacheWrite();
    return true;
  }

  /**
   * `indexFile` with the analysis made in a worker of `pool`. The result is
   * dropped when the file was read again meanwhile or opened in the editor;
   * it is used only when the knowledge it was made with is still in force
   * (otherwise, or when the worker failed, the index analyses the text on
   * the main thread: correct results win over speed).
   */
  private async indexFileInWorker(pool: AnalysisPool, file: string, isArticleByName: boolean, window: WorkerWindow): Promise<boolean> {
    window.unread++;
    let read: ReadFile | boolean;
    try {
      read = await this.readArticle(file, isArticleByName);
    } finally {
      window.unread--;
    }
    if (typeof read === 'boolean') return read;
    window.chars += read.text.length;
    try {
      return await this.indexReadInWorker(pool, read);
    } finally {
      window.chars -= read.text.length;
    }
  }

  /** The second half of `indexFileInWorker`: the file is read. */
  private async indexReadInWorker(pool: AnalysisPool, read: ReadFile): Promise<boolean> {
    const { uri, text, ticket } = read;
    this.tickets.set(uri, ticket);
    const analysis = await pool.analyze(uri, text, this.fileDays.get(uri)).catch(() => undefined);
    if (this.tickets.get(uri) !== ticket) return this.host.index.document(uri) !== undefined;
    this.tickets.delete(uri);
    if (this.host.isOpen(uri)) return this.host.index.document(uri) !== undefined;
    if (analysis && this.host.knowledge?.saved === pool.knowledge) this.host.index.primeAnalysis(analysis.hash, analysis.encoded);
    this.host.index.set(uri, text, DISK_VERSION);
    this.scheduleCacheWrite();
    return true;
  }

  /**
   * Reads a file for the index. Returns the text when it is an article to
   * index; otherwise removes it from the index and returns false, or returns
   * whether it is indexed when the editor holds it open (the editor wins).
   */
  private async readArticle(file: string, isArticleByName: boolean): Promise<ReadFile | boolean> {
    const uri = URI.file(file).toString();
    if (this.host.isOpen(uri)) return this.host.index.document(uri) !== undefined;
    const ticket = ++this.readCount;
    // A read started now supersedes any analysis of an older read still in a worker.
    if (this.tickets.has(uri)) this.tickets.set(uri, ticket);
    const read = await readArticleFile(file);
    const dropped = (): false => {
      if (this.tickets.get(uri) === ticket) this.tickets.delete(uri); // the older analysis stays superseded: its ticket is gone
      this.host.index.delete(uri);
      return false;
    };
    if (!read.ok) {
      if (read.reason !== 'missing') this.host.log(read.message);
      return dropped();
    }
    if (read.warning) this.host.log(read.warning);
    this.fileDays.set(uri, new Date(read.mtimeMs).toISOString().slice(0, 10));
    if (!isArticleByName && !this.isIncluded(file) && !looksLikeArticle(read.text.slice(0, SNIFF_CHARS)).isArticle) return dropped();
    return { uri, text: read.text, ticket };
  }

  /** Workers for a scan of `files` files, when they help and the analyst knowledge is known. */
  private openPool(files: number): AnalysisPool | undefined {
    const knowledge = this.host.knowledge;
    if (!knowledge) return undefined;
    void knowledge.recognizer; // puts the last session's knowledge in force, as the index's first analysis would
    try {
      return AnalysisPool.forScan(files, knowledge.saved, this.host.workerFile);
    } catch (err) {
      this.host.log(`Analysis workers unavailable, analysing on the main thread: ${String(err)}`);
      return undefined;
    }
  }

  /** A watched file was created, changed or deleted on disk. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (this.host.isOpen(uri)) return;
    if (deleted) {
      this.host.index.delete(uri);
      this.scheduleCacheWrite();
      return;
    }
    await this.indexFile(URI.parse(uri).fsPath);
  }

  /** An editor closed a document: the disk's content becomes the truth again. */
  async documentClosed(uri: string): Promise<void> {
    const file = URI.parse(uri);
    if (file.scheme !== 'file') {
      this.host.index.delete(uri);
      return;
    }
    await this.indexFile(file.fsPath);
  }

  private isIncluded(file: string): boolean {
    const folder = this.folders.find((f) => file.startsWith(f + path.sep));
    return folder !== undefined && this.host.include().matches(path.relative(folder, file));
  }

  private async restoreCache(): Promise<void> {
    const file = this.cacheFile();
    if (!file) return;
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch {
      return; // no cache yet
    }
    try {
      const { value, problems } = this.host.index.restore(JSON.parse(text));
      this.host.log(`Restored ${value} cached analyses${problems.length ? ` (${problems.map((p) => p.message).join('; ')})` : ''}`);
    } catch (err) {
      this.host.log(`Ignoring an unreadable index cache ${file}: ${String(err)}`);
    }
  }

  private cacheFile(): string | undefined {
    return this.host.storagePath ? path.join(this.host.storagePath, CACHE_FILE) : undefined;
  }

  /** Writes the cache a little after the last change, not on every keystroke or file. */
  private scheduleCacheWrite(): void {
    if (!this.ready || !this.cacheFile()) return;
    clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => void this.writeCache(), 2000);
  }

  /** Writes the cache now (also on shutdown). */
  async writeCache(): Promise<void> {
    clearTimeout(this.cacheTimer);
    const file = this.cacheFile();
    if (!file) return;
    try {
      await fsp.mkdir(path.dirname(file), { recursive: true });
      this.host.index.dropUnclaimedCache();
      // ASCII-only JSON: it parses back faster on the next warm start.
      await writeFileAtomic(file, snapshotJson(this.host.index.serialize()));
    } catch (err) {
      this.host.log(`Could not write the index cache ${file}: ${String(err)}`);
    }
  }
}
