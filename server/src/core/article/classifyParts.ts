import type { PartKind, StoryPart } from './model';
import { sameText, type ContentLine } from './contentLines';
import { isCaptionLike, isHeadlineLike, isProse, isSubheadingLike, markdownHeadingPrefix } from './heuristics';
import { matchDatelinePlace, type DatelinePlaceMatch } from './datelinePlace';
import { isBareByline, isListHeading } from './lineKinds';
import type { DateLineReading } from './dateLines';

/** The structure of one story before dates and quotes are added. */
export interface StoryStructure {
  readonly parts: StoryPart[];
  readonly headline: StoryPart | undefined;
  readonly place: { readonly text: string; readonly start: number; readonly end: number; readonly dateText: string | undefined; readonly dateStart: number | undefined } | undefined;
  /** The reading of each `dateLine` part, in the order of the parts. */
  readonly dateLines: readonly DateLineReading[];
}

const HEADER_LOOKAHEAD = 5;

/**
 * True when a header item (caption, date line, byline, `Short Url`, the
 * repeated headline, an image alt/caption pair) follows line `i` before any
 * body prose: then line `i` still belongs to the story header.
 */
function headerItemFollows(cl: readonly ContentLine[], i: number, to: number, headline: string | undefined): boolean {
  const last = Math.min(to, i + 1 + HEADER_LOOKAHEAD);
  for (let j = i + 1; j < last; j++) {
    const c = cl[j]!;
    // A list heading (`Related`, `Explore more on these topics`) ends a story, it does not head one.
    if (c.kind === 'boilerplate' && isListHeading(c.text)) return false;
    if (c.dateLine || c.kind === 'byline' || c.kind === 'boilerplate' || c.kind === 'bullet') return true;
    if (headline !== undefined && sameText(c.text, headline)) return true;
    if (isCaptionLike(c.text)) return true;
    if (j + 1 < to && sameText(c.text, cl[j + 1]!.text)) return true;
    if (isProse(c.text) || matchDatelinePlace(c.text)) return false;
  }
  return false;
}

function part(kind: PartKind, c: ContentLine, repeated = false): StoryPart {
  return repeated
    ? { kind, start: c.start, end: c.end, repeated: true }
    : { kind, start: c.start, end: c.end };
}

function bodyLineKind(c: ContentLine, isLast: boolean): PartKind {
  switch (c.kind) {
    case 'boilerplate': case 'source': case 'byline': case 'bullet': return c.kind;
    default: break;
  }
  if (c.dateLine) return 'dateLine';
  if (isCaptionLike(c.text)) return 'caption';
  if (!isLast && c.gapBefore > 0 && isSubheadingLike(c.text)) return 'subheading';
  return 'paragraph';
}

/**
 * Assigns a part kind to each content line of one story (`cl[from..to)`).
 * The header (headline, standfirst, caption, date line, byline, bullets,
 * boilerplate) runs until the dateline place or the first body prose; the
 * rest is body, where each line is a paragraph unless it is recognisably
 * boilerplate, a source line, a caption or a sub-heading.
 */
export function classifyParts(cl: readonly ContentLine[], from: number, to: number): StoryStructure {
  const parts: StoryPart[] = [];
  const dateLines: DateLineReading[] = [];
  let headline: StoryPart | undefined;
  let headlineText: string | undefined;
  let place: StoryStructure['place'];
  let inHeader = true;
  let sawBullets = false;
  let sawStandfirst = false;
  let captionPairPending = false;
  let firstBody = true;
  // Inside a list of tags or links under `Explore more on these topics` / `Related`.
  let inLinkList = false;

  for (let i = from; i < to; i++) {
    const c = cl[i]!;
    if (c.kind === 'separator') continue;
    // The line's dateline place, when the header has read it already: the line that
    // ends the header is most often the dateline paragraph, read again below.
    let linePlace: DatelinePlaceMatch | undefined;
    let linePlaceKnown = false;
    if (inHeader) {
      if (captionPairPending) { captionPairPending = false; parts.push(part('caption', c)); continue; }
      if (c.dateLine) { parts.push(part('dateLine', c)); dateLines.push(c.dateLine); continue; }
      if (c.kind === 'boilerplate' || c.kind === 'byline' || c.kind === 'source') { parts.push(part(c.kind, c)); continue; }
      if (c.kind === 'bullet') { sawBullets = true; parts.push(part('bullet', c)); continue; }
      const next1 = i + 1 < to ? cl[i + 1] : undefined;
      if (headline !== undefined && next1?.dateLine && isBareByline(c.text)) {
        // `Staff Reporter` / `Elena Ruiz in Madrid` right above the date line.
        parts.push(part('byline', c));
        continue;
      }
      // Not parts[-1] on the story's first part: a negative index is a property name to V8, looked
      // up the slow way (it showed as a fifth of this function's own time).
      const prev = parts.length > 0 ? parts[parts.length - 1] : undefined;
      if (prev?.kind === 'byline' && !isCaptionLike(c.text) && c.text.length <= 40 && /^\p{Lu}[^.!?:;]*$/u.test(c.text) && c.text.split(/\s+/).length <= 5) {
        // `BBC Scotland News` under `By Fiona Mackintosh`: the byline's second line.
        parts.push(part('byline', c));
        continue;
      }
      if (headlineText !== undefined && sameText(c.text, headlineText)) { parts.push(part('headline', c, true)); continue; }
      // A headline may look like a dateline (`IMF: Pakistan must raise taxes`); a dateline
      // paragraph ends its sentence, so it is not headline-like.
      const headlineSlot = headline === undefined && !sawBullets && isHeadlineLike(c.text) && !isCaptionLike(c.text);
      if (!headlineSlot) { linePlace = matchDatelinePlace(c.text); linePlaceKnown = true; }
      if (headlineSlot || (!linePlace && !sawBullets)) {
        if (headlineSlot) {
          // A Markdown heading marker (`# `) is not part of the headline.
          const skip = markdownHeadingPrefix(c.text);
          headline = skip > 0 ? { kind: 'headline', start: c.start + skip, end: c.end } : part('headline', c);
          headlineText = c.text.slice(skip);
          parts.push(headline);
          continue;
        }
        if (isCaptionLike(c.text)) { parts.push(part('caption', c)); continue; }
        if (i + 1 < to && sameText(c.text, cl[i + 1]!.text) && cl[i + 1]!.kind === 'other') {
          // An image's alt text followed by the same words as its caption.
          captionPairPending = true;
          parts.push(part('caption', c));
          continue;
        }
        const next = cl[i + 1];
        if (headline !== undefined && i + 1 < to && next && (next.dateLine || /^short\s*url$/i.test(next.text)) && !sawStandfirst && i > from + 1) {
          // The Arab News shape: the caption sits right above `Short Url` / the date line.
          parts.push(part('caption', c));
          continue;
        }
        if (headline !== undefined && headerItemFollows(cl, i, to, headlineText)) {
          if (!sawStandfirst && !/^short\s*url$/i.test(next?.text ?? '')) {
            sawStandfirst = true;
            parts.push(part('standfirst', c));
          } else {
            parts.push(part('caption', c));
          }
          continue;
        }
      }
      inHeader = false;
    }
    // Body.
    if (firstBody) {
      firstBody = false;
      const m = linePlaceKnown ? linePlace : matchDatelinePlace(c.text);
      if (m) {
        const s = c.start;
        parts.push({ kind: 'dateline', start: s, end: s + m.partLength });
        place = {
          text: m.place,
          start: s,
          end: s + m.placeLength,
          dateText: m.dateText !== undefined && m.dateIndex !== undefined ? m.dateText : undefined,
          dateStart: m.dateText !== undefined && m.dateIndex !== undefined ? s + m.dateIndex : undefined,
        };
        if (s + m.length < c.end) parts.push({ kind: 'paragraph', start: s + m.length, end: c.end });
        continue;
      }
    }
    let kind = bodyLineKind(c, i === to - 1);
    if (kind === 'boilerplate' && isListHeading(c.text)) inLinkList = true;
    else if (inLinkList && kind !== 'boilerplate' && c.text.length <= 60 && !isProse(c.text) && !/[.!?]$/.test(c.text)) kind = 'boilerplate';
    else if (kind !== 'boilerplate') inLinkList = false;
    parts.push(part(kind, c));
    // bodyLineKind says `dateLine` only for a line with a reading.
    if (kind === 'dateLine') dateLines.push(c.dateLine!);
  }
  // One shape for every story (absent fields are undefined): see parseArticle.
  return { parts, headline, place, dateLines };
}
