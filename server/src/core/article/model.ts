import type { Span } from '../text/problem';

/**
 * The parts a scraped news story is made of. `dateline` is the place that
 * opens the body (`ISLAMABAD:`); `dateLine` is the publication line
 * (`Updated 10 January 2020`).
 */
export type PartKind =
  | 'headline'
  | 'standfirst'
  | 'caption'
  | 'dateLine'
  | 'byline'
  | 'bullet'
  | 'dateline'
  | 'paragraph'
  | 'source'
  | 'boilerplate'
  /** A short heading inside the body (`Fears of escalation and wider instability`). */
  | 'subheading';

/** One structural part of a story, as offsets into the file text. */
export interface StoryPart extends Span {
  readonly kind: PartKind;
  /**
   * True for a headline that repeats the story's first one: scraped pages
   * print the headline above the caption and again after `Follow`.
   */
  readonly repeated?: boolean;
}

/** Where a story's reference date came from. */
export type ReferenceDateSource = 'dateLine' | 'caption' | 'dateline' | 'body' | 'previousStory' | 'fileTime';

/**
 * The date relative expressions in a story are resolved against: its
 * publication or update day.
 */
export interface ReferenceDate {
  /** ISO day, `YYYY-MM-DD`. */
  readonly value: string;
  readonly source: ReferenceDateSource;
  /** Where in the text the date was read, when it was read from the text. */
  readonly span?: Span;
}

/** A quotation in a story, with the speaker when the sentence names one. */
export interface Quote extends Span {
  readonly speaker?: string;
  readonly speakerSpan?: Span;
  /**
   * True when the speaker was not named in the quote's own sentence but
   * carried over from the quote just before it (a follow-on quote paragraph).
   */
  readonly speakerInferred?: boolean;
}

/** One story of an article file. */
export interface Story extends Span {
  /** Headline text (whitespace-trimmed); empty when the story has none. */
  readonly headline: string;
  readonly headlineSpan: Span;
  /** Undefined when no date could be found or derived at all. */
  readonly date?: ReferenceDate;
  /** Dateline place span (`ISLAMABAD`), when there is one. */
  readonly placeSpan?: Span;
  /** Place from the dateline (`ISLAMABAD`), when there is one. */
  readonly place?: string;
  /** Parts in document order; they do not overlap. */
  readonly parts: readonly StoryPart[];
  readonly quotes: readonly Quote[];
}

/** A parsed article file: the stories it holds, in order. */
export interface ArticleModel {
  /** Length of the text that was parsed (UTF-16 code units). */
  readonly length: number;
  readonly stories: readonly Story[];
  /** True when the file was too large for more than structure (see parser options). */
  readonly structureOnly: boolean;
}
