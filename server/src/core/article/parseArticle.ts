/**
 * The article parser's entry point. The pipeline, one file per step:
 *   inputChecks   binary / encoding / line-ending problems
 *   lines         physical lines (LF, CRLF, lone CR), blank lines counted; each non-blank one
 *   contentLines  with its kind (lineKinds) and date-line reading (dateLines)
 *   splitStories  story breaks: a headline-like line after a break, followed by a story header
 *   classifyParts header (headline, standfirst, caption, date line, byline, bullets, furniture),
 *                 then body (dateline place, paragraphs, sub-headings, captions, source, boilerplate)
 *   referenceDate each story's reference day and where it came from
 *   quotes        quotations and their speakers
 * All of it is linear in the text; above `maxAnalysisLength` only the structure is computed.
 */
import type { Problem, Result } from '../text/problem';
import type { ArticleModel, Quote, ReferenceDate, Story, StoryPart } from './model';
import { scanLines } from './lines';
import type { ContentLine } from './contentLines';
import { splitStories } from './splitStories';
import { classifyParts, type StoryStructure } from './classifyParts';
import { resolveReferenceDates, type DateEvidence } from './referenceDate';
import { findQuotes } from './quotes';
import { byteStats, encodingProblems, looksBinary } from './inputChecks';

/** Options for {@link parseArticle}. */
export interface ParseArticleOptions {
  /** ISO day (`YYYY-MM-DD`) of the file's modification time: the last-resort reference date. */
  readonly fileDate?: string;
  /**
   * Above this many characters only the structure is computed (no quotes, no
   * date search in captions and bodies). Default 2,000,000.
   */
  readonly maxAnalysisLength?: number;
}

/** Default for {@link ParseArticleOptions.maxAnalysisLength}. */
export const DEFAULT_MAX_ANALYSIS_LENGTH = 2_000_000;

const EMPTY: ArticleModel = { length: 0, stories: [], structureOnly: false };

/**
 * Parses a scraped news article file into stories and their parts, each with
 * UTF-16 offsets into `text`, plus each story's reference date and quotes.
 * Never throws: odd input yields a best-effort model and problems
 * (`article.empty`, `article.binary`, `article.structure-only`, …).
 * Linear in the length of the text.
 */
export function parseArticle(text: string, options: ParseArticleOptions = {}): Result<ArticleModel> {
  try {
    return parseUnsafe(text, options);
  } catch (err) {
    // A bug must not take the editor down with it: report it as a problem.
    return {
      value: { ...EMPTY, length: text.length },
      problems: [{ start: 0, end: 0, severity: 'error', code: 'article.internal-error',
        message: `The article parser failed: ${err instanceof Error ? err.message : String(err)}` }],
    };
  }
}

function parseUnsafe(text: string, options: ParseArticleOptions): Result<ArticleModel> {
  const problems: Problem[] = [];
  const maxAnalysis = options.maxAnalysisLength ?? DEFAULT_MAX_ANALYSIS_LENGTH;
  const fileDate = options.fileDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(options.fileDate) ? options.fileDate : undefined;
  if (options.fileDate !== undefined && fileDate === undefined) {
    problems.push({ start: 0, end: 0, severity: 'warning', code: 'article.bad-file-date',
      message: `The file date "${options.fileDate}" is not an ISO day (YYYY-MM-DD); it is ignored.` });
  }

  const stats = byteStats(text);
  if (looksBinary(stats)) {
    problems.push({ start: 0, end: Math.min(text.length, 1), severity: 'error', code: 'article.binary',
      message: 'This file looks binary (NUL or control characters), not a text article; nothing was parsed.' });
    return { value: { length: text.length, stories: [], structureOnly: false }, problems };
  }

  const structureOnly = text.length > maxAnalysis;
  if (structureOnly) {
    problems.push({ start: 0, end: 0, severity: 'info', code: 'article.structure-only',
      message: `The file has ${text.length.toLocaleString('en-US')} characters, more than the analysis limit of ${maxAnalysis.toLocaleString('en-US')}: only its structure was parsed (no quotes, dates only from date lines).` });
  }

  const scan = scanLines(text);
  for (const p of encodingProblems(text, stats, scan)) problems.push(p);
  const cl = scan.lines;
  if (cl.length === 0) {
    problems.push({ start: 0, end: text.length, severity: 'info', code: 'article.empty',
      message: 'The file is empty (or only whitespace): it holds no story.' });
    return { value: { length: text.length, stories: [], structureOnly }, problems };
  }

  const ranges = splitStories(cl);
  // Each per-story loop is a function of its own, and objects have one shape each:
  // this code runs once per file, so V8 compiles it while the first files are
  // parsed, and a loop inside a large function makes it compile the whole function
  // (again for each loop); every new object shape costs a deoptimisation besides.
  const structures = storyStructures(cl, ranges);
  const evidence = dateEvidence(text, structures, structureOnly);
  const dates = resolveReferenceDates(text, evidence, fileDate, problems);
  storyProblems(text, structures, evidence, problems);
  const stories = buildStories(text, structures, evidence, dates, structureOnly);
  return { value: { length: text.length, stories, structureOnly }, problems };
}

/** The parts of each story. */
function storyStructures(cl: readonly ContentLine[], ranges: ReadonlyArray<{ from: number; to: number }>): StoryStructure[] {
  const structures: StoryStructure[] = [];
  for (let k = 0; k < ranges.length; k++) structures.push(classifyParts(cl, ranges[k]!.from, ranges[k]!.to));
  return structures;
}

/** What the reference-date step needs to know about each story. */
function dateEvidence(text: string, structures: readonly StoryStructure[], structureOnly: boolean): DateEvidence[] {
  const evidence: DateEvidence[] = [];
  for (let k = 0; k < structures.length; k++) {
    const st = structures[k]!;
    const first = st.parts[0];
    const anchor = st.headline ?? (first ? { start: first.start, end: first.end } : { start: 0, end: 0 });
    const headline = st.headline ? text.slice(st.headline.start, st.headline.end) : '';
    const place = st.place;
    evidence.push({
      parts: structureOnly ? st.parts.filter((p) => p.kind === 'dateLine') : st.parts,
      dateLines: st.dateLines,
      datelineDate: place?.dateText !== undefined && place.dateStart !== undefined ? { text: place.dateText, start: place.dateStart } : undefined,
      anchor,
      headline,
    });
  }
  return evidence;
}

/** Problems about single stories: no headline, no body, a date line naming no real day. */
function storyProblems(text: string, structures: readonly StoryStructure[], evidence: readonly DateEvidence[], problems: Problem[]): void {
  for (let k = 0; k < structures.length; k++) {
    const st = structures[k]!;
    const ev = evidence[k]!;
    const headline = ev.headline;
    if (!st.headline) {
      const a = ev.anchor;
      problems.push({ start: a.start, end: a.end, severity: 'info', code: 'article.no-headline',
        message: 'This story has no line that reads like a headline; it is listed without one.' });
    }
    if (!hasParagraph(st.parts)) {
      const a = ev.anchor;
      problems.push({ start: a.start, end: a.end, severity: 'info', code: 'article.no-body',
        message: `${headline ? `Story "${headline.slice(0, 60)}"` : 'This story'} has no body paragraphs.` });
    }
    let dateLine = 0;
    for (const p of st.parts) {
      if (p.kind !== 'dateLine') continue;
      const r = ev.dateLines[dateLine++];
      if (r?.kind === 'invalid') {
        problems.push({ start: p.start + r.index, end: p.start + r.index + r.length, severity: 'warning', code: 'article.invalid-date',
          message: `"${text.slice(p.start + r.index, p.start + r.index + r.length)}" is not a real calendar day; the date line is ignored.` });
      }
    }
  }
}

/** The stories of the model, with their quotes (none when only the structure is parsed). */
function buildStories(text: string, structures: readonly StoryStructure[], evidence: readonly DateEvidence[],
  dates: ReadonlyArray<ReferenceDate | undefined>, structureOnly: boolean): Story[] {
  const stories: Story[] = [];
  for (let k = 0; k < structures.length; k++) {
    const st = structures[k]!;
    const parts: readonly StoryPart[] = st.parts;
    stories.push(makeStory(st, parts, evidence[k]!.headline, dates[k], structureOnly ? [] : findQuotes(text, parts)));
  }
  return stories;
}

/**
 * One story object. Its optional fields are present only when set (the model's
 * JSON depends on it); each combination is written as its own literal, which
 * V8 builds much faster than spreading optional parts into one.
 */
function makeStory(st: StoryStructure, parts: readonly StoryPart[], headline: string, date: ReferenceDate | undefined, quotes: Quote[]): Story {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const start = first ? first.start : 0;
  const end = last ? last.end : 0;
  const headlineSpan = st.headline ? { start: st.headline.start, end: st.headline.end } : { start: first?.start ?? 0, end: first?.start ?? 0 };
  const pl = st.place;
  if (pl) {
    const placeSpan = { start: pl.start, end: pl.end };
    return date
      ? { start, end, headline, headlineSpan, date, place: pl.text, placeSpan, parts, quotes }
      : { start, end, headline, headlineSpan, place: pl.text, placeSpan, parts, quotes };
  }
  return date ? { start, end, headline, headlineSpan, date, parts, quotes } : { start, end, headline, headlineSpan, parts, quotes };
}

/** True when one of `parts` is a body paragraph. */
function hasParagraph(parts: readonly StoryPart[]): boolean {
  for (let i = 0; i < parts.length; i++) if (parts[i]!.kind === 'paragraph') return true;
  return false;
}
