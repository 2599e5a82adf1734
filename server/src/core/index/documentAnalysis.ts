import type { AnchorStatus } from '../annotations/anchor';
import type { FlatAnnotation } from '../annotations/resolve';
import type { ReferenceDate } from '../article/model';
import type { DateMention, EntityMention, EntityType } from '../recognize/model';
import type { Problem, Span } from '../text/problem';

/**
 * What the workspace index knows about one story of a file: enough to list
 * it, date it and link to it, without the structural detail of the parser's
 * `Story` (parts, quotes), which the index does not need to keep in memory.
 */
export interface StoryInfo extends Span {
  /** Position of the story in its file, 0-based. */
  readonly index: number;
  /** Headline text (trimmed); empty when the story has none. */
  readonly headline: string;
  readonly headlineSpan: Span;
  /** The story's publication/update day, the reference for relative dates. */
  readonly date?: ReferenceDate;
  /** Place from the dateline (`ISLAMABAD`), when there is one. */
  readonly place?: string;
}

/** An entity mention placed in its story. */
export interface StoryEntityMention extends EntityMention {
  /** Index of the story the mention belongs to (see {@link StoryInfo.index}); -1 outside any story. */
  readonly story: number;
}

/** A date mention placed in its story. */
export interface StoryDateMention extends DateMention {
  /** Index of the story the mention belongs to; -1 outside any story. */
  readonly story: number;
}

/**
 * Whether an analyst annotation could be re-anchored in the current text
 * (the annotations layer's `AnchorStatus`).
 */
export type AnnotationStatus = AnchorStatus;

/**
 * An analyst annotation from a sidecar, already anchored in the current text:
 * the annotations layer's flat shape (`FlatAnnotation`, one definition for the
 * index, the tree views and the editor), with the quote optional because the
 * index never needs it when the article text is at hand.
 */
export type AnnotationInfo = Omit<FlatAnnotation, 'quote'> & { readonly quote?: string };

/**
 * Everything derived from a document's *text* alone: what the parser and the
 * recognizer found. It depends only on the content (plus the analyzer's
 * version), so it is cached by content hash and persisted across restarts.
 */
export interface TextAnalysis {
  /** Length of the analysed text in UTF-16 code units. */
  readonly length: number;
  readonly stories: readonly StoryInfo[];
  /** Recognizer mentions in document order, non-overlapping is not required. */
  readonly entities: readonly StoryEntityMention[];
  readonly dates: readonly StoryDateMention[];
  /** Sentence spans in document order (for the hover's "the sentence with the mention"). */
  readonly sentences: readonly Span[];
  /** Social and site boilerplate (`Follow`, `Leave a Comment`…), dimmed by semantic tokens. */
  readonly boilerplate: readonly Span[];
  readonly problems: readonly Problem[];
}

/**
 * One version of one document as the index serves it: the text analysis plus
 * the analyst's annotations from the document's sidecar.
 */
export interface DocumentAnalysis extends TextAnalysis {
  readonly uri: string;
  readonly version: number;
  /** Content hash of the text (see `contentHash`). */
  readonly hash: string;
  readonly annotations: readonly AnnotationInfo[];
}

/**
 * The per-document analysis the index is built from, injected so the index
 * does not depend on a particular parser or recognizer. It must be a pure
 * function of its arguments; the index calls it at most once per content.
 */
export type AnalyzeDocument = (uri: string, text: string, version: number) => TextAnalysis;

/** A document of a batch (see {@link AnalyzeDocuments}). */
export interface DocumentText {
  readonly uri: string;
  readonly text: string;
  /** The file's modification day (`YYYY-MM-DD`); when absent, the analyzer's own source of file days is asked. */
  readonly fileDate?: string;
}

/**
 * {@link AnalyzeDocument} for several documents at once (a workspace scan's batches): the
 * analyses, in the order of the documents, the same as analysing each alone.
 */
export type AnalyzeDocuments = (docs: readonly DocumentText[]) => TextAnalysis[];

/**
 * Supplies a document's anchored sidecar annotations; called whenever the
 * document's text changes (anchors move with the text). Optional: the
 * integrator may instead push annotations with `WorkspaceIndex.setAnnotations`.
 */
export type AnnotationsProvider = (uri: string, text: string) => readonly AnnotationInfo[];

/** A story identified across the workspace. */
export interface StoryRef {
  readonly uri: string;
  readonly story: StoryInfo;
}

/** A place in a workspace document: where links, references and definitions point. */
export interface LinkTarget extends Span {
  readonly uri: string;
}

/** The entity types, in the order trees and code lenses list them. */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'misc'];
