import type { EntityType } from '../recognize/model';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Span } from '../text/problem';
import { weekdayOf } from './hover';

/** A code lens on a story headline, as plain data. */
export interface StoryLens {
  /** The headline span (the LSP layer puts the lens on its line). */
  readonly span: Span;
  /** Index of the story in its file. */
  readonly story: number;
  /** E.g. `2024-01-19 (Friday) · 3 people · 2 organizations · 6 places · 1 other`. */
  readonly title: string;
  readonly date?: string;
  /** Distinct entities of each type in the story. */
  readonly counts: Readonly<Record<EntityType, number>>;
}

const LABELS: Record<EntityType, [string, string]> = {
  person: ['person', 'people'],
  organization: ['organization', 'organizations'],
  location: ['place', 'places'],
  misc: ['other', 'others'],
};

/** One lens per story of the document: its date and how many entities of each type it names. */
export function storyCodeLenses(index: WorkspaceIndex, uri: string): StoryLens[] {
  const doc = index.document(uri);
  if (!doc) return [];
  const perStory = doc.stories.map(() => new Map<string, EntityType>());
  for (const m of index.mentionsIn(uri)) perStory[m.story]?.set(index.resolve(m.key), m.type);
  return doc.stories.map((story, i) => {
    const counts: Record<EntityType, number> = { person: 0, organization: 0, location: 0, misc: 0 };
    for (const t of perStory[i]!.values()) counts[t]++;
    const parts: string[] = [];
    const date = story.date?.value;
    parts.push(date ? `${date}${weekdayOf(date) ? ` (${weekdayOf(date)})` : ''}` : 'undated');
    for (const t of ['person', 'organization', 'location', 'misc'] as const) {
      if (counts[t]) parts.push(`${counts[t]} ${counts[t] === 1 ? LABELS[t][0] : LABELS[t][1]}`);
    }
    if (parts.length === 1) parts.push('no entities');
    return { span: story.headlineSpan, story: i, title: parts.join(' \u00b7 '), ...(date ? { date } : {}), counts };
  });
}
