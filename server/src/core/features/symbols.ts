import type { ArticleModel, PartKind, Story } from '../article/model';

/** What an outline entry stands for: a whole story or one of its parts. */
export type ArticleSymbolKind = 'story' | PartKind;

/** One outline entry, by UTF-16 offsets; the LSP layer maps it to a DocumentSymbol. */
export interface ArticleSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: ArticleSymbolKind;
  readonly start: number;
  readonly end: number;
  /** The span to reveal and highlight: the headline for a story, the part itself otherwise. */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: readonly ArticleSymbol[];
}

const PREVIEW = 60;

/** Human labels for part kinds, used as a part's detail. */
export const PART_LABELS: Readonly<Record<PartKind, string>> = {
  headline: 'headline', standfirst: 'standfirst', caption: 'caption', dateLine: 'date line', byline: 'byline',
  bullet: 'summary bullet', dateline: 'dateline', paragraph: 'paragraph', source: 'source', boilerplate: 'boilerplate',
  subheading: 'sub-heading',
};

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  dateLine: 'from the date line', caption: 'from the caption', dateline: 'from the dateline', body: 'from the body',
  previousStory: 'from the previous story', fileTime: 'from the file time',
};

function preview(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + PREVIEW * 2)).replace(/\s+/g, ' ').trim();
  return s.length > PREVIEW ? `${s.slice(0, PREVIEW - 1)}…` : s;
}

function storyDetail(story: Story): string {
  if (!story.date) return 'no date';
  return story.date.source === 'dateLine' ? story.date.value : `${story.date.value} (${SOURCE_LABELS[story.date.source] ?? story.date.source})`;
}

/**
 * The outline of an article: one entry per story (named by its headline,
 * detailed by its reference date), with its parts as children in order.
 */
export function documentSymbols(model: ArticleModel, text: string): ArticleSymbol[] {
  return model.stories.map((story, i) => {
    const first = story.parts[0];
    const name = story.headline || (first ? preview(text, first.start, first.end) : '') || `Story ${i + 1}`;
    const hasHeadline = story.headlineSpan.end > story.headlineSpan.start;
    return {
      name,
      detail: storyDetail(story),
      kind: 'story' as const,
      start: story.start,
      end: story.end,
      selectionStart: hasHeadline ? story.headlineSpan.start : story.start,
      selectionEnd: hasHeadline ? story.headlineSpan.end : story.start,
      children: story.parts.map((p) => ({
        name: preview(text, p.start, p.end) || PART_LABELS[p.kind],
        detail: p.repeated ? `${PART_LABELS[p.kind]} (repeated)` : PART_LABELS[p.kind],
        kind: p.kind,
        start: p.start,
        end: p.end,
        selectionStart: p.start,
        selectionEnd: p.end,
        children: [],
      })),
    };
  });
}
