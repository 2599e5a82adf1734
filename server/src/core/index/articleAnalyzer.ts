import type { ArticleModel } from '../article/model';
import type { DateMention, EntityMention } from '../recognize/model';
import type { Problem, Result, Span } from '../text/problem';
import type { AnalyzeDocument, StoryDateMention, StoryEntityMention, StoryInfo, TextAnalysis } from './documentAnalysis';
import { splitSentences } from './sentences';
import { ownCopy } from '../text/ownCopy';

/** The parser and recognizer an analyzer is composed of (structurally typed, injected). */
export interface ArticleAnalyzerParts {
  /** The article parser (`parseArticle`). */
  parse(text: string, options: { fileDate?: string }): Result<ArticleModel>;
  /** The recognizer's `recognize`, given one story's text and its reference date. */
  recognize(
    text: string,
    options: { referenceDate?: string; spans?: readonly Span[] },
  ): { readonly entities: readonly EntityMention[]; readonly dates: readonly DateMention[]; readonly problems?: readonly Problem[] };
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

/**
 * Composes the article parser and the recognizer into the index's
 * {@link AnalyzeDocument}: the file is split into stories, and each story is
 * recognized on its own text with its own reference date ("on Friday" means
 * the Friday of *that* story), skipping boilerplate; offsets are shifted
 * back to the file. Sentences are split inside each non-boilerplate part.
 */
export function createArticleAnalyzer(parts: ArticleAnalyzerParts): AnalyzeDocument {
  return (uri, text) => {
    const fileDate = parts.fileDate?.(uri);
    const parsed = parts.parse(text, fileDate ? { fileDate } : {});
    const problems: Problem[] = [...parsed.problems];
    const stories: StoryInfo[] = [];
    const entities: StoryEntityMention[] = [];
    const dates: StoryDateMention[] = [];
    const sentences: Span[] = [];
    const boilerplate: Span[] = [];
    parsed.value.stories.forEach((story, index) => {
      stories.push({
        index, start: story.start, end: story.end, headline: story.headline, headlineSpan: story.headlineSpan,
        ...(story.date ? { date: story.date } : {}), ...(story.place ? { place: story.place } : {}),
      });
      const content: Span[] = [];
      for (const p of story.parts) {
        if (p.kind === 'boilerplate') boilerplate.push({ start: p.start, end: p.end });
        else {
          content.push({ start: p.start - story.start, end: p.end - story.start });
          sentences.push(...splitSentences(text, p.start, p.end));
        }
      }
      if (parsed.value.structureOnly || content.length === 0) return;
      const r = parts.recognize(text.slice(story.start, story.end), {
        ...(story.date ? { referenceDate: story.date.value } : {}),
        spans: content,
      });
      // Texts and canonical names are interned: strings sliced from the story's own copy would keep
      // that copy alive as long as the index lives (V8 sliced strings), and the same names recur in
      // thousands of stories (one shared copy instead of a string per mention).
      for (const m of r.entities) {
        const start = m.start + story.start;
        const end = m.end + story.start;
        const e: StoryEntityMention = { ...m, start, end, story: index, text: intern(text.slice(start, end)) };
        entities.push(m.canonical !== undefined ? { ...e, canonical: intern(m.canonical) } : e);
      }
      for (const m of r.dates) {
        const start = m.start + story.start;
        const end = m.end + story.start;
        dates.push({ ...m, start, end, story: index, text: text.slice(start, end) });
      }
      for (const p of r.problems ?? []) problems.push({ ...p, start: p.start + story.start, end: p.end + story.start });
    });
    const byStart = (a: Span, b: Span): number => a.start - b.start || b.end - a.end;
    return {
      length: text.length,
      stories,
      entities: entities.sort(byStart),
      dates: dates.sort(byStart),
      sentences: sentences.sort(byStart),
      boilerplate,
      problems,
    } satisfies TextAnalysis;
  };
}
