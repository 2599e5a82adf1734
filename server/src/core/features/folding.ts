import type { ArticleModel, PartKind } from '../article/model';

/** A foldable region by UTF-16 offsets. `comment` marks boilerplate so editors can fold it by default. */
export interface ArticleFoldingRange {
  readonly start: number;
  readonly end: number;
  readonly kind: 'region' | 'comment';
}

/** Part kinds whose consecutive runs fold as one block, and how. */
const GROUPED: Partial<Record<PartKind, ArticleFoldingRange['kind']>> = { boilerplate: 'comment', bullet: 'region' };

/**
 * Folding ranges of an article: each story, and each run of consecutive
 * boilerplate parts (`comment`) or summary bullets (`region`). Ranges that
 * would fold nothing (on a single line) are left out.
 */
export function foldingRanges(model: ArticleModel, text: string): ArticleFoldingRange[] {
  const out: ArticleFoldingRange[] = [];
  const spansLines = (a: number, b: number): boolean => {
    const nl = text.indexOf('\n', a);
    const cr = text.indexOf('\r', a);
    return (nl >= 0 && nl < b) || (cr >= 0 && cr < b);
  };
  for (const story of model.stories) {
    if (spansLines(story.start, story.end)) out.push({ start: story.start, end: story.end, kind: 'region' });
    let i = 0;
    while (i < story.parts.length) {
      const kind = GROUPED[story.parts[i]!.kind];
      let j = i + 1;
      if (kind) {
        while (j < story.parts.length && story.parts[j]!.kind === story.parts[i]!.kind) j++;
        const a = story.parts[i]!.start;
        const b = story.parts[j - 1]!.end;
        if (spansLines(a, b)) out.push({ start: a, end: b, kind });
      }
      i = j;
    }
  }
  return out;
}
