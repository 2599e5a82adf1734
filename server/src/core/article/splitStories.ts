import { sameText, type ContentLine } from './contentLines';
import { isCaptionLike, isHeadlineLike, isProse } from './heuristics';

/**
 * Story segmentation. A file holds several stories; a new one starts at a
 * headline-like line after a clear break (two blank lines, or a separator
 * such as `---`) that is followed within a few lines by a story header: a
 * date line, a byline, `Short Url`/`Follow`, or the headline printed again.
 * One blank line is enough when a date line or byline follows at once and the
 * current story is already well into its body.
 */

const LOOKAHEAD = 7;

function isHeaderMarker(c: ContentLine): boolean {
  return c.dateLine !== undefined || c.kind === 'byline' ||
    (c.kind === 'boilerplate' && /^(?:short\s*url|follow)$/i.test(c.text));
}

function hasHeaderSignature(cl: readonly ContentLine[], i: number): boolean {
  const head = cl[i]!.text;
  const last = Math.min(cl.length, i + LOOKAHEAD);
  for (let j = i + 1; j < last; j++) {
    const c = cl[j]!;
    if (c.kind === 'separator') return false;
    if (isHeaderMarker(c) || sameText(c.text, head)) return true;
    if (c.kind === 'boilerplate' || isCaptionLike(c.text)) continue;
    // One prose line may be a standfirst; a second one means we are in a body.
    if (j > i + 1 && isProse(c.text)) return false;
  }
  return false;
}

function hasStrongSignature(cl: readonly ContentLine[], i: number): boolean {
  const next = cl[i + 1];
  if (next && isHeaderMarker(next) && next.kind !== 'boilerplate') return true;
  const after = cl[i + 2];
  return next !== undefined && after !== undefined && isHeaderMarker(after) && isCaptionLike(next.text);
}

function canOpenStory(c: ContentLine): boolean {
  return c.kind === 'other' && c.dateLine === undefined && isHeadlineLike(c.text) && !isCaptionLike(c.text);
}

/**
 * Returns, for each story, the index range `[from, to)` into `cl` of its
 * content lines. Separator lines are left out of every story.
 */
export function splitStories(cl: readonly ContentLine[]): Array<{ from: number; to: number }> {
  const starts: number[] = [];
  let afterSeparator = false;
  for (let i = 0; i < cl.length; i++) {
    const c = cl[i]!;
    if (c.kind === 'separator') { afterSeparator = true; continue; }
    const current = starts.length > 0 ? starts[starts.length - 1]! : -1;
    if (current < 0) { starts.push(i); afterSeparator = false; continue; }
    if (afterSeparator) {
      afterSeparator = false;
      // A separator before a headline is a story break; before prose it is a scene break.
      if (canOpenStory(c)) { starts.push(i); continue; }
    }
    // A repeat of the current story's first line is its repeated headline, never a new story.
    // The break test inside is checked once before the costlier headline tests as well:
    // after a single blank line (most body paragraphs) it needs a header marker right below.
    if (c.gapBefore >= 1 && i - current >= 2 && (c.gapBefore >= 2 || (i - current >= 4 && hasStrongSignature(cl, i))) &&
      canOpenStory(c) && !sameText(c.text, cl[current]!.text)) {
      // Two blank lines and a story header: a break even after a two-line story.
      // One blank line needs a date line or byline right below, and a story already under way.
      if ((c.gapBefore >= 2 && hasHeaderSignature(cl, i)) || (i - current >= 4 && hasStrongSignature(cl, i))) starts.push(i);
    }
  }
  // A plain loop: an array made by map may come out with another elements kind once
  // map is optimised, and the caller's compiled code would deoptimise on it.
  const ranges: Array<{ from: number; to: number }> = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    let to = k + 1 < starts.length ? starts[k + 1]! : cl.length;
    while (to > from && cl[to - 1]!.kind === 'separator') to--;
    ranges.push({ from, to });
  }
  return ranges;
}
