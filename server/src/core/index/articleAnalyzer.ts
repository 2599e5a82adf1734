import type { ArticleModel } from '../article/model';
import type { DateMention, EntityMention } from '../recognize/model';
import type { Problem, Result, Span } from '../text/problem';
import type { AnalyzeDocument, AnalyzeDocuments, StoryDateMention, StoryEntityMention, StoryInfo, TextAnalysis } from './documentAnalysis';
import { splitSentences } from './sentences';
import { ownCopy } from '../text/ownCopy';

/** Options of one story's recognition (the recognizer's `RecognizeOptions`, as far as the analyzer uses them). */
export interface StoryRecognizeOptions {
  readonly referenceDate?: string;
  readonly spans?: readonly Span[];
}

/** What the recognizer returns for one story. */
export interface StoryRecognition {
  readonly entities: readonly EntityMention[];
  readonly dates: readonly DateMention[];
  readonly problems?: readonly Problem[];
}

/** The parser and recognizer an analyzer is composed of (structurally typed, injected). */
export interface ArticleAnalyzerParts {
  /** The article parser (`parseArticle`). */
  parse(text: string, options: { fileDate?: string }): Result<ArticleModel>;
  /** The recognizer's `recognize`, given one story's text and its reference date. */
  recognize(text: string, options: StoryRecognizeOptions): StoryRecognition;
  /**
   * The recognizer's `recognizeAll`: the same results as `recognize` story by story, faster over
   * many stories. Optional: without it a batch is recognized story by story.
   */
  recognizeAll?(items: readonly { readonly text: string; readonly options: StoryRecognizeOptions }[]): readonly StoryRecognition[];
  /** The file's modification day (`YYYY-MM-DD`), the parser's last-resort reference date. */
  fileDate?(uri: string): string | undefined;
}

const interned = new Map<string, string>();

/** One flat copy per distinct name (a canonical name may be a slice of a large text). */
function intern(name: string): string {
  let v = interned.get(name);
  if (v === undefined) {
    if (interned.size > 100_000) interned.clear();
    v = ownCopy(name);
    interned.set(v, v);
  }
  return v;
}

/** One story to recognize: its text, options and place in the file. */
interface StoryJob {
  readonly story: number;
  /** Offset of the story in its file. */
  readonly start: number;
  readonly text: string;
  readonly options: StoryRecognizeOptions;
}

/** A parsed document waiting for its stories' recognition. */
interface PlannedDocument {
  readonly text: string;
  readonly problems: Problem[];
  readonly stories: StoryInfo[];
  readonly sentences: Span[];
  readonly boilerplate: Span[];
  readonly jobs: StoryJob[];
}

/** Parses a document and lists what to recognize: each story with content, on its own text. */
function plan(parts: ArticleAnalyzerParts, uri: string, text: string, knownFileDate?: string): PlannedDocument {
  const fileDate = knownFileDate ?? parts.fileDate?.(uri);
  const parsed = parts.parse(text, fileDate ? { fileDate } : {});
  const planned: PlannedDocument = { text, problems: [...parsed.problems], stories: [], sentences: [], boilerplate: [], jobs: [] };
  parsed.value.stories.forEach((story, index) => {
    planned.stories.push({
      index, start: story.start, end: story.end, headline: story.headline, headlineSpan: story.headlineSpan,
      ...(story.date ? { date: story.date } : {}), ...(story.place ? { place: story.place } : {}),
    });
    const content: Span[] = [];
    for (const p of story.parts) {
      if (p.kind === 'boilerplate') planned.boilerplate.push({ start: p.start, end: p.end });
      else {
        content.push({ start: p.start - story.start, end: p.end - story.start });
        planned.sentences.push(...splitSentences(text, p.start, p.end));
      }
    }
    if (parsed.value.structureOnly || content.length === 0) return;
    planned.jobs.push({
      story: index,
      start: story.start,
      text: text.slice(story.start, story.end),
      options: { ...(story.date ? { referenceDate: story.date.value } : {}), spans: content },
    });
  });
  return planned;
}

/** The document's analysis, given the recognition of each of its jobs (in job order). */
function assemble(planned: PlannedDocument, recognitions: readonly StoryRecognition[]): TextAnalysis {
  const { text, problems } = planned;
  const entities: StoryEntityMention[] = [];
  const dates: StoryDateMention[] = [];
  planned.jobs.forEach((job, k) => {
    const r = recognitions[k]!;
    const { story: index, start: storyStart } = job;
    // Texts and canonical names are interned: strings sliced from the story's own copy would keep
    // that copy alive as long as the index lives (V8 sliced strings), and the same names recur in
    // thousands of stories (one shared copy instead of a string per mention). A mention's text is
    // the story's text between its offsets (the recognizer's contract), so it is interned as it is.
    for (const m of r.entities) {
      const start = m.start + storyStart;
      const end = m.end + storyStart;
      const e: StoryEntityMention = { ...m, start, end, story: index, text: intern(m.text) };
      entities.push(m.canonical !== undefined ? { ...e, canonical: intern(m.canonical) } : e);
    }
    for (const m of r.dates) {
      const start = m.start + storyStart;
      const end = m.end + storyStart;
      dates.push({ ...m, start, end, story: index, text: text.slice(start, end) });
    }
    for (const p of r.problems ?? []) problems.push({ ...p, start: p.start + storyStart, end: p.end + storyStart });
  });
  const byStart = (a: Span, b: Span): number => a.start - b.start || b.end - a.end;
  return {
    length: text.length,
    stories: planned.stories,
    entities: entities.sort(byStart),
    dates: dates.sort(byStart),
    sentences: planned.sentences.sort(byStart),
    boilerplate: planned.boilerplate,
    problems,
  } satisfies TextAnalysis;
}

/**
 * Composes the article parser and the recognizer into the index's
 * {@link AnalyzeDocument}: the file is split into stories, and each story is
 * recognized on its own text with its own reference date ("on Friday" means
 * the Friday of *that* story), skipping boilerplate; offsets are shifted
 * back to the file. Sentences are split inside each non-boilerplate part.
 */
export function createArticleAnalyzer(parts: ArticleAnalyzerParts): AnalyzeDocument {
  return (uri, text) => {
    const planned = plan(parts, uri, text);
    return assemble(planned, planned.jobs.map((job) => parts.recognize(job.text, job.options)));
  };
}

/**
 * The analyzer of {@link createArticleAnalyzer} for many documents at once, with the same
 * analyses: every document is parsed, then the stories of all of them are recognized together
 * (`recognizeAll`, which runs each stage over all of them in turn). For a workspace scan, where
 * throughput counts; an edited document is analysed alone.
 */
export function createBatchAnalyzer(parts: ArticleAnalyzerParts): AnalyzeDocuments {
  return (docs) => {
    const planned = docs.map((d) => plan(parts, d.uri, d.text, d.fileDate));
    const jobs = planned.flatMap((p) => p.jobs);
    const recognitions = parts.recognizeAll ? parts.recognizeAll(jobs) : jobs.map((job) => parts.recognize(job.text, job.options));
    let next = 0;
    return planned.map((p) => {
      const mine = recognitions.slice(next, next + p.jobs.length);
      next += p.jobs.length;
      return assemble(p, mine);
    });
  };
}
