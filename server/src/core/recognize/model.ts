import type { Span } from '../text/problem';

/** Entity classes Dossier recognizes. `misc` covers nationalities, events and groups. */
export type EntityType = 'person' | 'organization' | 'location' | 'misc';

/** Who produced a mention: the automatic recognizer or the analyst (sidecar annotation). */
export type MentionOrigin = 'recognizer' | 'analyst';

/** A recognized name in a text. */
export interface EntityMention extends Span {
  readonly type: EntityType;
  readonly text: string;
  /** Canonical name of the entity this mention was grouped under, when known. */
  readonly canonical?: string;
  /** 0..1 */
  readonly confidence: number;
  readonly origin: MentionOrigin;
  /**
   * Start of the whole noun phrase when it is wider than the name itself: a
   * leading "the" or title ("the Foreign Office", "Prime Minister Imran Khan").
   * Some gold standards (MEANTIME) mark these phrases; most mark the name.
   */
  readonly phraseStart?: number;
  /** Finer kind of a `misc` mention, when known. */
  readonly subtype?: MiscSubtype;
}

/** Kinds of miscellaneous mentions: nationality adjectives, products ("Airbus A380"), market indices ("the Nikkei index"), events and laws. */
export type MiscSubtype = 'nationality' | 'product' | 'index' | 'event';

/**
 * How precise a resolved date is. `week` (`YYYY-Www`, ISO 8601) and `quarter`
 * (`YYYY-Qn`) cover "last week" and "the first quarter of 2009".
 */
export type DateGranularity = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A date expression in a text, resolved to an ISO value. */
export interface DateMention extends Span {
  readonly text: string;
  /** `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, `YYYY-Qn` or `YYYY` according to granularity. */
  readonly value: string;
  readonly granularity: DateGranularity;
  /**
   * How the value was obtained: `explicit` (the text names the year;
   * `explicit:day-first` / `explicit:month-first` for 19/01/2024), or a rule and
   * the reference date it used: `relative:2024-01-19` (yesterday, last week, three
   * years ago), `weekday-back:…` / `weekday-forward:…` (on Friday), `year-back:…`
   * / `year-same:…` / `year-forward:…` (June 17, in December), `century:…` ('82).
   */
  readonly resolvedFrom: string;
  /** End of a range (`from 3 to 5 January`), when the expression is one; same granularity as `value`. */
  readonly rangeEnd?: string;
}
