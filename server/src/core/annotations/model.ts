/**
 * The analyst's own work, as kept in a sidecar YAML file next to each article.
 *
 * Anchors follow the W3C Web Annotation data model: a TextQuoteSelector (the
 * quoted text with some context either side) is the truth, a
 * TextPositionSelector (UTF-16 offsets, end exclusive) is only a hint that makes
 * re-anchoring cheap when the article has not changed.
 */

/** W3C TextQuoteSelector: the exact quote and up to ~32 characters of context either side. */
export interface TextQuoteSelector {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** W3C TextPositionSelector: UTF-16 offsets into the article text, end exclusive. */
export interface TextPositionSelector {
  readonly start: number;
  readonly end: number;
}

/** Where an annotation sits in its article, robust to edits (see `anchor.ts`). */
export interface Anchor {
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

/**
 * How an annotation came to be: tagged by the analyst, or a recognizer
 * suggestion the analyst confirmed (a confirmation is stored as an annotation).
 */
export type AnnotationOrigin = 'analyst' | 'confirmed';

/**
 * Persisted state of an annotation. `orphaned` records that its quote could not
 * be found in the article any more; it is kept (never dropped) until re-attached.
 */
export type AnnotationStatus = 'active' | 'orphaned';

/** One analyst annotation on a span of an article. */
export interface Annotation {
  /** Stable id, `a-` + base36; assigned once and never changed. */
  readonly id: string;
  /** Annotation type: person, organization, location, group, event, claim, or one the analyst added. */
  readonly type: string;
  /** Canonical name of the linked entity, when the analyst linked one. */
  readonly entity?: string;
  readonly note?: string;
  readonly tags?: readonly string[];
  readonly author?: string;
  /** ISO 8601 timestamp. */
  readonly created: string;
  /** ISO 8601 timestamp of the last change. */
  readonly updated: string;
  /** Absent means `analyst`. */
  readonly origin?: AnnotationOrigin;
  /** Absent means `active`. */
  readonly status?: AnnotationStatus;
  readonly anchor: Anchor;
}

/** Whether a rejection hides one suggestion here, or the same text in every story. */
export type RejectionScope = 'here' | 'everywhere';

/** A recognizer suggestion the analyst rejected, remembered so that it stays hidden. */
export interface Rejection {
  /** Stable id, `r-` + base36, so that a rejection can be undone. */
  readonly id: string;
  /** The rejected mention's text. */
  readonly text: string;
  /** Rejected entity type; absent rejects the text whatever type the recognizer gives it. */
  readonly type?: string;
  readonly scope: RejectionScope;
  /** Where the rejected mention was; required when `scope` is `here`. */
  readonly anchor?: Anchor;
  readonly author?: string;
  /** ISO 8601 timestamp. */
  readonly created: string;
}

/** Version of the sidecar format, written as `dossier: 1` at the top of the file. */
export const SIDECAR_VERSION = 1;

/** The contents of one sidecar file. */
export interface Sidecar {
  readonly version: typeof SIDECAR_VERSION;
  /** Ordered by anchor position. */
  readonly annotations: readonly Annotation[];
  readonly rejections: readonly Rejection[];
}

/** A parsed sidecar, plus whether it may be rewritten (see `sidecarYaml.ts`). */
export interface ParsedSidecar extends Sidecar {
  /**
   * False when the file could not be understood completely (syntax error, wrong
   * types, duplicate ids, alias bomb, too large, binary, newer version): such a
   * file must never be overwritten, since writing would lose what we could not read.
   */
  readonly writable: boolean;
}

/** Creates fresh ids; injected so that tests are deterministic. */
export type IdGenerator = (prefix: 'a' | 'r') => string;

/** Tells the time; injected so that tests are deterministic. */
export type Clock = () => Date;

/** What creating annotations needs from the environment. */
export interface AnnotationEnvironment {
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

/**
 * The default id generator: prefix, dash, 10 base36 characters (~51 bits). The
 * random source is injectable; `Math.random` is enough for ids unique per sidecar.
 */
export function randomIdGenerator(random: () => number = Math.random): IdGenerator {
  return (prefix) => {
    let body = '';
    for (let i = 0; i < 10; i++) body += Math.floor(random() * 36).toString(36);
    return `${prefix}-${body}`;
  };
}

/** The default environment: random ids and the system clock. */
export const defaultAnnotationEnvironment: AnnotationEnvironment = {
  ids: randomIdGenerator(),
  clock: () => new Date(),
};
