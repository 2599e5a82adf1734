import type { Problem } from '../text/problem';
import type { Result } from '../text/problem';
import type { EncodedAnalysis } from './analysisCodec';
import { contentHash } from './contentHash';
import { DocEntry } from './docEntry';
import type {
  AnalyzeDocument,
  AnnotationInfo,
  AnnotationsProvider,
  DocumentAnalysis,
  StoryDateMention,
  StoryInfo,
  TextAnalysis,
} from './documentAnalysis';
import { Emitter, type Event } from './emitter';
import { bump, EntityBucket, EntityGroups } from './entityBuckets';
import { entityKey, foldText, withoutPossessive } from './entityKey';
import type {
  CoMention,
  DateHit,
  DayStory,
  EntityHit,
  EntityListOptions,
  EntitySummary,
  IndexChange,
  IndexedMention,
  IndexStats,
  LocatedAnnotation,
  MentionLocation,
  SearchHit,
  StoryMentions,
  TimelineDay,
} from './indexTypes';
import { matchScore } from './matchScore';
import { summarizeEntity } from './entitySummary';
import { addPositions, clampAnnotations, cmpDesc, innermost, location, newestFirst, publicationDay, sortedAnalysis } from './indexHelpers';
import { restoreState, snapshotState, type IndexState } from './indexState';

/** How the index is built. */
export interface WorkspaceIndexOptions {
  /** Parses and recognizes one document; called at most once per content. */
  readonly analyze: AnalyzeDocument;
  /** Supplies anchored sidecar annotations on every text change (optional). */
  readonly annotations?: AnnotationsProvider;
  /**
   * Identifies the analyzer (parser + recognizer + their data). A cache
   * snapshot written by another analyzer version is ignored.
   */
  readonly analyzerVersion?: string;
  /**
   * Content hash; defaults to the pure-JS {@link contentHash}. The node side
   * may inject a native one (hashing is most of a warm start).
   */
  readonly hash?: (text: string) => string;
}

/**
 * The persistent cache, JSON-able: the analyses keyed by content hash (each
 * a JSON text, decoded only when needed) and the index state built from
 * them, so that a warm start neither re-analyses nor re-aggregates.
 */
export interface IndexSnapshot {
  readonly format: 'dossier-index-cache';
  readonly version: 2;
  readonly analyzer: string;
  readonly entries: Readonly<Record<string, string>>;
  readonly state?: IndexState;
}

const SNAPSHOT_VERSION = 2;
const RECENT_LIMIT = 64;
/** Unclaimed primed analyses kept (a scan claims each right after priming it). */
const PRIMED_LIMIT = 256;

/**
 * The workspace index: every article document, analysed once per content,
 * with entities merged across stories and files, and dates by day. It is
 * updated document by document (a change removes the document's old
 * contribution from the aggregates and adds the new one, never rescanning
 * the workspace) and tells its listeners what changed.
 */
export class WorkspaceIndex {
  private readonly docs = new Map<string, DocEntry>();
  /** One live document per content hash, to share analyses between identical files. */
  private readonly liveByHash = new Map<string, DocEntry>();
  private readonly groups = new EntityGroups();
  /** Day or month value → uri → indexes into that document's date mentions. */
  private readonly dayMentions = new Map<string, Map<string, number[]>>();
  /** Publication day → uri → story indexes. */
  private readonly dayStories = new Map<string, Map<string, number[]>>();
  /** Analyses by content hash (JSON text): restored from a snapshot, not yet claimed by a document. */
  private restored = new Map<string, string>();
  /** Analyses made elsewhere (worker threads of a cold scan) by content hash, each waiting for its `set`. */
  private readonly primed = new Map<string, string | EncodedAnalysis>();
  /** Analyses of recently replaced or deleted contents, for undo and reverts. */
  private readonly recent = new Map<string, { analysis?: TextAnalysis; encoded?: string | EncodedAnalysis }>();
  /** Set when a cached analysis of an indexed document failed to decode: the aggregates are rebuilt. */
  private corrupt = false;
  private readonly hashText: (text: string) => string;
  /** Sidecar annotations pushed by `setAnnotations`, by uri. */
  private readonly sidecars = new Map<string, readonly AnnotationInfo[]>();
  private readonly changeEmitter = new Emitter<IndexChange>();
  private readonly summaries = new Map<string, EntitySummary>();
  private readonly coMentions = new Map<string, CoMention[]>();
  private readonly storyLists = new Map<string, ReadonlyArray<{ doc: DocEntry; story: StoryInfo }>>();
  private timelineCache: TimelineDay[] | undefined;
  private batchDepth = 0;
  private pending: { uris: Set<string>; entities: boolean; annotations: boolean } | undefined;
  private analyzeCalls = 0;
  private cacheHits = 0;
  private storyTotal = 0;
  private mentionTotal = 0;
  private readonly analyzerVersion: string;

  /** Fires after documents changed (once per `batch`). */
  readonly onDidChange: Event<IndexChange> = this.changeEmitter.event;

  constructor(private readonly options: WorkspaceIndexOptions) {
    this.analyzerVersion = options.analyzerVersion ?? '0';
    this.hashText = options.hash ?? contentHash;
  }

  // ---------------------------------------------------------------- updates

  /**
   * Adds or updates a document. Does nothing when the version and content
   * are unchanged; reuses the analysis when only the version changed or the
   * content is in the cache. Returns true when the index changed.
   */
  set(uri: string, text: string, version: number): boolean {
    this.repairIfCorrupt();
    const old = this.docs.get(uri);
    if (old && old.text === text) {
      old.version = version;
      return false;
    }
    const hash = this.hashText(text);
    if (old && old.hash === hash && old.text === undefined) {
      // Restored from the cache and now confirmed by the content: adopt as is.
      old.text = text;
      old.version = version;
      this.cacheHits++;
      // Annotations pushed (or provided) since the snapshot apply now that the text is known.
      const pushed = this.options.annotations ? this.options.annotations(uri, text) : this.sidecars.get(uri);
      if (pushed !== undefined) {
        const annotations = clampAnnotations(pushed, text.length);
        if (JSON.stringify(annotations) !== JSON.stringify(old.annotations.map(({ quote: _q, ...a }) => a))) this.setAnnotations(uri, annotations);
      }
      return false;
    }
    const { analysis, encoded } = this.analysisFor(uri, text, version, hash);
    const annotations = this.annotationsFor(uri, text);
    const entry = new DocEntry(uri, version, hash, text, analysis, annotations, encoded, this.markCorrupt);
    this.replace(old, entry);
    this.emit([uri], !old || old.fingerprint !== entry.fingerprint, !!old?.annotations.length || annotations.length > 0);
    return true;
  }

  /** Removes a document (and the annotations pushed for it). Returns true when it was indexed. */
  delete(uri: string): boolean {
    this.repairIfCorrupt();
    const old = this.docs.get(uri);
    this.sidecars.delete(uri);
    if (!old) return false;
    this.replace(old, undefined);
    this.emit([uri], true, old.annotations.length > 0);
    return true;
  }

  /** Moves a document to a new uri without re-analysing it. Returns true when it was indexed. */
  rename(oldUri: string, newUri: string): boolean {
    this.repairIfCorrupt();
    const entry = this.docs.get(oldUri);
    if (!entry || oldUri === newUri) return false;
    const sidecar = this.sidecars.get(oldUri);
    this.sidecars.delete(oldUri);
    // The document brings its annotations along; whatever was pushed for the new name belonged to a file that is gone.
    if (sidecar) this.sidecars.set(newUri, sidecar);
    else this.sidecars.delete(newUri);
    const displaced = this.docs.get(newUri);
    if (displaced) this.replace(displaced, undefined);
    this.replace(entry, undefined);
    entry.uri = newUri;
    this.replace(undefined, entry);
    this.emit([oldUri, newUri], true, entry.annotations.length > 0);
    return true;
  }

  /**
   * Replaces the analyst annotations of a document (after its sidecar
   * changed). Annotations are kept for a document not indexed yet.
   */
  setAnnotations(uri: string, annotations: readonly AnnotationInfo[]): void {
    this.repairIfCorrupt();
    this.sidecars.set(uri, annotations);
    const old = this.docs.get(uri);
    // A document restored from the cache and not re-read yet gets them when `set` confirms its text.
    if (!old || old.text === undefined) return;
    const entry = old.withAnnotations(clampAnnotations(annotations, old.text.length));
    this.replace(old, entry);
    this.emit([uri], old.fingerprint !== entry.fingerprint, true);
  }

  /** Runs `fn` with change events held back, then fires one merged event. */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0 && this.pending) {
        const p = this.pending;
        this.pending = undefined;
        this.changeEmitter.fire({ uris: [...p.uris], entitiesChanged: p.entities, annotationsChanged: p.annotations });
      }
    }
  }

  // ---------------------------------------------------------------- cache

  /**
   * The persistent cache: the analyses of the indexed documents keyed by
   * content hash, and the index state built from them.
   */
  serialize(): IndexSnapshot {
    this.repairIfCorrupt();
    const entries: Record<string, string> = {};
    for (const d of this.docs.values()) entries[d.hash] ??= d.cacheJson;
    const state = snapshotState([...this.docs.values()], this.groups.buckets, this.dayMentions, this.dayStories, this.storyTotal, this.mentionTotal);
    return { format: 'dossier-index-cache', version: SNAPSHOT_VERSION, analyzer: this.analyzerVersion, entries, state };
  }

  /**
   * Loads a snapshot written by `serialize`. Into an empty index it restores
   * the documents and aggregates as they were, so queries answer at once;
   * each restored document is confirmed when `set` brings the same content
   * (same hash) and re-analysed otherwise, and documents never confirmed
   * are dropped by the caller's rescan (`delete`). Cached analyses are
   * also used for any later document with a matching content hash. Nothing
   * is trusted blindly: a bad snapshot is ignored with a problem. Returns the
   * number of cached analyses.
   */
  restore(snapshot: unknown): Result<number> {
    const bad = (code: string, message: string): Result<number> => ({
      value: 0,
      problems: [{ start: 0, end: 0, severity: 'warning', code, message }],
    });
    if (typeof snapshot !== 'object' || snapshot === null) return bad('cache.malformed', 'The index cache is not an object; it is ignored.');
    const s = snapshot as Partial<IndexSnapshot>;
    if (s.format !== 'dossier-index-cache' || s.version !== SNAPSHOT_VERSION) return bad('cache.version', 'The index cache has another format version; it is ignored.');
    if (s.analyzer !== this.analyzerVersion) return bad('cache.analyzer', 'The index cache was written by another analyzer version; it is ignored.');
    if (typeof s.entries !== 'object' || s.entries === null) return bad('cache.malformed', 'The index cache has no entries; it is ignored.');
    const map = new Map<string, string>();
    for (const [hash, enc] of Object.entries(s.entries)) if (typeof enc === 'string') map.set(hash, enc);
    const problems: Problem[] = [];
    if (s.state !== undefined && this.docs.size === 0) {
      const restored = restoreState(s.state, map, this.markCorrupt);
      if (restored) {
        for (const d of restored.docs) {
          this.docs.set(d.uri, d);
          this.liveByHash.set(d.hash, d);
        }
        for (const b of restored.buckets) this.groups.adopt(b);
        for (const [k, v] of restored.dayMentions) this.dayMentions.set(k, v);
        for (const [k, v] of restored.dayStories) this.dayStories.set(k, v);
        this.storyTotal = restored.storyTotal;
        this.mentionTotal = restored.mentionTotal;
        this.invalidateCaches();
      } else {
        problems.push({ start: 0, end: 0, severity: 'info', code: 'cache.state', message: 'The index state in the cache is unusable; documents are re-aggregated from the cached analyses.' });
      }
    }
    this.restored = map;
    return { value: map.size, problems };
  }

  /** Drops restored cache entries no document claimed (call after the initial scan). */
  dropUnclaimedCache(): number {
    const n = this.restored.size;
    this.restored = new Map();
    this.primed.clear();
    return n;
  }

  /**
   * Hands the index an analysis made outside it (e.g. by a worker thread),
   * keyed by the content hash the index uses (salt included): the next `set`
   * of that content adopts it, through the same checked path as a restored
   * cache entry, instead of analysing. An entry that does not decode or does
   * not fit the text is ignored and the text analysed as usual. Entries are
   * meant to be claimed at once; the oldest unclaimed ones are dropped.
   * @param encoded an `encodeAnalysis` result, or its JSON text (as in a snapshot)
   */
  primeAnalysis(hash: string, encoded: string | EncodedAnalysis): void {
    this.primed.delete(hash);
    this.primed.set(hash, encoded);
    if (this.primed.size > PRIMED_LIMIT) this.primed.delete(this.primed.keys().next().value as string);
  }

  // ---------------------------------------------------------------- documents

  /** Uris of the indexed documents. */
  uris(): string[] {
    return [...this.docs.keys()];
  }

  /** The analysis of an indexed document, or undefined. */
  document(uri: string): DocumentAnalysis | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    void d.mentions; // derive first, so that the entities are the same objects whether decoded or fresh
    return { ...d.analysis, uri: d.uri, version: d.version, hash: d.hash, annotations: d.annotations };
  }

  /** The indexed text of a document (the hover quotes sentences from other files). */
  textOf(uri: string): string | undefined {
    return this.docs.get(uri)?.text;
  }

  /** Entity mentions of a document (recognizer and analyst), sorted by start. */
  mentionsIn(uri: string): readonly IndexedMention[] {
    return this.docs.get(uri)?.mentions ?? [];
  }

  /** The story containing `offset`, if any. */
  storyAt(uri: string, offset: number): StoryInfo | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    return d.stories.find((s) => s.start <= offset && offset < s.end);
  }

  /** Counters for logs, tests and benchmarks. */
  stats(): IndexStats {
    return {
      documents: this.docs.size,
      stories: this.storyTotal,
      entities: this.groups.buckets.size,
      mentions: this.mentionTotal,
      analyzeCalls: this.analyzeCalls,
      cacheHits: this.cacheHits,
    };
  }

  // ---------------------------------------------------------------- position queries

  /** The entity mentioned at `offset` (the innermost mention containing it). */
  entityAt(uri: string, offset: number): EntityHit | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    const m = innermost(d.mentions, offset);
    if (!m) return undefined;
    const entity = this.entity(m.key);
    return entity && { uri, mention: m, entity };
  }

  /** The date mentioned at `offset`. */
  dateAt(uri: string, offset: number): DateHit | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    const m = innermost(d.analysis.dates, offset);
    return m && { uri, mention: m };
  }

  /** The annotations covering `offset`, innermost first. */
  annotationsAt(uri: string, offset: number): AnnotationInfo[] {
    const d = this.docs.get(uri);
    if (!d) return [];
    return d.annotations
      .filter((a) => a.status !== 'orphaned' && a.start <= offset && offset < a.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  // ---------------------------------------------------------------- entity queries

  /** The merged key of the entity a name or key belongs to. */
  resolve(nameOrKey: string): string {
    const key = this.groups.buckets.has(nameOrKey) ? nameOrKey : entityKey(nameOrKey);
    return this.groups.rootOf(key);
  }

  /** The entity a name or key belongs to, or undefined when the workspace never mentions it. */
  entity(nameOrKey: string): EntitySummary | undefined {
    const root = this.resolve(nameOrKey);
    if (!this.groups.buckets.has(root)) return undefined;
    let s = this.summaries.get(root);
    if (!s) {
      s = this.summarize(root);
      this.summaries.set(root, s);
    }
    return s;
  }

  /** Every mention of an entity across the workspace, by uri then offset. */
  mentionsOf(nameOrKey: string): MentionLocation[] {
    const out: MentionLocation[] = [];
    for (const { uri, mention } of this.memberMentions(this.resolve(nameOrKey))) out.push(location(uri, mention));
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start));
  }

  /**
   * The stories mentioning an entity, newest first (undated last), each with
   * its mentions. With `limit`, only the first `limit` stories are returned,
   * and only their documents are looked into: a hover over "Pakistan" in a
   * workspace of ten thousand stories stays cheap.
   */
  storiesMentioning(nameOrKey: string, limit = Infinity): StoryMentions[] {
    const root = this.resolve(nameOrKey);
    const members = new Set(this.groups.membersOf(root));
    return this.storyRefs(root).slice(0, limit).map(({ doc, story }) => ({
      uri: doc.uri,
      story,
      mentions: doc.mentions.filter((m) => m.story === story.index && members.has(m.key)).map((m) => location(doc.uri, m)),
    }));
  }

  /** The stories mentioning an entity, newest first, without their mentions (cheap; cached until the next change). */
  storyListMentioning(nameOrKey: string): Array<{ uri: string; story: StoryInfo }> {
    return this.storyRefs(this.resolve(nameOrKey)).map(({ doc, story }) => ({ uri: doc.uri, story }));
  }

  /** The mentions of an entity in one story, by offset. */
  mentionsInStory(nameOrKey: string, uri: string, storyIndex: number): MentionLocation[] {
    const members = new Set(this.groups.membersOf(this.resolve(nameOrKey)));
    const doc = this.docs.get(uri);
    if (!doc) return [];
    return doc.mentions.filter((m) => m.story === storyIndex && members.has(m.key)).map((m) => location(uri, m));
  }

  /** The newest-first list of the stories mentioning an entity (cached until the next change). */
  private storyRefs(root: string): ReadonlyArray<{ doc: DocEntry; story: StoryInfo }> {
    let refs = this.storyLists.get(root);
    if (!refs) {
      const list: Array<{ doc: DocEntry; story: StoryInfo }> = [];
      const seen = new Set<string>();
      for (const key of this.groups.membersOf(root)) {
        for (const uri of this.groups.buckets.get(key)?.byUri.keys() ?? []) {
          const doc = this.docs.get(uri);
          if (!doc) continue;
          const stories = doc.stories;
          doc.storyKeys.forEach((keys, i) => {
            const story = stories[i];
            if (!story || !keys.includes(key)) return;
            const id = `${uri}#${i}`;
            if (seen.has(id)) return;
            seen.add(id);
            list.push({ doc, story });
          });
        }
      }
      refs = list.sort((a, b) => newestFirst({ uri: a.doc.uri, story: a.story }, { uri: b.doc.uri, story: b.story }));
      this.storyLists.set(root, refs);
    }
    return refs;
  }

  /** The `n` entities most often mentioned in the same stories as this one. */
  coMentioned(nameOrKey: string, n = 10): CoMention[] {
    const root = this.resolve(nameOrKey);
    let all = this.coMentions.get(root);
    if (!all) {
      all = this.computeCoMentions(root);
      this.coMentions.set(root, all);
    }
    return all.slice(0, n);
  }

  /** The entities, for the Entities tree: filtered by type and text, sorted. */
  entities(options: EntityListOptions = {}): EntitySummary[] {
    const filter = options.filter ? foldText(options.filter) : '';
    const out: EntitySummary[] = [];
    const seen = new Set<string>();
    for (const key of this.groups.buckets.keys()) {
      const root = this.groups.rootOf(key);
      if (seen.has(root)) continue;
      seen.add(root);
      const e = this.entity(root);
      if (!e || (options.type && e.type !== options.type)) continue;
      if (filter && !foldText(e.name).includes(filter) && !e.aliases.some((a) => foldText(a).includes(filter))) continue;
      out.push(e);
    }
    const byName = (a: EntitySummary, b: EntitySummary): number => a.name.localeCompare(b.name);
    switch (options.sort ?? 'count') {
      case 'name':
        return out.sort(byName);
      case 'latest':
        return out.sort((a, b) => cmpDesc(a.latestDate, b.latestDate) || b.storyCount - a.storyCount || byName(a, b));
      default:
        return out.sort((a, b) => b.storyCount - a.storyCount || b.mentionCount - a.mentionCount || byName(a, b));
    }
  }

  /** Entities whose name or an alias matches `query` (for workspace symbols), best first. */
  searchEntities(query: string, limit = 50): SearchHit<EntitySummary>[] {
    const q = foldText(query);
    if (q === '') return this.entities({ sort: 'count' }).slice(0, limit).map((item) => ({ item, score: 0 }));
    const best = new Map<string, number>();
    for (const b of this.groups.buckets.values()) {
      let score = matchScore(q, b.key);
      for (const alias of b.aliases.keys()) if (score < 100) score = Math.max(score, matchScore(q, alias));
      if (score === 0) continue;
      const root = this.groups.rootOf(b.key);
      if ((best.get(root) ?? 0) < score) best.set(root, score);
    }
    const hits: SearchHit<EntitySummary>[] = [];
    for (const [root, score] of best) {
      const item = this.entity(root);
      if (item) hits.push({ item, score: score + Math.min(9, Math.log2(1 + item.storyCount)) });
    }
    return hits.sort((a, b) => b.score - a.score || a.item.name.localeCompare(b.item.name)).slice(0, limit);
  }

  /** Stories whose headline matches `query`, best first (newest first among equals). */
  searchStories(query: string, limit = 50): SearchHit<{ uri: string; story: StoryInfo }>[] {
    const q = foldText(query);
    if (q === '') return [];
    const hits: SearchHit<{ uri: string; story: StoryInfo }>[] = [];
    for (const d of this.docs.values()) {
      for (const story of d.stories) {
        const score = matchScore(q, foldText(story.headline));
        if (score > 0) hits.push({ item: { uri: d.uri, story }, score });
      }
    }
    return hits.sort((a, b) => b.score - a.score || newestFirst(a.item, b.item)).slice(0, limit);
  }

  // ---------------------------------------------------------------- dates

  /** Stories published on a day or mentioning it (`YYYY-MM-DD`), by uri and story order. */
  storiesOnDay(day: string): DayStory[] {
    const byStory = new Map<string, { uri: string; story: StoryInfo; published: boolean; mentions: StoryDateMention[] }>();
    const get = (uri: string, story: StoryInfo): { mentions: StoryDateMention[]; published: boolean } => {
      const id = `${uri}#${story.index}`;
      let e = byStory.get(id);
      if (!e) byStory.set(id, (e = { uri, story, published: false, mentions: [] }));
      return e;
    };
    for (const [uri, stories] of this.dayStories.get(day) ?? []) {
      const d = this.docs.get(uri);
      for (const i of stories) {
        const story = d?.stories[i];
        if (story) get(uri, story).published = true;
      }
    }
    for (const [uri, idxs] of this.dayMentions.get(day) ?? []) {
      const d = this.docs.get(uri);
      for (const i of idxs) {
        const m = d?.analysis.dates[i];
        const story = m && d?.stories[m.story];
        if (m && story) get(uri, story).mentions.push(m);
      }
    }
    return [...byStory.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.story.index - b.story.index));
  }

  /** Days with stories or dated mentions, newest first, each with its stories and shared entities. */
  timeline(): TimelineDay[] {
    if (this.timelineCache) return this.timelineCache;
    const days = new Set<string>();
    for (const d of this.dayStories.keys()) days.add(d);
    for (const d of this.dayMentions.keys()) if (d.length === 10) days.add(d);
    const out: TimelineDay[] = [];
    for (const day of [...days].sort().reverse()) {
      const stories = this.storiesOnDay(day);
      const counts = new Map<string, number>();
      for (const s of stories) {
        const keys = this.docs.get(s.uri)?.storyKeys[s.story.index] ?? [];
        for (const root of new Set(keys.map((k) => this.groups.rootOf(k)))) bump(counts, root, 1);
      }
      const sharedEntities = this.rankCoMentions(counts, 2);
      out.push({ day, stories, sharedEntities });
    }
    this.timelineCache = out;
    return out;
  }

  // ---------------------------------------------------------------- annotations

  /** Every annotation in the workspace, by uri then offset. */
  annotations(): LocatedAnnotation[] {
    const out: LocatedAnnotation[] = [];
    for (const d of this.docs.values()) for (const annotation of d.annotations) out.push({ uri: d.uri, annotation });
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.annotation.start - b.annotation.start));
  }

  /** Analyst annotations linked to an entity (its notes), newest first. */
  annotationsOf(nameOrKey: string): LocatedAnnotation[] {
    const root = this.resolve(nameOrKey);
    const out: LocatedAnnotation[] = [];
    for (const d of this.docs.values()) {
      for (const annotation of d.annotations) {
        if (annotation.entity !== undefined && this.groups.rootOf(entityKey(annotation.entity)) === root) out.push({ uri: d.uri, annotation });
      }
    }
    return out.sort((a, b) => cmpDesc(a.annotation.updated, b.annotation.updated) || (a.uri < b.uri ? -1 : 1));
  }

  // ---------------------------------------------------------------- internals

  private analysisFor(uri: string, text: string, version: number, hash: string): { analysis?: TextAnalysis; encoded?: string | EncodedAnalysis } {
    // Same content under another uri (a copied file): share its analysis.
    const twin = this.liveByHash.get(hash);
    if (twin && twin.text === text) return twin.reusable();
    const recent = this.recent.get(hash);
    if (recent) {
      this.recent.delete(hash);
      return recent;
    }
    const raw = this.restored.get(hash) ?? this.primed.get(hash);
    if (raw !== undefined) {
      this.restored.delete(hash);
      this.primed.delete(hash);
      let failed = false;
      const probe = new DocEntry(uri, version, hash, text, undefined, [], raw, () => { failed = true; });
      if (probe.analysis.length === text.length && !failed) {
        this.cacheHits++;
        return probe.reusable();
      }
    }
    this.analyzeCalls++;
    return { analysis: sortedAnalysis(this.options.analyze(uri, text, version)) };
  }

  /** A cached analysis of an indexed document did not decode: rebuild the aggregates at the next update. */
  private readonly markCorrupt = (): void => {
    this.corrupt = true;
  };

  /**
   * Rebuilds every aggregate from the documents after a corrupt cache entry
   * was met (rare: the cache file was damaged). Documents whose text is known
   * are re-analysed; documents still waiting for confirmation are dropped.
   */
  private repairIfCorrupt(): void {
    if (!this.corrupt) return;
    this.corrupt = false;
    const docs = [...this.docs.values()];
    this.docs.clear();
    this.liveByHash.clear();
    this.groups.buckets.clear();
    this.groups.reset();
    this.dayMentions.clear();
    this.dayStories.clear();
    this.storyTotal = 0;
    this.mentionTotal = 0;
    this.restored.clear();
    this.primed.clear();
    this.recent.clear();
    for (const d of docs) {
      if (d.text === undefined) continue;
      let analysis = d.analysis;
      if (d.failed) {
        this.analyzeCalls++;
        analysis = sortedAnalysis(this.options.analyze(d.uri, d.text, d.version));
      }
      this.replace(undefined, new DocEntry(d.uri, d.version, d.hash, d.text, analysis, d.annotations, undefined, this.markCorrupt));
    }
    this.corrupt = false;
  }

  private annotationsFor(uri: string, text: string): readonly AnnotationInfo[] {
    if (this.options.annotations) return clampAnnotations(this.options.annotations(uri, text), text.length);
    return clampAnnotations(this.sidecars.get(uri) ?? [], text.length);
  }

  /** Removes the old entry's contribution and adds the new one's. */
  private replace(old: DocEntry | undefined, entry: DocEntry | undefined): void {
    if (old) {
      this.contribute(old, -1);
      this.docs.delete(old.uri);
      if (this.liveByHash.get(old.hash) === old) this.liveByHash.delete(old.hash);
      if (!entry || entry.hash !== old.hash) this.remember(old);
    }
    if (entry) {
      this.docs.set(entry.uri, entry);
      this.liveByHash.set(entry.hash, entry);
      this.contribute(entry, +1);
    }
    this.invalidateCaches();
  }

  private invalidateCaches(): void {
    this.groups.invalidate();
    this.summaries.clear();
    this.coMentions.clear();
    this.storyLists.clear();
    this.timelineCache = undefined;
  }

  private remember(old: DocEntry): void {
    this.recent.delete(old.hash);
    this.recent.set(old.hash, old.reusable());
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value as string);
  }

  private contribute(d: DocEntry, sign: 1 | -1): void {
    const { uri } = d;
    this.storyTotal += sign * d.stories.length;
    this.mentionTotal += sign * d.mentions.length;
    const touched = new Map<string, EntityBucket>();
    d.mentions.forEach((m) => {
      const b = sign > 0 ? this.groups.obtain(m.key) : this.groups.buckets.get(m.key);
      if (!b) return;
      touched.set(m.key, b);
      b.mentionCount += sign;
      if (m.confirmed) b.confirmedCount += sign;
      bump(b.names, m.canonical ?? withoutPossessive(m.text), sign);
      bump(b.types, m.type, sign);
      this.groups.countAlias(b, withoutPossessive(m.text), sign);
      if (sign > 0) b.byUri.set(uri, (b.byUri.get(uri) ?? 0) + 1);
    });
    d.storyKeys.forEach((keys, storyIndex) => {
      const story = d.stories[storyIndex];
      const day = story && publicationDay(story);
      for (const key of keys) {
        const b = touched.get(key);
        if (!b) continue;
        b.storyCount += sign;
        if (day) bump(b.days, day, sign);
      }
    });
    if (sign < 0) {
      for (const b of touched.values()) {
        b.byUri.delete(uri);
        this.groups.release(b);
      }
    }
    addPositions(this.dayMentions, d.analysis.dates.map((m) => m.value), uri, sign);
    addPositions(this.dayStories, d.stories.map(publicationDay), uri, sign);
  }

  private emit(uris: string[], entities: boolean, annotations: boolean): void {
    if (this.batchDepth > 0) {
      this.pending ??= { uris: new Set(), entities: false, annotations: false };
      for (const u of uris) this.pending.uris.add(u);
      this.pending.entities ||= entities;
      this.pending.annotations ||= annotations;
      return;
    }
    this.changeEmitter.fire({ uris, entitiesChanged: entities, annotationsChanged: annotations });
  }

  private *memberMentions(root: string): Generator<{ uri: string; mention: IndexedMention; doc: DocEntry }> {
    for (const key of this.groups.membersOf(root)) {
      const b = this.groups.buckets.get(key);
      if (!b) continue;
      for (const uri of b.byUri.keys()) {
        const doc = this.docs.get(uri);
        if (!doc) continue;
        for (const mention of doc.mentions) if (mention.key === key) yield { uri, mention, doc };
      }
    }
  }

  private summarize(root: string): EntitySummary {
    const buckets = this.groups.membersOf(root).map((k) => this.groups.buckets.get(k)).filter((b): b is EntityBucket => !!b);
    // Members can share a story: with several, count distinct stories.
    return summarizeEntity(root, buckets, buckets.length > 1 ? this.storyRefs(root).length : undefined);
  }

  private computeCoMentions(root: string): CoMention[] {
    const counts = new Map<string, number>();
    for (const { doc, story } of this.storyRefs(root)) {
      const roots = new Set<string>();
      for (const k of doc.storyKeys[story.index] ?? []) roots.add(this.groups.rootOf(k));
      roots.delete(root);
      for (const r of roots) bump(counts, r, 1);
    }
    return this.rankCoMentions(counts, 1);
  }

  private rankCoMentions(counts: Map<string, number>, min: number): CoMention[] {
    const out: CoMention[] = [];
    for (const [key, count] of counts) {
      if (count < min) continue;
      const e = this.entity(key);
      if (e) out.push({ key, name: e.name, type: e.type, count });
    }
    return out.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }
}
