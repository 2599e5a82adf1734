import {
  TimelineMonthRequest,
  TimelineTreeRequest,
  type IndexChangedParams,
  type TimelineTreeResult,
  type TreeSharedEntity,
  type TreeTimelineDay,
  type TreeTimelineStory,
} from '../../../server/src/protocol';
import type { ServerApi } from '../serverApi';
import { ViewCommands, ViewIds } from './commandIds';
import { entityTypeIcon } from './entityPresentation';
import { dayLabel, escapeMarkdown, fileName, monthLabel, plural, shorten } from './format';
import type { NodeSpec } from './nodeStore';
import { BaseTreeModel } from './treeModel';
import type { ViewNode } from './treeItemData';

/** The data behind each kind of node of the Timeline view. */
export type TimelineNodeData =
  | { readonly kind: 'month'; readonly month: string; readonly days: number; readonly stories: number }
  | { readonly kind: 'day'; readonly day: string }
  | { readonly kind: 'story'; readonly day: string; readonly story: TreeTimelineStory }
  | { readonly kind: 'shared'; readonly day: string; readonly count: number }
  | { readonly kind: 'sharedEntity'; readonly day: string; readonly entity: TreeSharedEntity };

/**
 * The Timeline view as a pure model: months newest first, their days newest
 * first, each day with its stories (published that day, or mentioning it) and
 * the entities those stories share. A month's days load when it is expanded,
 * so a workspace spanning years does not send every day on each refresh.
 */
export class TimelineModel extends BaseTreeModel<TimelineTreeResult> {
  constructor(server: ServerApi) {
    super(ViewIds.timeline, server);
  }

  protected fetchRoot(): Promise<TimelineTreeResult> {
    return this.server.request(TimelineTreeRequest, undefined);
  }

  protected override affects(change: IndexChangedParams): boolean {
    return change.uris.length > 0 || change.entitiesChanged;
  }

  override message(): string | undefined {
    const data = this.rootData;
    if (!data || data.articleCount === 0) return undefined;
    if (!data.indexReady) return 'Indexing the workspace…';
    return data.months.length ? undefined : 'No dated stories in the articles.';
  }

  protected rootSpecs(data: TimelineTreeResult): NodeSpec[] {
    const months = data.months.filter((m) => /^\d{4}-\d{2}$/.test(m.month)).sort((a, b) => b.month.localeCompare(a.month));
    return months.map((m, i) => ({
      item: {
        id: `month:${m.month}`,
        label: monthLabel(m.month),
        description: `${plural(m.days, 'day', 'days')} · ${plural(m.stories, 'story', 'stories')}`,
        icon: { id: 'calendar' },
        // The newest month opens by itself: that is where an analyst starts reading.
        collapsible: i === 0 ? 'expanded' : 'collapsed',
        contextValue: 'month',
      },
      data: { kind: 'month', month: m.month, days: m.days, stories: m.stories } satisfies TimelineNodeData,
    }));
  }

  protected override isLazy(node: ViewNode): boolean {
    return (node.data as TimelineNodeData).kind === 'month';
  }

  protected override fetchChildren(node: ViewNode): Promise<NodeSpec[]> | undefined {
    const data = node.data as TimelineNodeData;
    if (data.kind !== 'month') return undefined;
    return this.server.request(TimelineMonthRequest, { month: data.month }).then((days) =>
      [...days]
        .filter((d) => d.day.startsWith(`${data.month}-`) && /^\d{4}-\d{2}-\d{2}$/.test(d.day))
        .sort((a, b) => b.day.localeCompare(a.day))
        .map(daySpec),
    );
  }

  /** A loaded month reloads when its counts changed or one of its stories is in a changed file. */
  protected override staleLoaded(change: IndexChangedParams, changed: ReadonlySet<ViewNode>): ViewNode[] {
    const uris = new Set(change.uris);
    return this.store.all().filter((n) => {
      if ((n.data as TimelineNodeData).kind !== 'month' || !this.store.isLoaded(n)) return false;
      if (changed.has(n)) return true;
      return (this.store.childrenOf(n) ?? []).some((day) =>
        (this.store.childrenOf(day) ?? []).some((s) => {
          const d = s.data as TimelineNodeData;
          return d.kind === 'story' && uris.has(d.story.uri);
        }),
      );
    });
  }
}

function daySpec(d: TreeTimelineDay): NodeSpec {
  const id = `day:${d.day}`;
  const published = d.stories.filter((s) => s.published).length;
  const mentioning = d.stories.length - published;
  const children: NodeSpec[] = [...d.stories]
    .sort((a, b) => Number(b.published) - Number(a.published) || a.uri.localeCompare(b.uri) || a.index - b.index)
    .map((s) => storySpec(id, d.day, s));
  if (d.sharedEntities.length) {
    children.push({
      item: {
        id: `${id}|shared`,
        label: 'Shared entities',
        description: shorten(d.sharedEntities.map((e) => e.name).join(', '), 80),
        icon: { id: 'link' },
        collapsible: 'collapsed',
        contextValue: 'sharedEntities',
      },
      data: { kind: 'shared', day: d.day, count: d.sharedEntities.length } satisfies TimelineNodeData,
      children: d.sharedEntities.map((e) => ({
        item: {
          id: `${id}|shared|${e.key}`,
          label: e.name,
          description: `in ${plural(e.stories, 'story', 'stories')}`,
          icon: entityTypeIcon(e.type),
          collapsible: 'none',
          contextValue: 'sharedEntity',
        },
        data: { kind: 'sharedEntity', day: d.day, entity: e } satisfies TimelineNodeData,
      })),
    });
  }
  const counts = [published ? `${published} published` : '', mentioning ? `${mentioning} mentioning` : ''].filter(Boolean).join(' · ');
  return {
    item: {
      id,
      label: dayLabel(d.day),
      description: counts,
      icon: { id: 'calendar' },
      collapsible: 'collapsed',
      contextValue: 'day',
    },
    data: { kind: 'day', day: d.day } satisfies TimelineNodeData,
    children,
  };
}

function storySpec(dayId: string, day: string, s: TreeTimelineStory): NodeSpec {
  const how = s.published ? 'published' : `mentions the day${s.dateMentions > 1 ? ` ${s.dateMentions}×` : ''}`;
  return {
    item: {
      id: `${dayId}|story:${s.uri}#${s.index}`,
      label: s.headline ? shorten(s.headline, 100) : `(story ${s.index + 1} without headline)`,
      description: `${how} · ${fileName(s.uri)}`,
      tooltip: `**${escapeMarkdown(s.headline || 'Untitled story')}**\n\n${escapeMarkdown(`${fileName(s.uri)} · ${how}`)}`,
      icon: { id: s.published ? 'note' : 'mention' },
      collapsible: 'none',
      contextValue: 'story',
      resourceUri: s.uri,
      command: {
        command: ViewCommands.revealRange,
        title: 'Show Story',
        arguments: [s.uri, s.headlineStart, s.headlineEnd],
      },
    },
    data: { kind: 'story', day, story: s } satisfies TimelineNodeData,
  };
}
