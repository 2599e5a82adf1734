/** Small pure helpers of the workspace index: ordering, position lookup, clamping. */
import type { AnnotationInfo, StoryInfo, TextAnalysis } from './documentAnalysis';
import type { IndexedMention, MentionLocation } from './indexTypes';

/** No mention is longer than this; bounds the backwards scan of `innermost`. */
const MAX_MENTION_LENGTH = 300;

/** Entities and dates sorted by start (position queries binary-search them). */
export function sortedAnalysis(a: TextAnalysis): TextAnalysis {
  const sorted = <T extends { start: number; end: number }>(l: readonly T[]): boolean => l.every((m, i) => i === 0 || l[i - 1]!.start <= m.start);
  if (sorted(a.entities) && sorted(a.dates) && sorted(a.sentences)) return a;
  const byStart = (x: { start: number; end: number }, y: { start: number; end: number }): number => x.start - y.start || y.end - x.end;
  return { ...a, entities: [...a.entities].sort(byStart), dates: [...a.dates].sort(byStart), sentences: [...a.sentences].sort(byStart) };
}

/** Annotations whose offsets fit the text (orphaned ones are kept whatever their offsets). */
export function clampAnnotations(annotations: readonly AnnotationInfo[], length: number): readonly AnnotationInfo[] {
  return annotations.filter((a) => a.status === 'orphaned' || (a.start >= 0 && a.start <= a.end && a.end <= length));
}

/** Adds (or, with sign -1, removes) a document's positions to a value → uri → indexes map. */
export function addPositions(index: Map<string, Map<string, number[]>>, values: ReadonlyArray<string | undefined>, uri: string, sign: 1 | -1): void {
  values.forEach((value, i) => {
    if (!value) return;
    let byUri = index.get(value);
    if (sign < 0) {
      byUri?.delete(uri);
      if (byUri && !byUri.size) index.delete(value);
      return;
    }
    if (!byUri) index.set(value, (byUri = new Map()));
    let list = byUri.get(uri);
    if (!list) byUri.set(uri, (list = []));
    list.push(i);
  });
}

/** The shortest span containing `offset` in a list sorted by start. */
export function innermost<T extends { start: number; end: number }>(list: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  let best: T | undefined;
  for (let i = lo - 1; i >= 0; i--) {
    const m = list[i]!;
    if (m.start < offset - MAX_MENTION_LENGTH) break;
    if (offset < m.end && (!best || m.end - m.start < best.end - best.start)) best = m;
  }
  return best;
}

/** A mention as a workspace location. */
export function location(uri: string, m: IndexedMention): MentionLocation {
  return { uri, start: m.start, end: m.end, story: m.story, text: m.text, confirmed: m.confirmed };
}

/** Descending order of optional strings, undefined last. */
export function cmpDesc(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? 1 : -1;
}

/**
 * The day a story was published, as far as the article says: a date taken from the
 * file's modification time only stands in for relative dates ("on Friday"), it is no
 * publication day (copied or re-saved files would all seem published today).
 */
export function publicationDay(story: StoryInfo): string | undefined {
  return story.date && story.date.source !== 'fileTime' ? story.date.value : undefined;
}

/** Stories newest first (undated last), then by uri and story order. */
export function newestFirst(a: { uri: string; story: StoryInfo }, b: { uri: string; story: StoryInfo }): number {
  return cmpDesc(publicationDay(a.story), publicationDay(b.story)) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.story.index - b.story.index);
}
