import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { analystKnowledge } from '../../core/annotations/knowledge';
import { defaultAnnotationEnvironment, SIDECAR_VERSION, type AnnotationEnvironment, type ParsedSidecar } from '../../core/annotations/model';
import {
  annotationProblems,
  flattenResolved,
  resolveAnnotationsAfterChanges,
  type AnnotationProblem,
  type ResolvedAnnotation,
} from '../../core/annotations/resolve';
import { reanchorAfterChanges } from '../../core/annotations/anchor';
import { mapSpanThroughChanges, type TextChange } from '../../core/annotations/textChange';
import { refreshAnchors } from '../../core/annotations/edits';
import type { SidecarEdit } from '../../core/annotations/sidecarYaml';
import type { AnnotationInfo } from '../../core/index/documentAnalysis';
import type { WorkspaceIndex } from '../../core/index/workspaceIndex';
import type { Problem } from '../../core/text/problem';
import type { Recognizer } from '../../core/recognize/recognizer';
import { SidecarStore, sidecarPathFor, type SidecarState, type SidecarWriteReport } from '../../node/sidecarStore';
import type { AnnotationEditResult, DocumentAnnotations, EditorAnnotation } from '../../protocol';
import { writeFileAtomic } from '../../node/sidecarAtomicWrite';
import { KnowledgeSwitch, type SavedKnowledge } from './knowledgeSwitch';
import { diffAsChange } from './textDiff';

/** The suffix that marks a sidecar file. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** What the service needs from the server around it (a fake in unit tests). */
export interface AnnotationHost {
  readonly index: Pick<WorkspaceIndex, 'setAnnotations' | 'textOf' | 'uris' | 'document' | 'delete' | 'set' | 'batch'>;
  /** The text of an article open in the editor (it wins over the index, which may lag by nothing but is the same). */
  openText(uri: string): string | undefined;
  /** Uris of the articles open in the editor (re-analysed first when the knowledge changes). */
  openUris(): readonly string[];
  /** Problems of an article (orphaned or fuzzy annotations), with their offsets into `text`. */
  publishArticleProblems(uri: string, text: string, problems: readonly AnnotationProblem[]): void;
  /** Problems of a sidecar file (parse errors, pending changes), with offsets into the file's text. */
  publishSidecarProblems(sidecarPath: string, problems: readonly Problem[]): void;
  /** Tells the client that an article's annotations changed. */
  notify(annotations: DocumentAnnotations): void;
  /** True once the first scan of the workspace is over: until then sidecars keep arriving, and the knowledge waits. */
  isReady(): boolean;
  log(message: string): void;
}

/** Options of the service. */
export interface AnnotationServiceOptions {
  /** The recognizer without analyst knowledge; the service swaps in ones with knowledge. */
  readonly recognizer: Recognizer;
  readonly store?: SidecarStore;
  readonly env?: AnnotationEnvironment;
  /** Delay before diagnostics and client notifications after an edit (they follow typing, not every keystroke). */
  readonly publishDelayMs?: number;
  /** Delay before the knowledge is rebuilt after sidecars changed (a workspace scan loads many at once). */
  readonly knowledgeDelayMs?: number;
  /** The server's storage folder (known after initialize), where the knowledge is kept between sessions. */
  readonly storageDir?: () => string | undefined;
}

/** The file in the storage folder that keeps the analyst knowledge for the next start. */
const KNOWLEDGE_FILE = 'annotation-knowledge.json';

/** One article's annotations as the service holds them. */
interface ArticleState {
  readonly uri: string;
  /** The article file; its sidecar is next to it. */
  readonly sidecarPath: string;
  sidecar: ParsedSidecar;
  pending: number;
  /** The text `resolved` is anchored in. */
  text?: string;
  resolved: ResolvedAnnotation[];
  hadProblems: boolean;
}

const EMPTY: ParsedSidecar = { version: SIDECAR_VERSION, annotations: [], rejections: [], writable: true };
/** Documents re-analysed per turn of the event loop after the knowledge changed. */
const REANALYSE_CHUNK = 20;

/**
 * The analyst's annotations in the language server: loads each article's
 * sidecar through the one store, anchors it in the article's current text,
 * feeds the index (as its annotations provider, so anchors follow every
 * keystroke in the same update), refreshes stored anchors on save, writes the
 * analyst's commands, reloads on external changes, publishes diagnostics, and
 * keeps the recognizer's knowledge in step with confirmations and rejections.
 */
export class AnnotationService {
  readonly store: SidecarStore;
  readonly knowledge: KnowledgeSwitch;
  readonly env: AnnotationEnvironment;
  private host: AnnotationHost | undefined;
  private readonly articles = new Map<string, ArticleState>();
  private readonly loading = new Map<string, Promise<ArticleState | undefined>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private knowledgeTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly publishDelayMs: number;
  private readonly knowledgeDelayMs: number;

  constructor(options: AnnotationServiceOptions) {
    this.store = options.store ?? new SidecarStore();
    this.env = options.env ?? defaultAnnotationEnvironment;
    this.publishDelayMs = options.publishDelayMs ?? 150;
    this.knowledgeDelayMs = options.knowledgeDelayMs ?? 300;
    this.knowledge = new KnowledgeSwitch(options.recognizer);
    const storageDir = options.storageDir;
    if (storageDir) {
      this.knowledgeFile = () => {
        const dir = storageDir();
        return dir ? path.join(dir, KNOWLEDGE_FILE) : undefined;
      };
      this.knowledge.startWith(() => {
        const file = this.knowledgeFile?.();
        if (!file) return undefined;
        try {
          // Once, small, before the first document is hashed: the index's cache depends on it.
          return JSON.parse(readFileSync(file, 'utf8')) as SavedKnowledge;
        } catch {
          return undefined; // no file yet, or damaged: start without knowledge
        }
      });
    }
  }

  private readonly knowledgeFile: (() => string | undefined) | undefined;

  /** Connects the service to the server (done once, before any message is handled). */
  attach(host: AnnotationHost): void {
    this.host = host;
  }

  /**
   * The index's annotations provider: called synchronously with every new
   * text of an article. A known article follows the edit incrementally (no
   * search unless the edit touched an annotation; orphans wait for the save);
   * an unknown one starts loading its sidecar and has none until then.
   */
  readonly provide = (uri: string, text: string): readonly AnnotationInfo[] => {
    const state = this.articles.get(uri);
    if (!state) {
      void this.load(uri);
      return [];
    }
    if (state.sidecar.annotations.length === 0) {
      state.text = text;
      state.resolved = [];
      return [];
    }
    try {
      if (state.text !== text) {
        state.resolved = state.text === undefined ? this.resolveFully(state, text) : followEdit(state.resolved, diffAsChange(state.text, text), text);
        state.text = text;
        this.schedulePublish(state);
      }
      return flattenResolved(state.resolved, text.length);
    } catch (err) {
      // Called inside the index's update: a failure here must not stop the article from being indexed.
      this.host?.log(`Error while anchoring the annotations of ${uri}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return [];
    }
  };

  /** Loads (once) the sidecar of an article and anchors it; undefined for an article that is not a file. */
  load(uri: string): Promise<ArticleState | undefined> {
    const known = this.articles.get(uri);
    if (known) return Promise.resolve(known);
    let loading = this.loading.get(uri);
    if (!loading) {
      loading = this.read(uri).finally(() => this.loading.delete(uri));
      this.loading.set(uri, loading);
    }
    return loading;
  }

  private async read(uri: string): Promise<ArticleState | undefined> {
    const file = filePath(uri);
    if (!file) return undefined;
    const sidecarPath = sidecarPathFor(file);
    let disk: SidecarState;
    try {
      disk = await this.store.read(sidecarPath);
    } catch (err) {
      this.host?.log(`Could not read ${sidecarPath}: ${String(err)}`);
      return undefined;
    }
    const state: ArticleState = { uri, sidecarPath, sidecar: EMPTY, pending: 0, resolved: [], hadProblems: false };
    this.articles.set(uri, state);
    this.accept(state, disk, !disk.snapshot.exists && disk.pending.length === 0);
    return state;
  }

  /**
   * Takes a sidecar state (after a read, a write or an external change):
   * anchors it in the current text, pushes it to the index, publishes.
   */
  private accept(state: ArticleState, disk: SidecarState, quiet = false): void {
    const hadAnnotations = state.sidecar.annotations.length > 0 || state.sidecar.rejections.length > 0;
    state.sidecar = disk.sidecar;
    state.pending = disk.pending.length;
    this.publishSidecar(state, disk);
    const text = this.currentText(state.uri);
    if (text !== undefined) {
      state.resolved = this.resolveFully(state, text);
      state.text = text;
    }
    if (quiet && !hadAnnotations) return;
    if (text !== undefined) this.host?.index.setAnnotations(state.uri, flattenResolved(state.resolved, text.length));
    this.publish(state);
    this.scheduleKnowledge();
  }

  /** Anchors every annotation, searching (fuzzily if need be) from where each was last seen. */
  private resolveFully(state: ArticleState, text: string): ResolvedAnnotation[] {
    const previous = new Map<string, { start: number; end: number }>();
    if (state.text === text) {
      for (const r of state.resolved) {
        if (r.resolution.start !== undefined && r.resolution.end !== undefined) previous.set(r.annotation.id, { start: r.resolution.start, end: r.resolution.end });
      }
    }
    return resolveAnnotationsAfterChanges(state.sidecar.annotations, previous, [], text);
  }

  private currentText(uri: string): string | undefined {
    return this.host?.openText(uri) ?? this.host?.index.textOf(uri);
  }

  /** The annotations of an article, as the editor shows them. */
  async documentAnnotations(uri: string): Promise<DocumentAnnotations> {
    const state = await this.load(uri);
    return state ? this.snapshot(state) : { uri, annotations: [], pending: 0 };
  }

  private snapshot(state: ArticleState): DocumentAnnotations {
    const length = state.text?.length ?? 0;
    return { uri: state.uri, annotations: flattenResolved(state.resolved, length) as EditorAnnotation[], pending: state.pending };
  }

  /** The stored annotation with this id, and the article's current text. */
  async find(uri: string, id: string): Promise<{ state: ArticleState; text: string; annotation: ParsedSidecar['annotations'][number] } | undefined> {
    const state = await this.load(uri);
    const text = this.currentText(uri);
    const annotation = state?.sidecar.annotations.find((a) => a.id === id);
    return state && annotation && text !== undefined ? { state, text, annotation } : undefined;
  }

  /** The article's current text and sidecar state, for a command. */
  async target(uri: string): Promise<{ state: ArticleState; text: string } | undefined> {
    const state = await this.load(uri);
    const text = this.currentText(uri);
    return state && text !== undefined ? { state, text } : undefined;
  }

  /** Writes edits to an article's sidecar through the store and takes the result. */
  async edit(uri: string, edits: readonly SidecarEdit[], id?: string): Promise<AnnotationEditResult> {
    const state = await this.load(uri);
    if (!state) return { status: 'notFound', message: 'Only article files on disk can be annotated.', pending: 0 };
    const report = await this.store.edit(state.sidecarPath, edits);
    this.accept(state, report.state);
    return resultOf(report, state.sidecarPath, id);
  }

  /**
   * After the article was saved: anchors everything again (orphans included)
   * and writes fresh anchors, so the file on disk matches the saved text.
   */
  async saved(uri: string): Promise<void> {
    const state = this.articles.get(uri) ?? (await this.load(uri));
    const text = this.currentText(uri);
    if (!state || text === undefined || state.sidecar.annotations.length === 0) return;
    state.resolved = this.resolveFully(state, text);
    state.text = text;
    const edits = refreshAnchors(state.resolved, text);
    if (edits.length === 0 || !state.sidecar.writable) {
      this.host?.index.setAnnotations(uri, flattenResolved(state.resolved, text.length));
      this.publish(state);
      return;
    }
    const report = await this.store.edit(state.sidecarPath, edits);
    this.accept(state, report.state);
    if (report.status === 'blocked' || report.status === 'failed') this.host?.log(`Anchors of ${state.sidecarPath} not written (${report.status}): ${report.error ?? 'the file cannot be read safely'}`);
  }

  /**
   * A sidecar changed on disk (external edit, git checkout, our own write
   * seen by the watcher): re-read it, write pending edits if it became
   * readable, re-anchor. Returns false when no indexed article owns it.
   */
  async sidecarChanged(sidecarUri: string): Promise<boolean> {
    const file = filePath(sidecarUri);
    if (!file || !file.endsWith(SIDECAR_SUFFIX)) return false;
    const articleFile = file.slice(0, -SIDECAR_SUFFIX.length);
    const state = [...this.articles.values()].find((s) => s.sidecarPath === file) ?? (await this.load(URI.file(articleFile).toString()));
    if (!state) return false;
    const disk = await this.store.reload(state.sidecarPath);
    this.accept(state, disk);
    return true;
  }

  /** Forgets an article that left the workspace (its diagnostics are cleared). */
  forget(uri: string): void {
    const state = this.articles.get(uri);
    if (!state) return;
    this.articles.delete(uri);
    if (state.hadProblems) this.host?.publishArticleProblems(uri, '', []);
  }

  /** Stops timers (server shutdown, tests). */
  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.knowledgeTimer) clearTimeout(this.knowledgeTimer);
    this.knowledgeTimer = undefined;
    this.generation++;
  }

  private schedulePublish(state: ArticleState): void {
    if (this.timers.has(state.uri)) return;
    this.timers.set(state.uri, setTimeout(() => {
      this.timers.delete(state.uri);
      if (this.articles.get(state.uri) === state) this.publish(state);
    }, this.publishDelayMs));
  }

  private publish(state: ArticleState): void {
    const host = this.host;
    if (!host) return;
    const timer = this.timers.get(state.uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(state.uri);
    const text = state.text ?? '';
    const problems = annotationProblems(state.resolved, text);
    if (problems.length > 0 || state.hadProblems) host.publishArticleProblems(state.uri, text, problems);
    state.hadProblems = problems.length > 0;
    host.notify(this.snapshot(state));
  }

  private publishSidecar(state: ArticleState, disk: SidecarState): void {
    const problems: Problem[] = [...disk.problems];
    if (disk.pending.length > 0) {
      problems.push({
        start: 0, end: 0, severity: 'warning', code: 'sidecar.pending',
        message: `${disk.pending.length} annotation change(s) are waiting to be written: ${disk.sidecar.writable ? 'the last write failed' : 'this file cannot be read safely'}. Fix the file and they will be written; nothing is lost.`,
      });
    }
    this.host?.publishSidecarProblems(state.sidecarPath, problems);
  }

  private scheduleKnowledge(): void {
    if (this.knowledgeTimer) clearTimeout(this.knowledgeTimer);
    this.knowledgeTimer = setTimeout(() => {
      this.knowledgeTimer = undefined;
      // During the first scan sidecars keep arriving: rebuilding for each would re-analyse the workspace again and again.
      if (this.host && !this.host.isReady()) this.scheduleKnowledge();
      else this.refreshKnowledge();
    }, this.knowledgeDelayMs);
  }

  /**
   * Rebuilds the recognizer's knowledge from every sidecar read so far; when
   * it changed, re-analyses the open articles at once and the others a few
   * at a time, so the server keeps answering.
   */
  refreshKnowledge(): boolean {
    const states = [...this.articles.values()];
    const places = new Map(states.map((s) => [s.uri, s.sidecar.rejections] as const));
    if (!this.knowledge.update(analystKnowledge(states.map((s) => s.sidecar)), places)) return false;
    this.saveKnowledge();
    const host = this.host;
    if (!host) return true;
    const generation = ++this.generation;
    const open = new Set(host.openUris());
    const reanalyse = (uris: readonly string[]) => host.index.batch(() => {
      for (const uri of uris) {
        const text = this.currentText(uri);
        const version = host.index.document(uri)?.version ?? 0;
        if (text === undefined) continue;
        host.index.delete(uri);
        host.index.set(uri, text, version);
      }
    });
    reanalyse([...open].filter((u) => host.index.textOf(u) !== undefined));
    const rest = host.index.uris().filter((u) => !open.has(u));
    const next = () => {
      if (generation !== this.generation || rest.length === 0) return;
      reanalyse(rest.splice(0, REANALYSE_CHUNK));
      setImmediate(next);
    };
    setImmediate(next);
    return true;
  }

  private saveKnowledge(): void {
    const file = this.knowledgeFile?.();
    if (!file) return;
    const saved = this.knowledge.saved;
    void fsp.mkdir(path.dirname(file), { recursive: true })
      .then(() => writeFileAtomic(file, JSON.stringify(saved ?? { knowledge: { confirmed: [], rejected: [] }, here: '', places: {} } satisfies SavedKnowledge)))
      .catch((err: unknown) => this.host?.log(`Could not keep the annotation knowledge in ${file}: ${String(err)}`));
  }
}

/**
 * Carries resolved annotations through one edit without searching unless
 * the edit touched them: an orphan stays orphaned until the next full
 * anchoring (the save), a fuzzy match the edit did not touch keeps its span.
 */
export function followEdit(resolved: readonly ResolvedAnnotation[], changes: readonly TextChange[], text: string): ResolvedAnnotation[] {
  if (changes.length === 0) return [...resolved];
  return resolved.map(({ annotation, resolution }) => {
    if (resolution.status === 'orphaned' || resolution.start === undefined || resolution.end === undefined) return { annotation, resolution };
    const expected = { start: resolution.start, end: resolution.end };
    if (resolution.status === 'fuzzy') {
      const mapped = mapSpanThroughChanges(expected, changes);
      if (!mapped.touched) return { annotation, resolution: { ...resolution, start: mapped.start, end: mapped.end } };
    }
    const next = reanchorAfterChanges(annotation.anchor, changes, text, { expected });
    // Carried without touching: the annotation is where it was, so it keeps its status (moved stays moved).
    const status = next.status === 'exact' && resolution.status === 'moved' ? 'moved' : next.status;
    return { annotation, resolution: { ...next, status } };
  });
}

function resultOf(report: SidecarWriteReport, sidecar: string, id: string | undefined): AnnotationEditResult {
  const base = { status: report.status, sidecar, pending: report.state.pending.length, ...(id ? { id } : {}) };
  if (report.status === 'blocked') {
    const first = report.state.problems.find((p) => p.severity === 'error') ?? report.state.problems[0];
    return { ...base, message: `The sidecar cannot be read safely${first ? ` (${first.message})` : ''}; the change is kept and will be written once the file is fixed.` };
  }
  if (report.status === 'failed') return { ...base, message: `The sidecar could not be written (${report.error ?? 'I/O error'}); the change is kept and will be retried.` };
  return base;
}

function filePath(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}
