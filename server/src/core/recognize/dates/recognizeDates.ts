import type { Span } from '../../text/problem';
import type { DateMention } from '../model';
import { parseIsoDay } from './calendar';
import { prefersMonthFirst } from './context';
import { dateGrammar } from './grammar';
import { resolveMatch, type ResolveContext } from './resolveMatch';

/** Options of {@link recognizeDates}. */
export interface RecognizeDatesOptions {
  /**
   * Only look inside these ranges of `text` (e.g. a story's headline and body,
   * leaving out boilerplate). Offsets in the result stay offsets into `text`,
   * and the words around a span still inform the resolution.
   */
  readonly spans?: readonly Span[];
}

/**
 * Finds the date expressions of a news text and resolves them to ISO values.
 *
 * Relative expressions ("on Friday", "last month", "June 18") are resolved
 * against `referenceDate` (the story's date, `YYYY-MM-DD`) the way news reads:
 * undated weekdays and months point back unless the sentence looks forward
 * ("will", "next", "scheduled"). Without a valid reference date only dates
 * that name their year are returned. Mentions come sorted by start and never
 * overlap; durations ("three years"), counts, money, times and names
 * ("Theresa May") are left out.
 */
export function recognizeDates(text: string, referenceDate: string | undefined, options?: RecognizeDatesOptions): DateMention[] {
  if (text.length === 0) return [];
  let monthFirst: boolean | undefined;
  const ctx: ResolveContext = {
    text,
    ref: parseIsoDay(referenceDate),
    monthFirst: () => (monthFirst ??= prefersMonthFirst(text)),
  };
  const spans = normalizeSpans(options?.spans, text.length);
  const out: DateMention[] = [];
  const re = dateGrammar();
  for (const span of spans) {
    re.lastIndex = span.start;
    for (let m = re.exec(text); m !== null && m.index < span.end; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      if (m.index + m[0].length > span.end) continue;
      const mention = resolveMatch(m, ctx);
      if (mention) out.push(mention);
    }
  }
  return out;
}

/** Sorted, clamped, merged spans; the whole text when none are given. */
function normalizeSpans(spans: readonly Span[] | undefined, length: number): Span[] {
  if (spans === undefined) return [{ start: 0, end: length }];
  const clamped = spans
    .map((s) => ({ start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }))
    .filter((s) => s.end > s.start && Number.isFinite(s.start) && Number.isFinite(s.end))
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of clamped) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else merged.push(s);
  }
  return merged;
}
