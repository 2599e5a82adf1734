import type { EntityType } from '../recognize/model';
import { bump, type EntityBucket } from './entityBuckets';
import { foldText } from './entityKey';
import type { EntitySummary } from './indexTypes';

/**
 * The summary of one entity from the buckets merged into it (root first):
 * the root's most frequent canonical name, the most frequent type, the other
 * names seen (canonical variants and surface forms, deduplicated by their
 * folded form, most frequent first), counts and the latest story day.
 * `distinctStories` replaces the summed story count when several buckets
 * may share stories.
 */
export function summarizeEntity(root: string, buckets: readonly EntityBucket[], distinctStories?: number): EntitySummary {
  const rootBucket = buckets[0]!;
  const types = new Map<EntityType, number>();
  const names = new Map<string, number>();
  const aliases = new Map<string, { display: string; count: number }>();
  let mentionCount = 0;
  let storyCount = 0;
  let confirmed = false;
  let latestDate: string | undefined;
  for (const b of buckets) {
    for (const [t, c] of b.types) bump(types, t, c);
    for (const [n, c] of b.names) bump(names, n, c);
    for (const [norm, a] of b.aliases) {
      const cur = aliases.get(norm);
      aliases.set(norm, { display: cur?.display ?? a.display, count: (cur?.count ?? 0) + a.count });
    }
    mentionCount += b.mentionCount;
    storyCount += b.storyCount;
    confirmed ||= b.confirmedCount > 0;
    const day = b.latestDay;
    if (day && (!latestDate || day > latestDate)) latestDate = day;
  }
  if (distinctStories !== undefined) storyCount = distinctStories;
  const name = rootBucket.name || (rootBucket.aliases.values().next().value?.display ?? root);
  let type: EntityType = 'misc';
  let best = -1;
  for (const t of ['person', 'organization', 'location', 'misc'] as const) {
    const c = types.get(t) ?? 0;
    if (c > best) [type, best] = [t, c];
  }
  const nameNorm = foldText(name);
  const others = new Map<string, { display: string; count: number }>();
  for (const [n, c] of names) if (n !== name) others.set(`=${n}`, { display: n, count: c });
  for (const [norm, a] of aliases) {
    if (norm === nameNorm || norm === root) continue;
    if ([...others.values()].some((o) => foldText(o.display) === norm)) continue;
    others.set(norm, a);
  }
  const aliasList = [...others.values()].sort((a, b) => b.count - a.count || a.display.localeCompare(b.display)).map((a) => a.display);
  return {
    key: root, name, type, aliases: aliasList, mentionCount, storyCount, confirmed,
    ...(latestDate ? { latestDate } : {}),
  };
}
