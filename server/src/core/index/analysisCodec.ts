import type { ReferenceDateSource } from '../article/model';
import type { DateGranularity, EntityType, MentionOrigin } from '../recognize/model';
import type { Problem, ProblemSeverity, Span } from '../text/problem';
import type { StoryDateMention, StoryEntityMention, StoryInfo, TextAnalysis } from './documentAnalysis';

/**
 * Compact, JSON-able form of a {@link TextAnalysis}, used by the persistent
 * cache. Numbers go into flat arrays and names into a per-document string
 * table, so that 10,000 documents serialize to a few MB, and decoding does
 * not need the document text (a restored index can answer before it has
 * re-read every file).
 */
export interface EncodedAnalysis {
  /** Text length. */
  readonly n: number;
  /** Stories: [start, end, headline, headlineStart, headlineEnd, date|'', dateSource|'', dateStart|-1, dateEnd|-1, place|''] */
  readonly s: ReadonlyArray<readonly [number, number, string, number, number, string, string, number, number, string]>;
  /** Entities, {@link E} numbers each: start, end, type, story, confidence×1000, canonical|-1, origin, phraseStart|-1, text (string indexes into `c`). */
  readonly e: readonly number[];
  /** String table: canonical names and mention texts. */
  readonly c: readonly string[];
  /** Dates: [start, end, text, value, granularity, resolvedFrom, story, rangeEnd|''] */
  readonly d: ReadonlyArray<readonly [number, number, string, string, number, string, number, string]>;
  /** Sentences: flat start/end pairs, each number relative to the previous one. */
  readonly t: readonly number[];
  /** Boilerplate spans, flat start/end pairs, delta-encoded like `t`. */
  readonly b: readonly number[];
  /** Problems: [start, end, severity, code, message]. */
  readonly p: ReadonlyArray<readonly [number, number, string, string, string]>;
}

/** Numbers per encoded entity mention. */
const E = 9;
const TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'misc'];
const ORIGINS: readonly MentionOrigin[] = ['recognizer', 'analyst'];
const GRANULARITIES: readonly DateGranularity[] = ['day', 'week', 'month', 'quarter', 'year'];
const SOURCES: readonly ReferenceDateSource[] = ['dateLine', 'caption', 'dateline', 'body', 'previousStory', 'fileTime'];
const SEVERITIES: readonly ProblemSeverity[] = ['error', 'warning', 'info'];

/** Encodes an analysis for the persistent cache. */
export function encodeAnalysis(a: TextAnalysis): EncodedAnalysis {
  const table = new Map<string, number>();
  const c: string[] = [];
  const str = (s: string): number => {
    let i = table.get(s);
    if (i === undefined) {
      i = c.length;
      c.push(s);
      table.set(s, i);
    }
    return i;
  };
  const e: number[] = [];
  for (const m of a.entities) {
    e.push(m.start, m.end, TYPES.indexOf(m.type), m.story, Math.round(m.confidence * 1000),
      m.canonical === undefined ? -1 : str(m.canonical), ORIGINS.indexOf(m.origin), m.phraseStart ?? -1, str(m.text));
  }
  return {
    n: a.length,
    s: encodeStories(a.stories),
    e, c,
    d: a.dates.map((m) => [m.start, m.end, m.text, m.value, GRANULARITIES.indexOf(m.granularity), m.resolvedFrom, m.story, m.rangeEnd ?? ''] as const),
    t: deltaSpans(a.sentences),
    b: deltaSpans(a.boilerplate),
    p: a.problems.map((p) => [p.start, p.end, p.severity, p.code, p.message] as const),
  };
}

/**
 * Decodes a cached analysis. Returns undefined when the entry is malformed
 * (wrong shapes, offsets outside the text), so the caller re-analyses
 * instead of trusting a bad cache.
 */
export function decodeAnalysis(raw: unknown): TextAnalysis | undefined {
  try {
    return decodeUnsafe(raw as EncodedAnalysis);
  } catch {
    return undefined;
  }
}

function decodeUnsafe(enc: EncodedAnalysis): TextAnalysis | undefined {
  if (typeof enc !== 'object' || enc === null || typeof enc.n !== 'number' || enc.n < 0) return undefined;
  const n = enc.n;
  const ok = (s: unknown, e: unknown): boolean => typeof s === 'number' && typeof e === 'number' && s >= 0 && s <= e && e <= n;
  const stories = decodeStories(enc.s, n);
  if (!stories) return undefined;
  const { e, c } = enc;
  if (e.length % E !== 0) return undefined;
  const entities: StoryEntityMention[] = new Array(e.length / E);
  for (let k = 0, i = 0; k < e.length; k += E, i++) {
    const start = e[k]!;
    const end = e[k + 1]!;
    const type = TYPES[e[k + 2]!];
    const origin = ORIGINS[e[k + 6]!];
    const text = c[e[k + 8]!];
    const ci = e[k + 5]!;
    const canonical = ci >= 0 ? c[ci] : undefined;
    if (!ok(start, end) || !type || !origin || typeof text !== 'string' || (ci >= 0 && typeof canonical !== 'string')) return undefined;
    const ps = e[k + 7]!;
    const base = { start, end, type, text, confidence: e[k + 4]! / 1000, origin, story: e[k + 3]! };
    entities[i] = canonical === undefined
      ? (ps >= 0 ? { ...base, phraseStart: ps } : base)
      : (ps >= 0 ? { ...base, canonical, phraseStart: ps } : { ...base, canonical });
  }
  const dates: StoryDateMention[] = [];
  for (const [start, end, text, value, gi, resolvedFrom, story, rangeEnd] of enc.d) {
    const granularity = GRANULARITIES[gi];
    if (!ok(start, end) || !granularity || typeof text !== 'string' || typeof value !== 'string' || typeof resolvedFrom !== 'string') return undefined;
    const m = { start, end, text, value, granularity, resolvedFrom, story };
    dates.push(rangeEnd ? { ...m, rangeEnd } : m);
  }
  const sentences = undeltaSpans(enc.t, n);
  const boilerplate = undeltaSpans(enc.b, n);
  if (!sentences || !boilerplate) return undefined;
  const problems: Problem[] = [];
  for (const [start, end, sev, code, message] of enc.p) {
    const severity = SEVERITIES.find((v) => v === sev);
    if (!severity || typeof start !== 'number' || typeof end !== 'number') return undefined;
    problems.push({ start, end, severity, code: String(code), message: String(message) });
  }
  return { length: n, stories, entities, dates, sentences, boilerplate, problems };
}

/** Encodes stories (also kept alone in the index state). */
export function encodeStories(stories: readonly StoryInfo[]): EncodedAnalysis['s'] {
  return stories.map((st) => [
    st.start, st.end, st.headline, st.headlineSpan.start, st.headlineSpan.end,
    st.date?.value ?? '', st.date?.source ?? '', st.date?.span?.start ?? -1, st.date?.span?.end ?? -1, st.place ?? '',
  ] as const);
}

/** Decodes the stories part alone (cheap: the index lists stories without decoding whole analyses). */
export function decodeStories(s: EncodedAnalysis['s'], n: number): StoryInfo[] | undefined {
  const ok = (a: unknown, b: unknown): boolean => typeof a === 'number' && typeof b === 'number' && a >= 0 && a <= b && b <= n;
  if (!Array.isArray(s)) return undefined;
  const stories: StoryInfo[] = [];
  for (let i = 0; i < s.length; i++) {
    const [start, end, headline, hs, he, dv, dsrc, dss, dse, place] = s[i]!;
    if (!ok(start, end) || !ok(hs, he) || typeof headline !== 'string') return undefined;
    const headlineSpan = { start: hs, end: he };
    const source = SOURCES.includes(dsrc as ReferenceDateSource) ? (dsrc as ReferenceDateSource) : undefined;
    let story: StoryInfo = { index: i, start, end, headline, headlineSpan };
    if (dv && source) story = { ...story, date: dss >= 0 && ok(dss, dse) ? { value: dv, source, span: { start: dss, end: dse } } : { value: dv, source } };
    if (place) story = { ...story, place };
    stories.push(story);
  }
  return stories;
}

function deltaSpans(spans: readonly Span[]): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const s of spans) {
    out.push(s.start - prev, s.end - s.start);
    prev = s.end;
  }
  return out;
}

function undeltaSpans(flat: readonly number[], n: number): Span[] | undefined {
  if (!Array.isArray(flat) || flat.length % 2 !== 0) return undefined;
  const out: Span[] = [];
  let prev = 0;
  for (let i = 0; i < flat.length; i += 2) {
    const start = prev + (flat[i] as number);
    const end = start + (flat[i + 1] as number);
    if (!(start >= 0 && end >= start && end <= n)) return undefined;
    out.push({ start, end });
    prev = end;
  }
  return out;
}
