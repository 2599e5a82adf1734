import {
  EntitiesTreeRequest,
  EntityStoriesRequest,
  type EntitiesTreeResult,
  type IndexChangedParams,
  type TreeEntity,
  type TreeEntitySort,
  type TreeEntityType,
  type EntityStoriesResult,
  type TreeMention,
  type TreeStory,
} from '../../../server/src/protocol';
import type { ServerApi } from '../serverApi';
import { ViewCommands, ViewIds } from './commandIds';
import { CONFIRMED_ICON, ENTITY_TYPE_LABELS, ENTITY_TYPE_ORDER, entityTypeIcon } from './entityPresentation';
import { escapeMarkdown, fileName, plural, shortDate, shorten } from './format';
import type { NodeSpec } from './nodeStore';
import { BaseTreeModel } from './treeModel';
import type { ViewNode } from './treeItemData';

/** The data behind each kind of node of the Entities view. */
export type EntityNodeData =
  | { readonly kind: 'group'; readonly type: TreeEntityType; readonly total: number }
  | { readonly kind: 'more'; readonly type: TreeEntityType; readonly hidden: number }
  | { readonly kind: 'entity'; readonly entity: TreeEntity }
  | { readonly kind: 'story'; readonly entityKey: string; readonly story: TreeStory }
  | { readonly kind: 'mention'; readonly uri: string; readonly mention: TreeMention }
  | { readonly kind: 'olderStories'; readonly hidden: number };

/** How the Entities view is sorted and filtered. */
export interface EntityQuery {
  readonly sort: TreeEntitySort;
  /** Text filter; empty for none. */
  readonly filter: string;
  /** Types shown; empty for every type. */
  readonly types: readonly TreeEntityType[];
}

/** Options of the Entities model. */
export interface EntitiesModelOptions {
  readonly sort?: TreeEntitySort;
  /** Entities listed per type group at most (the rest is one "N more" node). */
  readonly limitPerType?: number;
  /** Stories listed under an entity at most (the newest). */
  readonly storiesPerEntity?: number;
}

const DEFAULT_LIMIT = 1000;
const DEFAULT_STORIES = 200;
const EXCERPT_MAX = 120;

/**
 * The Entities view as a pure model: type groups, their entities (sorted and
 * filtered by the server), and under each entity the stories that mention it
 * (loaded when expanded, newest first) with each mention's sentence.
 */
export class EntitiesModel extends BaseTreeModel<EntitiesTreeResult> {
  private query: EntityQuery;
  private readonly limitPerType: number;
  private readonly storiesPerEntity: number;

  constructor(server: ServerApi, options: EntitiesModelOptions = {}) {
    super(ViewIds.entities, server);
    this.query = { sort: options.sort ?? 'count', filter: '', types: [] };
    this.limitPerType = options.limitPerType ?? DEFAULT_LIMIT;
    this.storiesPerEntity = options.storiesPerEntity ?? DEFAULT_STORIES;
  }

  /** The current sort and filters. */
  get current(): EntityQuery {
    return this.query;
  }

  /** True when a text or type filter hides entities. */
  get filtered(): boolean {
    return this.query.filter !== '' || this.query.types.length > 0;
  }

  /** Changes the sort order and refreshes the groups whose order changed. */
  async setSort(sort: TreeEntitySort): Promise<void> {
    if (sort === this.query.sort) return;
    this.query = { ...this.query, sort };
    await this.requery();
  }

  /** Sets the text filter (trimmed; empty clears it). */
  async setFilter(filter: string): Promise<void> {
    const f = filter.trim();
    if (f === this.query.filter) return;
    this.query = { ...this.query, filter: f };
    await this.requery();
  }

  /** Shows only these types (empty: all). */
  async setTypes(types: readonly TreeEntityType[]): Promise<void> {
    const t = ENTITY_TYPE_ORDER.filter((x) => types.includes(x));
    if (t.join() === this.query.types.join()) return;
    this.query = { ...this.query, types: t };
    await this.requery();
  }

  /** Clears the text and type filters. */
  async clearFilter(): Promise<void> {
    if (!this.filtered) return;
    this.query = { ...this.query, filter: '', types: [] };
    await this.requery();
  }

  /** The entities the last answer listed, in tree order (for the merge quick pick). */
  listedEntities(): TreeEntity[] {
    return (this.rootData?.groups ?? []).flatMap((g) => g.entities);
  }

  override description(): string | undefined {
    const parts: string[] = [];
    if (this.query.filter) parts.push(`“${this.query.filter}”`);
    if (this.query.types.length) parts.push(this.query.types.map((t) => ENTITY_TYPE_LABELS[t].group).join(', '));
    return parts.length ? `Filter: ${parts.join(' · ')}` : undefined;
  }

  override message(): string | undefined {
    const data = this.rootData;
    if (!data) return undefined;
    if (data.groups.length === 0) {
      if (this.filtered) return `No entity matches ${this.description()?.replace(/^Filter: /, '') ?? 'the filter'}.`;
      if (!data.indexReady) return 'Indexing the workspace…';
      return data.articleCount > 0 ? 'No entities found in the articles yet.' : undefined;
    }
    if (!data.indexReady) return `Indexing the workspace… (${plural(data.articleCount, 'article', 'articles')} so far)`;
    return undefined;
  }

  protected fetchRoot(): Promise<EntitiesTreeResult> {
    const { sort, filter, types } = this.query;
    return this.server.request(EntitiesTreeRequest, {
      sort,
      ...(filter ? { filter } : {}),
      ...(types.length ? { types } : {}),
      limitPerType: this.limitPerType,
    });
  }

  protected rootSpecs(data: EntitiesTreeResult): NodeSpec[] {
    const groups = [...data.groups].sort((a, b) => ENTITY_TYPE_ORDER.indexOf(a.type) - ENTITY_TYPE_ORDER.indexOf(b.type));
    return groups.map((g) => {
      const children: NodeSpec[] = g.entities.map((e) => entitySpec(e));
      const hidden = g.total - g.entities.length;
      if (hidden > 0) children.push(moreSpec(g.type, hidden));
      return {
        item: {
          id: `group:${g.type}`,
          label: ENTITY_TYPE_LABELS[g.type].group,
          description: String(g.total),
          icon: entityTypeIcon(g.type),
          collapsible: 'expanded',
          contextValue: 'entityGroup',
        },
        data: { kind: 'group', type: g.type, total: g.total } satisfies EntityNodeData,
        children,
      };
    });
  }

  protected override isLazy(node: ViewNode): boolean {
    return (node.data as EntityNodeData).kind === 'entity';
  }

  protected override fetchChildren(node: ViewNode): Promise<NodeSpec[]> | undefined {
    const data = node.data as EntityNodeData;
    if (data.kind !== 'entity') return undefined;
    const key = data.entity.key;
    return this.server.request(EntityStoriesRequest, { key, limit: this.storiesPerEntity }).then((r) => storySpecs(node.id, key, r));
  }

  protected override affects(change: IndexChangedParams): boolean {
    return change.entitiesChanged || change.uris.length > 0;
  }

  /** An entity whose summary changed, or whose loaded stories are in a changed file, loads its stories again. */
  protected override staleLoaded(change: IndexChangedParams, changed: ReadonlySet<ViewNode>): ViewNode[] {
    const uris = new Set(change.uris);
    return this.store.all().filter((n) => {
      if ((n.data as EntityNodeData).kind !== 'entity' || !this.store.isLoaded(n)) return false;
      if (changed.has(n)) return true;
      return (this.store.childrenOf(n) ?? []).some((s) => {
        const d = s.data as EntityNodeData;
        return d.kind === 'story' && uris.has(d.story.uri);
      });
    });
  }
}

function entitySpec(e: TreeEntity): NodeSpec {
  const counts = `${plural(e.storyCount, 'story', 'stories')} · ${plural(e.mentionCount, 'mention', 'mentions')}`;
  return {
    item: {
      id: `entity:${e.key}`,
      label: e.name,
      description: e.confirmed ? `${counts} · confirmed` : counts,
      tooltip: entityTooltip(e),
      icon: e.confirmed ? CONFIRMED_ICON : entityTypeIcon(e.type),
      collapsible: e.storyCount > 0 ? 'collapsed' : 'none',
      contextValue: 'entity',
    },
    data: { kind: 'entity', entity: e } satisfies EntityNodeData,
  };
}

function moreSpec(type: TreeEntityType, hidden: number): NodeSpec {
  return {
    item: {
      id: `more:${type}`,
      label: `${hidden} more…`,
      description: 'filter to narrow the list',
      icon: { id: 'ellipsis' },
      collapsible: 'none',
      contextValue: 'more',
      command: { command: ViewCommands.entitiesFilter, title: 'Filter Entities…' },
    },
    data: { kind: 'more', type, hidden } satisfies EntityNodeData,
  };
}

/** The tooltip of an entity: names, counts, latest date and the analyst's latest notes, escaped. */
export function entityTooltip(e: TreeEntity): string {
  const lines = [`**${escapeMarkdown(e.name)}** · ${ENTITY_TYPE_LABELS[e.type]?.one ?? e.type}${e.confirmed ? ' · confirmed by an analyst' : ''}`];
  if (e.aliases.length) lines.push(`Also: ${e.aliases.map(escapeMarkdown).join(', ')}`);
  const counts = `${plural(e.storyCount, 'story', 'stories')} · ${plural(e.mentionCount, 'mention', 'mentions')}`;
  lines.push(e.latestDate ? `${counts} · latest ${escapeMarkdown(shortDate(e.latestDate))}` : counts);
  if (e.notes.length) {
    lines.push(
      'Notes:\n\n' +
        e.notes
          .map((n) => {
            const by = [n.author, n.updated?.slice(0, 10)].filter(Boolean).map((x) => escapeMarkdown(x!)).join(', ');
            return `- ${escapeMarkdown(shorten(n.text, 200))}${by ? ` — ${by}` : ''}`;
          })
          .join('\n'),
    );
  }
  return lines.join('\n\n');
}

/** Stories newest first (undated last), then by file and position. */
export function newestFirst<S extends TreeStory>(stories: readonly S[]): S[] {
  return [...stories].sort(
    (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.uri.localeCompare(b.uri) || a.index - b.index,
  );
}

function storySpecs(entityId: string, key: string, result: EntityStoriesResult): NodeSpec[] {
  const ids = new UniqueIds();
  const specs = newestFirst(result.stories).map((s): NodeSpec => {
    const { mentions, ...story } = s;
    const id = ids.next(`${entityId}|story:${s.uri}#${s.index}`);
    return {
      item: {
        id,
        label: s.headline ? shorten(s.headline, 100) : `(story ${s.index + 1} without headline)`,
        description: [s.date ? shortDate(s.date) : undefined, fileName(s.uri)].filter(Boolean).join(' · '),
        tooltip: `**${escapeMarkdown(s.headline || 'Untitled story')}**\n\n${escapeMarkdown(
          [s.date, fileName(s.uri)].filter(Boolean).join(' · '),
        )} · ${plural(mentions.length, 'mention', 'mentions')}`,
        icon: { id: 'note' },
        collapsible: mentions.length ? 'collapsed' : 'none',
        contextValue: 'story',
        resourceUri: s.uri,
      },
      data: { kind: 'story', entityKey: key, story } satisfies EntityNodeData,
      children: [...mentions]
        .sort((a, b) => a.start - b.start)
        .map(
          (m): NodeSpec => ({
            item: {
              id: ids.next(`${id}|m:${m.start}-${m.end}`),
              label: shorten(m.excerpt || m.text, EXCERPT_MAX),
              description: m.confirmed ? 'confirmed' : undefined,
              tooltip: mentionTooltip(m),
              icon: { id: m.confirmed ? 'pass-filled' : 'quote' },
              collapsible: 'none',
              contextValue: 'mention',
              command: { command: ViewCommands.revealRange, title: 'Show Mention', arguments: [s.uri, m.start, m.end] },
            },
            data: { kind: 'mention', uri: s.uri, mention: m } satisfies EntityNodeData,
          }),
        ),
    };
  });
  const hidden = result.total - result.stories.length;
  if (hidden > 0) {
    specs.push({
      item: {
        id: `${entityId}|older`,
        label: `${plural(hidden, 'older story', 'older stories')} not listed`,
        description: 'Find All References lists every mention',
        icon: { id: 'ellipsis' },
        collapsible: 'none',
        contextValue: 'olderStories',
      },
      data: { kind: 'olderStories', hidden } satisfies EntityNodeData,
    });
  }
  return specs;
}

/**
 * Node ids must be unique in a tree (VS Code refuses the whole level
 * otherwise); a repeated one, such as two mentions on the same span, gets a suffix.
 */
class UniqueIds {
  private readonly seen = new Set<string>();
  next(id: string): string {
    let out = id;
    for (let i = 2; this.seen.has(out); i++) out = `${id}~${i}`;
    this.seen.add(out);
    return out;
  }
}

/** The sentence with the mention in bold (the mention's first occurrence in it), escaped. */
function mentionTooltip(m: TreeMention): string {
  const sentence = m.excerpt || m.text;
  const at = sentence.indexOf(m.text);
  if (at < 0 || !m.text) return escapeMarkdown(sentence);
  return `${escapeMarkdown(sentence.slice(0, at))}**${escapeMarkdown(m.text)}**${escapeMarkdown(sentence.slice(at + m.text.length))}`;
}
