import type { EntityType } from '../recognize/model';
import { encodeStories, decodeStories, type EncodedAnalysis } from './analysisCodec';
import { DocEntry } from './docEntry';
import type { AnnotationInfo } from './documentAnalysis';
import { EntityBucket } from './entityBuckets';

/**
 * The aggregates of the index in JSON-able form, saved with the cached
 * analyses so that a warm start restores them instead of re-aggregating
 * every mention of every document. Documents are numbered by their position
 * in `uris`.
 */
export interface IndexState {
  readonly uris: readonly string[];
  /** Per document: content hash, version, annotations (0 for none), text length, stories (encoded), keys per story (bucket indexes). */
  readonly docs: ReadonlyArray<readonly [string, number, readonly AnnotationInfo[] | 0, number, EncodedAnalysis['s'], ReadonlyArray<readonly number[]>]>;
  /** [key, mentions, stories, confirmed, names [name, n]…, aliases [norm, display, n]…, types [type, n]…, days [day, n]…, documents [doc, n] flat] */
  readonly buckets: ReadonlyArray<readonly [
    string, number, number, number,
    ReadonlyArray<readonly [string, number]>,
    ReadonlyArray<readonly [string, string, number]>,
    ReadonlyArray<readonly [EntityType, number]>,
    ReadonlyArray<readonly [string, number]>,
    readonly number[],
  ]>;
  /** Date value → [document, date-mention indexes]. */
  readonly dayMentions: ReadonlyArray<readonly [string, ReadonlyArray<readonly [number, readonly number[]]>]>;
  /** Publication day → [document, story indexes]. */
  readonly dayStories: ReadonlyArray<readonly [string, ReadonlyArray<readonly [number, readonly number[]]>]>;
  readonly storyTotal: number;
  readonly mentionTotal: number;
}

type Positions = Map<string, Map<string, number[]>>;

/** Captures the aggregates of the index (see {@link IndexState}). */
export function snapshotState(
  docs: readonly DocEntry[],
  buckets: ReadonlyMap<string, EntityBucket>,
  dayMentions: Positions,
  dayStories: Positions,
  storyTotal: number,
  mentionTotal: number,
): IndexState {
  const uriIndex = new Map<string, number>();
  docs.forEach((d, i) => uriIndex.set(d.uri, i));
  const bucketIndex = new Map<string, number>();
  let bi = 0;
  for (const key of buckets.keys()) bucketIndex.set(key, bi++);
  const positions = (map: Positions): Array<[string, Array<[number, number[]]>]> =>
    [...map].map(([value, byUri]) => [value, [...byUri].map(([uri, idxs]) => [uriIndex.get(uri) ?? -1, idxs] as [number, number[]])]);
  return {
    uris: docs.map((d) => d.uri),
    docs: docs.map((d) => [
      // Annotations keep their quote so that a restored document's mentions come out the same before its text is re-read.
      d.hash, d.version, d.annotations.length ? d.annotations.map((a) => (a.quote === undefined && d.text !== undefined ? { ...a, quote: d.text.slice(a.start, a.end) } : a)) : 0,
      d.length, encodeStories(d.stories),
      d.storyKeys.map((keys) => keys.map((k) => bucketIndex.get(k) ?? -1)),
    ] as const),
    buckets: [...buckets.values()].map((b) => [
      b.key, b.mentionCount, b.storyCount, b.confirmedCount,
      [...b.names], [...b.aliases].map(([norm, a]) => [norm, a.display, a.count] as const), [...b.types], [...b.days],
      [...b.byUri].flatMap(([uri, n]) => [uriIndex.get(uri) ?? -1, n]),
    ] as const),
    dayMentions: positions(dayMentions),
    dayStories: positions(dayStories),
    storyTotal,
    mentionTotal,
  };
}

/** What {@link restoreState} gives back to the index. */
export interface RestoredState {
  readonly docs: DocEntry[];
  readonly buckets: EntityBucket[];
  readonly dayMentions: Positions;
  readonly dayStories: Positions;
  readonly storyTotal: number;
  readonly mentionTotal: number;
}

/**
 * Rebuilds the aggregates from a saved state. The documents come back
 * without text (to be confirmed by their content hash when re-read) and
 * with their analyses still encoded. Returns undefined for a state that is
 * malformed or refers to analyses the cache does not hold.
 */
export function restoreState(raw: unknown, entries: ReadonlyMap<string, string>, onCorrupt: (d: DocEntry) => void): RestoredState | undefined {
  try {
    const s = raw as IndexState;
    if (!Array.isArray(s.uris) || !Array.isArray(s.docs) || s.uris.length !== s.docs.length) return undefined;
    const uriAt = (i: number): string => {
      const u = s.uris[i];
      if (typeof u !== 'string') throw new Error('bad document index');
      return u;
    };
    const buckets: EntityBucket[] = [];
    const keys: string[] = s.buckets.map((b) => b[0]);
    const docs: DocEntry[] = [];
    for (let i = 0; i < s.docs.length; i++) {
      const [hash, version, annotations, length, encodedStories, storyKeys] = s.docs[i]!;
      const uri = s.uris[i];
      const enc = entries.get(hash);
      const stories = decodeStories(encodedStories, length);
      if (typeof uri !== 'string' || enc === undefined || typeof version !== 'number' || !stories || !Array.isArray(storyKeys)) return undefined;
      const restored = { stories, storyKeys: storyKeys.map((ks: readonly number[]) => ks.map((k: number) => keys[k] ?? '')), length };
      docs.push(new DocEntry(uri, version, hash, undefined, undefined, annotations === 0 ? [] : annotations, enc, onCorrupt, restored));
    }
    for (const [key, mentions, stories, confirmed, names, aliases, types, days, byUri] of s.buckets) {
      if (typeof key !== 'string' || typeof mentions !== 'number' || mentions <= 0) return undefined;
      const b = new EntityBucket(key);
      b.mentionCount = mentions;
      b.storyCount = stories;
      b.confirmedCount = confirmed;
      for (const [n, c] of names) b.names.set(n, c);
      for (const [norm, display, count] of aliases) b.aliases.set(norm, { display, count });
      for (const [t, c] of types) b.types.set(t, c);
      for (const [d, c] of days) b.days.set(d, c);
      for (let i = 0; i < byUri.length; i += 2) b.byUri.set(uriAt(byUri[i]!), byUri[i + 1]!);
      buckets.push(b);
    }
    const positions = (list: IndexState['dayMentions']): Positions => {
      const map: Positions = new Map();
      for (const [value, byDoc] of list) map.set(value, new Map(byDoc.map(([d, idxs]) => [uriAt(d), [...idxs]])));
      return map;
    };
    return {
      docs, buckets,
      dayMentions: positions(s.dayMentions),
      dayStories: positions(s.dayStories),
      storyTotal: Number(s.storyTotal) || 0,
      mentionTotal: Number(s.mentionTotal) || 0,
    };
  } catch {
    return undefined;
  }
}
