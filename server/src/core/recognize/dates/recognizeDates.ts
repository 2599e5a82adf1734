import type { Span } from '../../text/problem';
import type { DateMention } from '../model';
import { isoDay, parseIsoDay } from './calendar';
import { prefersMonthFirst } from './numericOrder';
import { captureNames, dateGrammar, dateTriggers, MAX_WORDS_BEFORE_TRIGGER } from './grammar';
import { resolveMatch, type Groups, type ResolveContext } from './resolveMatch';

/**
 * Built once: compiling the grammar costs far more than running it on a short
 * story. Sharing is safe because every use sets `lastIndex` first and the
 * scan never yields to other code.
 */
const GRAMMAR_AT_DIGIT = dateGrammar('digit');
const GRAMMAR_AT_WORD = dateGrammar('word');
const GRAMMAR_AT_QUOTE = dateGrammar('quote');
const NAMES = new Map<RegExp, readonly string[]>(
  [GRAMMAR_AT_DIGIT, GRAMMAR_AT_WORD, GRAMMAR_AT_QUOTE].map((re) => [re, captureNames(re)]),
);
const TRIGGERS = dateTriggers();

/** The filled captures of a match as a small object (see {@link captureNames}). */
function groupsOf(m: RegExpExecArray, names: readonly string[]): Groups {
  const g: Record<string, string> = {};
  for (let i = 1; i < m.length; i++) {
    const v = m[i];
    if (v !== undefined) g[names[i] ?? ''] = v;
  }
  return g;
}

/** The part of the grammar that can match at `at`, by its first character. */
function grammarAt(text: string, at: number): RegExp {
  const c = text.charCodeAt(at);
  if (c >= 48 && c <= 57) return GRAMMAR_AT_DIGIT;
  return c === 39 || c === 0x2019 ? GRAMMAR_AT_QUOTE : GRAMMAR_AT_WORD;
}

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
 *
 * A compact range ("3-5 January", "January 3-5, 2024", "2009-10") is one
 * mention with `rangeEnd`; a range with two full endpoints ("from 2009 to
 * 2011", "between April and June") is one mention per endpoint, the first
 * carrying `rangeEnd`, as news annotation marks each endpoint as a date.
 * Runs well above 10 MB/s: a cheap scan finds trigger words (digits, month
 * and weekday names, "yesterday", "year" …) and the grammar runs only there.
 */
export function recognizeDates(text: string, referenceDate: string | undefined, options?: RecognizeDatesOptions): DateMention[] {
  if (text.length === 0) return [];
  let monthFirst: boolean | undefined;
  const ref = parseIsoDay(referenceDate);
  const ctx: ResolveContext = {
    text,
    ref,
    refIso: ref === undefined ? '' : isoDay(ref),
    monthFirst: () => (monthFirst ??= prefersMonthFirst(text)),
  };
  const spans = normalizeSpans(options?.spans, text.length);
  const out: DateMention[] = [];
  const triggers = TRIGGERS;
  const starts: number[] = [];
  for (const span of spans) {
    // `pos`: nothing before it may start a match (it is the end of the last one, or the span start).
    let pos = span.start;
    triggers.lastIndex = pos;
    for (let t = triggers.exec(text); t !== null && t.index < span.end; t = triggers.exec(text)) {
      // Try the word starts just before the trigger, earliest first, as a left-to-right scan would.
      wordStartsBefore(text, t.index, Math.max(pos, span.start), starts);
      for (const at of starts) {
        const grammar = grammarAt(text, at);
        grammar.lastIndex = at;
        const m = grammar.exec(text);
        if (m === null || m[0].length === 0 || at + m[0].length > span.end) continue;
        const mention = resolveMatch(m, groupsOf(m, NAMES.get(grammar) ?? []), ctx);
        if (!mention) continue;
        if (isList(mention)) out.push(...mention);
        else out.push(mention);
        pos = at + m[0].length;
        if (triggers.lastIndex < pos) triggers.lastIndex = pos;
        break;
      }
    }
  }
  return out;
}

/**
 * Words that may open a date expression before its trigger ("the end of last
 * year", "three weeks ago", "mid-January"); stepping back stops at any other word,
 * so most triggers cost a single grammar attempt.
 */
const LEAD_WORDS = new Set([
  'the', 'of', 'end', 'beginning', 'start', 'middle', 'close', 'early', 'earlier', 'late', 'later', 'mid',
  'last', 'this', 'next', 'coming', 'current', 'past', 'previous', 'preceding', 'prior',
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'several', 'few', 'couple', 'first', 'second', 'third', 'fourth', 'final', 'in', 'from', 'between',
  'spring', 'summer', 'autumn', 'fall', 'winter',
]);

/**
 * Fills `out` with the starts of up to {@link MAX_WORDS_BEFORE_TRIGGER} lead
 * words right before `at`, not before `floor`, earliest first, then `at` itself.
 */
function wordStartsBefore(text: string, at: number, floor: number, out: number[]): void {
  out.length = 0;
  let i = at;
  for (let w = 0; w < MAX_WORDS_BEFORE_TRIGGER && i > floor; w++) {
    let j = i;
    // Separators between words: spaces and hyphens ("mid-January").
    while (j > floor && isSeparator(text.charCodeAt(j - 1))) j--;
    if (j === i || j <= floor) break;
    let k = j;
    while (k > floor && isLetter(text.charCodeAt(k - 1))) k--;
    if (k === j || j - k > 9 || !LEAD_WORDS.has(text.slice(k, j).toLowerCase())) break;
    out.push(k);
    i = k;
  }
  out.reverse();
  // '82: the apostrophe opens the expression.
  const c = text.charCodeAt(at - 1);
  if ((c === 39 || c === 0x2019) && at - 1 >= floor) out.push(at - 1);
  if (at >= floor) out.push(at);
}

function isSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 45 || c === 0xa0;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isList(x: DateMention | readonly DateMention[]): x is readonly DateMention[] {
  return Array.isArray(x);
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
