import {
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
 * the entities those stories share.
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
    return data.days.length ? undefined : 'No dated stories in the articles.';
  }

  protected rootSpecs(data: TimelineTreeResult): NodeSpec[] {
    const months = new Map<string, TreeTimelineDay[]>();
    const days = [...data.days].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day)).sort((a, b) => b.day.localeCompare(a.day));
    for (const d of days) {
      const m = d.day.slice(0, 7);
      let list = months.get(m);
      if (!list) months.set(m, (list = []));
      list.push(d);
    }
    let first = true;
    return [...months].map(([month, list]) => {
      const stories = new Set(list.flatMap((d) => d.stories.map((s) => `${s.uri}#${s.index}`))).size;
      const spec: NodeSpec = {
        item: {
          id: `month:${month}`,
          label: monthLabel(month),
          description: `${plural(list.length, 'day', 'days')} · ${plural(stories, 'story', 'stories')}`,
          icon: { id: 'calendar' },
          // The newest month opens by itself: that is where an analyst starts reading.
          collapsible: first ? 'expanded' : 'collapsed',
          contextValue: 'month',
        },
        data: { kind: 'month', month, days: list.length, stories } satisfies TimelineNodeData,
        children: list.map(daySpec),
      };
      first = false;
      return spec;
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
