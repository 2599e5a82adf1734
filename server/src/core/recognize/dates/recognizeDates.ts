import type { Span } from '../../text/problem';
import type { DateMention } from '../model';
import { isoDay, parseIsoDay } from './calendar';
import { Captures } from './captures';
import { alternativeAt, dateGrammar, dateTriggers, MAX_WORDS_BEFORE_TRIGGER, triggerOpens, type Alternative, type Grammar } from './grammar';
import { wordStartsBefore } from './leadWords';
import { prefersMonthFirst } from './numericOrder';
import { resolveMatch, type ResolveContext } from './resolveMatch';
import { alternativeWith, BareName, bareNameAt, deicticAt, MonthThen, monthNumberAt, onlyDayMonthAt, onlyYearAt } from './shortcuts';

/**
 * Built once: compiling the grammar costs far more than running it on a short
 * story. Sharing is safe because every use sets `lastIndex` first and the
 * scan never yields to other code.
 */
const GRAMMAR_AT_DIGIT = dateGrammar('digit');
const GRAMMAR_AT_WORD = dateGrammar('word');
const GRAMMAR_AT_QUOTE = dateGrammar('quote');
/**
 * Alternatives run without the probe (see `shortcuts.ts`): where only they can
 * match (a bare year, day and month, month, weekday, "today"), or, for a month
 * and a number, first, as the probe's choice if they match at all.
 */
const BARE_YEAR = alternativeWith(GRAMMAR_AT_DIGIT, 'y');
const DAY_MONTH = alternativeWith(GRAMMAR_AT_DIGIT, 'dmD');
const BARE_MONTH = alternativeWith(GRAMMAR_AT_WORD, 'mo');
const BARE_WEEKDAY = alternativeWith(GRAMMAR_AT_WORD, 'wd');
const DEICTIC = alternativeWith(GRAMMAR_AT_WORD, 'dx');
const MONTH_DAY = alternativeWith(GRAMMAR_AT_WORD, 'mdM');
const MONTH_YEAR = alternativeWith(GRAMMAR_AT_WORD, 'myM');

/** Scratch of the scan, reused from call to call (the scan is synchronous and not re-entrant). */
const CAPTURES = new Captures();
const TRIGGERS = dateTriggers();
const STARTS = new Int32Array(MAX_WORDS_BEFORE_TRIGGER + 2);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * At a trigger of `length` characters tried at itself: the one alternative that
 * alone can match there, when a shortcut knows it (a year, a day number before
 * a capital, "today" and its kin, a full month or weekday name with nothing
 * after it that another alternative reads), else undefined.
 */
function shortcutAt(text: string, at: number, length: number): Alternative | undefined {
  const c = text.charCodeAt(at);
  if (isDigit(c)) {
    if (length === 4) return onlyYearAt(text, at) ? BARE_YEAR : undefined;
    return length <= 2 && onlyDayMonthAt(text, at, length) ? DAY_MONTH : undefined;
  }
  if (deicticAt(text, at)) return DEICTIC;
  if (c < 65 || c > 90) return undefined;
  const name = bareNameAt(text, at);
  return name === BareName.Month ? BARE_MONTH : name === BareName.Weekday ? BARE_WEEKDAY : undefined;
}

/** At a month name and a number, the alternative the probe would choose if it matches (see `monthNumberAt`). */
function firstCandidateAt(text: string, at: number): Alternative | undefined {
  const c = text.charCodeAt(at);
  if (c < 65 || c > 90) return undefined;
  const then = monthNumberAt(text, at);
  return then === MonthThen.Day ? MONTH_DAY : then === MonthThen.Year ? MONTH_YEAR : undefined;
}

/** The part of the grammar that can match at `at`, by its first character. */
function grammarAt(text: string, at: number): Grammar {
  const c = text.charCodeAt(at);
  if (isDigit(c)) return GRAMMAR_AT_DIGIT;
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
  const ref = parseIsoDay(referenceDate);
  const ctx = new TextContext(text, ref, ref === undefined ? '' : isoDay(ref));
  const spans = normalizeSpans(options?.spans, text.length);
  const out: DateMention[] = [];
  const triggers = TRIGGERS;
  const starts = STARTS;
  // One scan of the triggers over the whole text, walking the spans alongside (a story has
  // a span per part: restarting the scan in each cost a third of the time). A trigger found
  // before the current span is searched again from the span's start, as a scan of that span
  // alone would; one found at or after it is the first that scan would find too.
  if (spans.length === 0) return out;
  let k = 0;
  let span = spans[0];
  // `pos`: nothing before it may start a match (it is the end of the last one, or the span start).
  let pos = span.start;
  triggers.lastIndex = pos;
  for (let t = triggers.exec(text); t !== null; t = triggers.exec(text)) {
    if (t.index >= span.end) {
      while (k < spans.length && spans[k].end <= t.index) k++;
      if (k === spans.length) break;
      span = spans[k];
      pos = span.start;
      if (t.index < span.start) { triggers.lastIndex = span.start; continue; }
    }
    // Try the word starts just before the trigger, earliest first, as a left-to-right scan would.
    const n = wordStartsBefore(text, t.index, Math.max(pos, span.start), triggerOpens(text, t.index), starts);
    for (let s = 0; s < n; s++) {
      const at = starts[s] ?? 0;
      let alternative = at === t.index ? shortcutAt(text, at, t[0].length) : undefined;
      let m: RegExpExecArray | null = null;
      if (alternative === undefined && at === t.index) {
        // A month then a number: the probe's choice if it matches at all ("January 19", "January 2024").
        const first = firstCandidateAt(text, at);
        if (first !== undefined) {
          first.regex.lastIndex = at;
          m = first.regex.exec(text);
          if (m !== null) alternative = first;
        }
      }
      alternative ??= alternativeAt(grammarAt(text, at), text, at);
      if (alternative === undefined) continue;
      if (m === null) {
        alternative.regex.lastIndex = at;
        m = alternative.regex.exec(text);
      }
      if (m === null || m[0].length === 0 || at + m[0].length > span.end) continue;
      const mention = resolveMatch(m, CAPTURES.fill(m, alternative.slots), ctx);
      if (!mention) continue;
      if (isList(mention)) out.push(...mention);
      else out.push(mention);
      pos = at + m[0].length;
      if (triggers.lastIndex < pos) triggers.lastIndex = pos;
      break;
    }
  }
  return out;
}

function isList(x: DateMention | readonly DateMention[]): x is readonly DateMention[] {
  return Array.isArray(x);
}

/**
 * The resolve context of one text. A class rather than an object literal with
 * a closure: the shipped bundle keeps function names, which costs every closure
 * a `defineProperty` each time it is created.
 */
class TextContext implements ResolveContext {
  private first: boolean | undefined;

  constructor(readonly text: string, readonly ref: number | undefined, readonly refIso: string) {}

  /** Whether ambiguous numeric dates are month-first; computed on first use. */
  monthFirst(): boolean {
    return (this.first ??= prefersMonthFirst(this.text));
  }
}

/**
 * Sorted, clamped, merged spans; the whole text when none are given. Loops, not
 * `map`/`filter`/`sort` callbacks (see {@link TextContext} on closures).
 *
 * A story's parts come in order: then one pass clamps and merges them as they
 * come, with no sort (the general path below gives the same spans).
 */
function normalizeSpans(spans: readonly Span[] | undefined, length: number): readonly Span[] {
  if (spans === undefined) return [{ start: 0, end: length }];
  if (isNormal(spans, length)) return spans;
  const merged: Span[] = [];
  let last: { start: number; end: number } | undefined;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i] ?? { start: 0, end: 0 };
    const start = Math.max(0, Math.min(length, s.start));
    const end = Math.max(0, Math.min(length, s.end));
    if (!(end > start && Number.isFinite(start) && Number.isFinite(end))) continue;
    if (last === undefined) last = { start, end };
    else if (start < last.start) return sortAndMerge(spans, length);
    else if (start <= last.end) last.end = Math.max(last.end, end);
    else {
      merged.push(last);
      last = { start, end };
    }
  }
  if (last !== undefined) merged.push(last);
  return merged;
}

/**
 * Whether `spans` are already what {@link normalizeSpans} makes of them: in
 * the text, not empty, sorted and apart (a story's parts, one per line, are).
 * Then they are used as they are, with no copy.
 */
function isNormal(spans: readonly Span[], length: number): boolean {
  let end = -1;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i] ?? { start: 0, end: 0 };
    // Negated comparisons: NaN fails them all.
    if (!(s.start >= 0 && s.start > end && s.end > s.start && s.end <= length)) return false;
    end = s.end;
  }
  return true;
}

/** {@link normalizeSpans} for spans in any order: a stable sort by start, then merging. */
function sortAndMerge(spans: readonly Span[], length: number): Span[] {
  const sorted: Span[] = [];
  for (const s of spans) {
    const start = Math.max(0, Math.min(length, s.start));
    const end = Math.max(0, Math.min(length, s.end));
    if (!(end > start && Number.isFinite(start) && Number.isFinite(end))) continue;
    // Insertion by start, after the spans that start no later: a stable sort.
    let i = sorted.length;
    while (i > 0 && (sorted[i - 1]?.start ?? 0) > start) i--;
    sorted.splice(i, 0, { start, end });
  }
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else merged.push(s);
  }
  return merged;
}
