import type { ReferenceDateSource } from '../article/model';
import type { DateGranularity, EntityType, MentionOrigin } from '../recognize/model';
import type { Problem, ProblemSeverity, Span } from '../text/problem';
import type { StoryDateMention, StoryEntityMention, StoryInfo, TextAnalysis } from './documentAnalysis';

/**
 * Compact, JSON-able form of a {@link TextAnalysis}, used by the persistent
 * cache. Numbers go into flat arrays and mention texts are not stored (they
 * are slices of the document text, which the index has anyway when it
 * decodes), so that 10,000 documents serialize to a few MB and parse fast.
 */
export interface EncodedAnalysis {
  /** Text length. */
  readonly n: number;
  /** Stories: [start, end, headline, headlineStart, headlineEnd, date|'', dateSource|'', dateStart|-1, dateEnd|-1, place|''] */
  readonly s: ReadonlyArray<readonly [number, number, string, number, number, string, string, number, number, string]>;
  /** Entities, 8 numbers each: start, end, type, story, confidence×1000, canonical index|-1, origin, phraseStart|-1. */
  readonly e: readonly number[];
  /** String table for canonical names. */
  readonly c: readonly string[];
  /** Dates: [start, end, value, granularity, resolvedFrom, story, rangeEnd|''] */
  readonly d: ReadonlyArray<readonly [number, number, string, number, string, number, string]>;
  /** Mention texts that differ from the text slice, by entity index then date index (`e3`, `d0`). */
  readonly x?: Readonly<Record<string, string>>;
  /** Sentences: flat start/end pairs, each number relative to the previous one. */
  readonly t: readonly number[];
  /** Boilerplate spans, flat start/end pairs, delta-encoded like `t`. */
  readonly b: readonly number[];
  /** Problems: [start, end, severity, code, message]. */
  readonly p: ReadonlyArray<readonly [number, number, string, string, string]>;
}

/** Numbers per encoded entity mention. */
const E = 8;
const TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'misc'];
const ORIGINS: readonly MentionOrigin[] = ['recognizer', 'analyst'];
const GRANULARITIES: readonly DateGranularity[] = ['day', 'week', 'month', 'quarter', 'year'];
const SOURCES: readonly ReferenceDateSource[] = ['dateLine', 'caption', 'dateline', 'body', 'previousStory', 'fileTime'];
const SEVERITIES: readonly ProblemSeverity[] = ['error', 'warning', 'info'];

/** Encodes an analysis for the persistent cache. */
export function encodeAnalysis(a: TextAnalysis, text: string): EncodedAnalysis {
  const canon = new Map<string, number>();
  const c: string[] = [];
  const x: Record<string, string> = {};
  const e: number[] = [];
  a.entities.forEach((m, i) => {
    let ci = -1;
    if (m.canonical !== undefined) {
      ci = canon.get(m.canonical) ?? -1;
      if (ci < 0) {
        ci = c.length;
        c.push(m.canonical);
        canon.set(m.canonical, ci);
      }
    }
    if (text.slice(m.start, m.end) !== m.text) x[`e${i}`] = m.text;
    e.push(m.start, m.end, TYPES.indexOf(m.type), m.story, Math.round(m.confidence * 1000), ci, ORIGINS.indexOf(m.origin), m.phraseStart ?? -1);
  });
  const d = a.dates.map((m, i) => {
    if (text.slice(m.start, m.end) !== m.text) x[`d${i}`] = m.text;
    return [m.start, m.end, m.value, GRANULARITIES.indexOf(m.granularity), m.resolvedFrom, m.story, m.rangeEnd ?? ''] as const;
  });
  const s = a.stories.map((st) => [
    st.start, st.end, st.headline, st.headlineSpan.start, st.headlineSpan.end,
    st.date?.value ?? '', st.date?.source ?? '', st.date?.span?.start ?? -1, st.date?.span?.end ?? -1, st.place ?? '',
  ] as const);
  const enc: EncodedAnalysis = {
    n: a.length, s, e, c, d,
    t: deltaSpans(a.sentences), b: deltaSpans(a.boilerplate),
    p: a.problems.map((p) => [p.start, p.end, p.severity, p.code, p.message] as const),
  };
  return Object.keys(x).length ? { ...enc, x } : enc;
}

/**
 * Decodes a cached analysis against the document text it is claimed to
 * describe. Returns undefined when the entry is malformed or does not fit
 * the text, so the caller re-analyses instead of trusting a bad cache.
 */
export function decodeAnalysis(raw: unknown, text: string): TextAnalysis | undefined {
  try {
    return decodeUnsafe(raw as EncodedAnalysis, text);
  } catch {
    return undefined;
  }
}

function decodeUnsafe(enc: EncodedAnalysis, text: string): TextAnalysis | undefined {
  if (typeof enc !== 'object' || enc === null || enc.n !== text.length) return undefined;
  const n = text.length;
  const ok = (s: unknown, e: unknown): boolean => typeof s === 'number' && typeof e === 'number' && s >= 0 && s <= e && e <= n;
  const x = enc.x ?? {};
  const stories: StoryInfo[] = [];
  for (const [i, r] of enc.s.entries()) {
    const [start, end, headline, hs, he, dv, dsrc, dss, dse, place] = r;
    if (!ok(start, end) || !ok(hs, he) || typeof headline !== 'string') return undefined;
    const source = SOURCES.find((v) => v === dsrc);
    const date = dv && source ? { value: dv, source, ...(dss >= 0 && ok(dss, dse) ? { span: { start: dss, end: dse } } : {}) } : undefined;
    stories.push({ index: i, start, end, headline, headlineSpan: { start: hs, end: he }, ...(date ? { date } : {}), ...(place ? { place } : {}) });
  }
  const entities: StoryEntityMention[] = [];
  if (enc.e.length % E !== 0) return undefined;
  for (let k = 0; k < enc.e.length; k += E) {
    const [start, end, ti, story, conf, ci, oi, ps] = enc.e.slice(k, k + E) as [number, number, number, number, number, number, number, number];
    const type = TYPES[ti];
    const origin = ORIGINS[oi];
    if (!ok(start, end) || !type || !origin) return undefined;
    const canonical = ci >= 0 ? enc.c[ci] : undefined;
    if (ci >= 0 && typeof canonical !== 'string') return undefined;
    const i = k / E;
    entities.push({
      start, end, type, story, origin, confidence: conf / 1000,
      text: x[`e${i}`] ?? text.slice(start, end),
      ...(canonical !== undefined ? { canonical } : {}),
      ...(ps >= 0 ? { phraseStart: ps } : {}),
    });
  }
  const dates: StoryDateMention[] = [];
  for (const [i, r] of enc.d.entries()) {
    const [start, end, value, gi, resolvedFrom, story, rangeEnd] = r;
    const granularity = GRANULARITIES[gi];
    if (!ok(start, end) || !granularity || typeof value !== 'string' || typeof resolvedFrom !== 'string') return undefined;
    dates.push({
      start, end, value, granularity, resolvedFrom, story,
      text: x[`d${i}`] ?? text.slice(start, end),
      ...(rangeEnd ? { rangeEnd } : {}),
    });
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
