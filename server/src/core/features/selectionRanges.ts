import type { ArticleModel } from '../article/model';
import { sentenceSpans } from '../article/sentences';

/** A selection range by offsets, with the next larger range as its parent. */
export interface ArticleSelectionRange {
  readonly start: number;
  readonly end: number;
  readonly parent?: ArticleSelectionRange;
}

function isWordChar(text: string, i: number): boolean {
  return i >= 0 && i < text.length && /[\p{L}\p{N}\p{M}]/u.test(text[i]!);
}

/** The word around `offset` (letters, digits, inner apostrophes and hyphens), if any. */
function wordAt(text: string, offset: number): { start: number; end: number } | undefined {
  let at = offset;
  if (!isWordChar(text, at) && isWordChar(text, at - 1)) at--;
  if (!isWordChar(text, at)) return undefined;
  let a = at;
  let b = at + 1;
  const joiner = (i: number): boolean => /['’\-]/.test(text[i] ?? '') && isWordChar(text, i - 1) && isWordChar(text, i + 1);
  while (a > 0 && (isWordChar(text, a - 1) || joiner(a - 1))) a--;
  while (b < text.length && (isWordChar(text, b) || joiner(b))) b++;
  return { start: a, end: b };
}

/**
 * For each offset, the nested ranges an editor's "expand selection" walks
 * through: word → sentence → part → story → whole file. Levels equal to the
 * one below are skipped; an offset outside every story gets word and file.
 */
export function selectionRanges(model: ArticleModel, text: string, offsets: readonly number[]): ArticleSelectionRange[] {
  return offsets.map((raw) => {
    const offset = Math.max(0, Math.min(text.length, raw));
    const levels: Array<{ start: number; end: number }> = [];
    const word = wordAt(text, offset);
    if (word) levels.push(word);
    const story = model.stories.find((s) => offset >= s.start && offset <= s.end);
    const part = story?.parts.find((p) => offset >= p.start && offset <= p.end);
    if (part) {
      const sentence = sentenceSpans(text, part.start, part.end).find((s) => offset >= s.start && offset <= s.end);
      if (sentence) levels.push(sentence);
      levels.push({ start: part.start, end: part.end });
    }
    if (story) levels.push({ start: story.start, end: story.end });
    levels.push({ start: 0, end: text.length });
    // Outermost first, skipping repeats and anything that does not contain the level below.
    let range: ArticleSelectionRange | undefined;
    for (let i = levels.length - 1; i >= 0; i--) {
      const l = levels[i]!;
      if (range && (l.start < range.start || l.end > range.end || (l.start === range.start && l.end === range.end))) continue;
      range = range ? { start: l.start, end: l.end, parent: range } : { start: l.start, end: l.end };
    }
    return range!;
  });
}
