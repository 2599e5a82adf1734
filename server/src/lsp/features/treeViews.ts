import { promises as fsp } from 'node:fs';
import { URI } from 'vscode-uri';
import type { Annotation } from '../../core/annotations/model';
import type { SidecarEdit } from '../../core/annotations/sidecarYaml';
import type { StoryInfo } from '../../core/index/documentAnalysis';
import { entityKey } from '../../core/index/entityKey';
import type { EntitySummary, IndexChange, MentionLocation } from '../../core/index/indexTypes';
import { sentenceAt } from '../../core/index/sentences';
import type { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { SidecarStore, sidecarPathFor } from '../../node/sidecarStore';
import {
  AnnotationsTreeRequest,
  EntitiesTreeRequest,
  EntityStoriesRequest,
  IndexChangedNotification,
  MergeEntitiesRequest,
  RemoveAnnotationRequest,
  RenameEntityRequest,
  TimelineMonthRequest,
  TimelineTreeRequest,
  type AnnotationsTreeResult,
  type EntitiesTreeParams,
  type EntitiesTreeResult,
  type EntityStoriesParams,
  type EntityStoriesResult,
  type EntityEditResult,
  type IndexChangedParams,
  type RemoveAnnotationResult,
  type SkippedSidecar,
  type TimelineMonthParams,
  type TimelineTreeResult,
  type TreeTimelineDay,
  type TreeTimelineMonth,
  type TreeAnnotation,
  type TreeEntity,
  type TreeEntityGroup,
  type TreeEntityNote,
  type TreeEntityType,
  type TreeMention,
  type TreeStory,
  type TreeStoryMentions,
} from '../../protocol';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';
import type { Services } from '../services';

/** The type groups, in tree order. */
const TYPES: readonly TreeEntityType[] = ['person', 'organization', 'location', 'misc'];
/** Notes shown in an entity's tooltip. */
const NOTES_PER_ENTITY = 3;
/** Longest mention excerpt sent to the tree (the sentence is cut around the mention beyond this). */
const EXCERPT_MAX = 200;
/** Index changes are sent at most this often (a cold scan fires thousands). */
const NOTIFY_WINDOW_MS = 100;

/** The Services the tree handlers use; `sidecars` is the server's one sidecar writer when the integrator shares it. */
export type TreeViewServices = Services & { readonly sidecars?: SidecarStore };

/**
 * The Dossier tree views' requests (entities, an entity's stories,
 * annotations, timeline, rename and merge of entity links) and the
 * `dossier/indexChanged` notification that lets the trees follow the index.
 * The handlers only shape what the index answers; rename and merge write
 * through the sidecar store.
 */
export const treeViewsFeature: Feature = (services) => registerTreeViewHandlers(services);

/** Registers the handlers (see {@link treeViewsFeature}); contributes no capability. */
export function registerTreeViewHandlers(services: TreeViewServices): Record<string, never> {
  const { connection, index } = services;
  const console = connection.console;
  const workspace = () => ({ articleCount: index.uris().length, indexReady: services.indexer.isReady });
  // Without a shared store, a private one is still safe: the store re-reads and merges
  // whatever another writer put on disk before it writes.
  let ownStore: SidecarStore | undefined;
  const store = (): SidecarStore => services.sidecars ?? (ownStore ??= new SidecarStore());

  connection.onRequest(EntitiesTreeRequest.method, (params: EntitiesTreeParams, token) =>
    runSafe<EntitiesTreeResult>(console, 'the Entities tree', { ...workspace(), groups: [] }, token, () => ({
      ...workspace(),
      groups: entityGroups(index, params),
    })),
  );
  connection.onRequest(EntityStoriesRequest.method, (params: EntityStoriesParams, token) =>
    runSafe<EntityStoriesResult>(console, `the stories of ${params.key}`, { total: 0, stories: [] }, token, () => entityStories(index, params.key, params.limit)),
  );
  connection.onRequest(AnnotationsTreeRequest.method, (_params: unknown, token) =>
    runSafe<AnnotationsTreeResult>(console, 'the Annotations tree', { ...workspace(), files: [] }, token, async () => ({
      ...workspace(),
      files: await annotationFiles(index, store()),
    })),
  );
  connection.onRequest(TimelineTreeRequest.method, (_params: unknown, token) =>
    runSafe<TimelineTreeResult>(console, 'the Timeline tree', { ...workspace(), months: [] }, token, () => ({
      ...workspace(),
      months: timelineMonths(index),
    })),
  );
  connection.onRequest(TimelineMonthRequest.method, (params: TimelineMonthParams, token) =>
    runSafe<readonly TreeTimelineDay[]>(console, `the timeline of ${params.month}`, [], token, () => timelineDays(index, params.month)),
  );
  // Rename and merge are not wrapped in runSafe: a failure must reach the analyst, not look like "nothing changed".
  connection.onRequest(RenameEntityRequest.method, (params: { key: string; newName: string; dryRun: boolean }) => {
    const newName = params.newName.trim();
    if (!newName) throw new Error('The new name is empty.');
    const keys = new Set([index.resolve(params.key)]);
    return rewriteEntityLinks(index, store(), (entity) => (keys.has(linkKey(index, entity)) && entity !== newName ? newName : undefined), params.dryRun);
  });
  connection.onRequest(MergeEntitiesRequest.method, (params: { sources: readonly string[]; target: string; dryRun: boolean }) => {
    const target = index.resolve(params.target);
    const name = index.entity(target)?.name ?? params.target;
    const sources = new Set(params.sources.map((s) => index.resolve(s)).filter((k) => k !== target));
    return rewriteEntityLinks(index, store(), (entity) => (sources.has(linkKey(index, entity)) && entity !== name ? name : undefined), params.dryRun);
  });

  connection.onRequest(RemoveAnnotationRequest.method, (params: { uri: string; id: string }) => removeAnnotation(store(), params.uri, params.id));

  const notifier = new ChangeCoalescer((change) => void connection.sendNotification(IndexChangedNotification.method, change));
  const subscription = index.onDidChange((change) => notifier.push(change));
  connection.onShutdown(() => {
    subscription.dispose();
    notifier.dispose();
  });
  return {};
}

/** The merged entity key an annotation's entity link points at. */
function linkKey(index: WorkspaceIndex, entity: string): string {
  const key = index.resolve(entity);
  return key === '' ? entityKey(entity) : key;
}

/** Entities by type group, sorted and filtered by the index, with the analysts' latest notes. */
export function entityGroups(index: WorkspaceIndex, params: EntitiesTreeParams): TreeEntityGroup[] {
  const all = index.entities({ sort: params.sort, ...(params.filter?.trim() ? { filter: params.filter.trim() } : {}) });
  const types = params.types?.length ? TYPES.filter((t) => params.types!.includes(t)) : TYPES;
  const limit = params.limitPerType ?? Number.POSITIVE_INFINITY;
  const notes = notesByEntity(index);
  const groups: TreeEntityGroup[] = [];
  for (const type of types) {
    const ofType = all.filter((e) => e.type === type);
    if (!ofType.length) continue;
    groups.push({ type, total: ofType.length, entities: ofType.slice(0, limit).map((e) => treeEntity(e, notes.get(e.key) ?? [])) });
  }
  return groups;
}

function treeEntity(e: EntitySummary, notes: readonly TreeEntityNote[]): TreeEntity {
  return {
    key: e.key,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    storyCount: e.storyCount,
    mentionCount: e.mentionCount,
    ...(e.latestDate ? { latestDate: e.latestDate } : {}),
    confirmed: e.confirmed,
    notes,
  };
}

/** One pass over the annotations: each entity's notes, newest first (not one scan per entity). */
function notesByEntity(index: WorkspaceIndex): Map<string, TreeEntityNote[]> {
  const out = new Map<string, TreeEntityNote[]>();
  for (const { uri, annotation } of index.annotations()) {
    if (!annotation.entity || !annotation.note) continue;
    const key = linkKey(index, annotation.entity);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push({ text: annotation.note, ...(annotation.author ? { author: annotation.author } : {}), ...(annotation.updated ? { updated: annotation.updated } : {}), uri });
  }
  for (const [key, list] of out) {
    list.sort((a, b) => (b.updated ?? '').localeCompare(a.updated ?? ''));
    out.set(key, list.slice(0, NOTES_PER_ENTITY));
  }
  return out;
}

function treeStory(uri: string, s: StoryInfo): TreeStory {
  return {
    uri,
    index: s.index,
    headline: s.headline,
    ...(s.date ? { date: s.date.value } : {}),
    start: s.start,
    end: s.end,
    headlineStart: s.headlineSpan.start,
    headlineEnd: s.headlineSpan.end,
  };
}

/** The (newest `limit`) stories mentioning an entity, newest first, each mention with its sentence. */
export function entityStories(index: WorkspaceIndex, key: string, limit = Number.POSITIVE_INFINITY): EntityStoriesResult {
  const all = index.storiesMentioning(key);
  const stories = all.slice(0, Math.max(0, limit)).map(({ uri, story, mentions }): TreeStoryMentions => {
    const text = index.textOf(uri) ?? '';
    const sentences = index.document(uri)?.sentences ?? [];
    return { ...treeStory(uri, story), mentions: mentions.map((m) => treeMention(m, text, sentences)) };
  });
  return { total: all.length, stories };
}

function treeMention(m: MentionLocation, text: string, sentences: readonly { start: number; end: number }[]): TreeMention {
  return { start: m.start, end: m.end, text: m.text, excerpt: excerpt(text, sentenceAt(sentences, m.start) ?? m, m), confirmed: m.confirmed };
}

/** The sentence, whitespace collapsed, cut around the mention when too long. */
export function excerpt(text: string, sentence: { start: number; end: number }, mention: { start: number; end: number }): string {
  let start = sentence.start;
  let end = sentence.end;
  if (end - start > EXCERPT_MAX) {
    const room = Math.max(0, EXCERPT_MAX - (mention.end - mention.start));
    start = Math.max(sentence.start, mention.start - Math.floor(room / 2));
    end = Math.min(sentence.end, start + EXCERPT_MAX);
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > sentence.start ? '…' : ''}${body}${end < sentence.end ? '…' : ''}`;
}

/** Annotations by file, with their quote (the current text, or the stored quote for orphans). */
async function annotationFiles(index: WorkspaceIndex, store: SidecarStore): Promise<AnnotationsTreeResult['files']> {
  const byUri = new Map<string, TreeAnnotation[]>();
  for (const { uri, annotation: a } of index.annotations()) {
    let quote = (a as { quote?: string }).quote;
    if (quote === undefined && a.status !== 'orphaned') quote = index.textOf(uri)?.slice(a.start, a.end);
    if (quote === undefined) quote = (await storedAnnotation(store, uri, a.id))?.anchor.quote.exact ?? '';
    const item: TreeAnnotation = {
      id: a.id,
      uri,
      type: a.type,
      ...(a.entity ? { entity: a.entity } : {}),
      ...(a.note ? { note: a.note } : {}),
      quote,
      start: a.start,
      end: a.end,
      status: a.status,
      ...(a.author ? { author: a.author } : {}),
      ...(a.updated ? { updated: a.updated } : {}),
    };
    let list = byUri.get(uri);
    if (!list) byUri.set(uri, (list = []));
    list.push(item);
  }
  return [...byUri].sort(([a], [b]) => a.localeCompare(b)).map(([uri, annotations]) => ({ uri, annotations }));
}

/** The sidecar record of an annotation (its stored quote), through the store's memory or the disk. */
async function storedAnnotation(store: SidecarStore, uri: string, id: string): Promise<Annotation | undefined> {
  const file = articlePath(uri);
  if (!file) return undefined;
  const path = sidecarPathFor(file);
  const state = store.get(path) ?? (await store.read(path));
  return state.sidecar.annotations.find((x) => x.id === id);
}

/** The months of the timeline, newest first, with their day and story counts. */
export function timelineMonths(index: WorkspaceIndex): TreeTimelineMonth[] {
  const months = new Map<string, { days: number; stories: Set<string> }>();
  for (const d of index.timeline()) {
    const key = d.day.slice(0, 7);
    let m = months.get(key);
    if (!m) months.set(key, (m = { days: 0, stories: new Set() }));
    m.days++;
    for (const s of d.stories) m.stories.add(`${s.uri}#${s.story.index}`);
  }
  return [...months].sort(([a], [b]) => b.localeCompare(a)).map(([month, m]) => ({ month, days: m.days, stories: m.stories.size }));
}

/** The timeline days (of one month, `YYYY-MM`, when given) as the tree wants them. */
export function timelineDays(index: WorkspaceIndex, month?: string): TreeTimelineDay[] {
  const days = index.timeline();
  return (month === undefined ? days : days.filter((d) => d.day.startsWith(`${month}-`))).map((d) => ({
    day: d.day,
    stories: d.stories.map((s) => ({ ...treeStory(s.uri, s.story), published: s.published, dateMentions: s.mentions.length })),
    sharedEntities: d.sharedEntities.map((e) => ({ key: e.key, name: e.name, type: e.type, stories: e.count })),
  }));
}

function articlePath(uri: string): string | undefined {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? u.fsPath : undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Rewrites entity links in the sidecar of every indexed article: `rename`
 * returns the new link for an annotation's entity, or undefined to leave it.
 * A sidecar that cannot be parsed is never written (it is reported as
 * skipped); a dry run only counts.
 */
export async function rewriteEntityLinks(
  index: WorkspaceIndex,
  store: SidecarStore,
  rename: (entity: string) => string | undefined,
  dryRun: boolean,
): Promise<EntityEditResult> {
  const changed: string[] = [];
  const skipped: SkippedSidecar[] = [];
  let annotations = 0;
  const now = new Date().toISOString();
  for (const uri of index.uris().sort()) {
    const file = articlePath(uri);
    if (!file) continue;
    const path = sidecarPathFor(file);
    if (!(await exists(path))) continue;
    const state = await store.read(path);
    const edits: SidecarEdit[] = [];
    for (const a of state.sidecar.annotations) {
      const to = a.entity === undefined ? undefined : rename(a.entity);
      if (to !== undefined) edits.push({ kind: 'update', id: a.id, changes: { entity: to }, updated: now });
    }
    if (!state.sidecar.writable) {
      // What we could read may be incomplete: never write it; say so whether or not we saw a link.
      if (edits.length || state.problems.some((p) => p.severity === 'error')) skipped.push({ uri, reason: reasonOf(state.problems) });
      continue;
    }
    if (!edits.length) continue;
    if (dryRun) {
      changed.push(uri);
      annotations += edits.length;
      continue;
    }
    const report = await store.edit(path, edits);
    if (report.status === 'written' || report.status === 'unchanged' || report.status === 'deleted') {
      changed.push(uri);
      annotations += edits.length;
    } else {
      skipped.push({ uri, reason: report.status === 'blocked' ? `${reasonOf(report.state.problems)}; the change waits until the file is fixed` : `not written: ${report.error ?? 'I/O error'}` });
    }
  }
  return { files: changed.length, annotations, changed, skipped, applied: !dryRun };
}

/** Removes one annotation through the store; an unparsable sidecar is left as it is. */
export async function removeAnnotation(store: SidecarStore, uri: string, id: string): Promise<RemoveAnnotationResult> {
  const file = articlePath(uri);
  if (!file) return { removed: false, reason: 'only files on disk have sidecars' };
  const path = sidecarPathFor(file);
  const state = await store.read(path);
  if (!state.sidecar.writable) return { removed: false, reason: reasonOf(state.problems) };
  if (!state.sidecar.annotations.some((a) => a.id === id)) return { removed: false, reason: 'the annotation is no longer in its sidecar' };
  const report = await store.edit(path, [{ kind: 'remove', id }]);
  if (report.status === 'written' || report.status === 'deleted' || report.status === 'unchanged') return { removed: true };
  // Like every store edit, a removal that could not be written stays pending and is applied once the file can be.
  const why = report.status === 'blocked' ? reasonOf(report.state.problems) : `not written: ${report.error ?? 'I/O error'}`;
  return { removed: false, reason: `${why}; the removal is applied when the file can be written` };
}

function reasonOf(problems: readonly { severity: string; message: string }[]): string {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  return first ? `cannot be read safely (${first.message})` : 'cannot be read safely';
}

/**
 * Merges index changes for a short window before they go to the client: a
 * cold scan of thousands of files becomes a few notifications.
 */
export class ChangeCoalescer {
  private pending: { uris: Set<string>; entities: boolean; annotations: boolean } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (change: IndexChangedParams) => void,
    private readonly windowMs = NOTIFY_WINDOW_MS,
  ) {}

  /** Adds a change; the first of a window starts it. */
  push(change: IndexChange): void {
    this.pending ??= { uris: new Set(), entities: false, annotations: false };
    for (const u of change.uris) this.pending.uris.add(u);
    this.pending.entities ||= change.entitiesChanged;
    this.pending.annotations ||= change.annotationsChanged;
    this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  /** Sends the pending change now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const p = this.pending;
    this.pending = undefined;
    if (p) this.send({ uris: [...p.uris], entitiesChanged: p.entities, annotationsChanged: p.annotations });
  }

  /** Drops the pending change and the timer. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
