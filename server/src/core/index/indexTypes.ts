import type { EntityType } from '../recognize/model';
import type { AnnotationInfo, LinkTarget, StoryDateMention, StoryEntityMention, StoryInfo } from './documentAnalysis';

/** What changed in one `onDidChange` event. */
export interface IndexChange {
  /** Documents added, changed, removed or renamed (both names for a rename). */
  readonly uris: readonly string[];
  /** Whether entity aggregates (names, counts, stories, aliases) may have changed. */
  readonly entitiesChanged: boolean;
  /** Whether annotations changed. */
  readonly annotationsChanged: boolean;
}

/**
 * A mention as the index serves it: the recognizer's (or the analyst's)
 * mention with its merge key and whether an analyst confirmed it.
 */
export interface IndexedMention extends StoryEntityMention {
  /** Normalized bucket key of the mention (before cross-file merging). */
  readonly key: string;
  /** True when an analyst annotation confirms the mention (or made it). */
  readonly confirmed: boolean;
  /** The confirming annotation, when there is one. */
  readonly annotationId?: string;
}

/** One entity across the workspace, after merging names and aliases. */
export interface EntitySummary {
  /** Stable key of the entity (normalized canonical name); pass it to the entity queries. */
  readonly key: string;
  /** Display name: the most frequent canonical name. */
  readonly name: string;
  readonly type: EntityType;
  /** Other names seen for it (surface forms and canonical variants), most frequent first. */
  readonly aliases: readonly string[];
  readonly mentionCount: number;
  readonly storyCount: number;
  /** Newest publication day (`YYYY-MM-DD`) among the stories mentioning it. */
  readonly latestDate?: string;
  /** True when at least one mention was confirmed by an analyst. */
  readonly confirmed: boolean;
}

/** A mention located in the workspace. */
export interface MentionLocation extends LinkTarget {
  readonly story: number;
  readonly text: string;
  readonly confirmed: boolean;
}

/** A story that mentions an entity, with those mentions. */
export interface StoryMentions {
  readonly uri: string;
  readonly story: StoryInfo;
  readonly mentions: readonly MentionLocation[];
}

/** An entity often mentioned in the same stories as another. */
export interface CoMention {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  /** Number of stories mentioning both. */
  readonly count: number;
}

/** The entity under a position. */
export interface EntityHit {
  readonly uri: string;
  readonly mention: IndexedMention;
  readonly entity: EntitySummary;
}

/** The date mention under a position. */
export interface DateHit {
  readonly uri: string;
  readonly mention: StoryDateMention;
}

/** A story related to a day: published that day, or mentioning it. */
export interface DayStory {
  readonly uri: string;
  readonly story: StoryInfo;
  /** True when the story's own publication/update day is this day. */
  readonly published: boolean;
  /** Date mentions in the story that refer to the day. */
  readonly mentions: readonly StoryDateMention[];
}

/** One day of the timeline. */
export interface TimelineDay {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly stories: readonly DayStory[];
  /** Entities mentioned in at least two of the day's stories, most shared first. */
  readonly sharedEntities: readonly CoMention[];
}

/** An annotation located in the workspace. */
export interface LocatedAnnotation {
  readonly uri: string;
  readonly annotation: AnnotationInfo;
}

/** A search hit for workspace symbols. */
export interface SearchHit<T> {
  readonly item: T;
  /** Higher is better. */
  readonly score: number;
}

/** How `entities()` sorts. */
export type EntitySort = 'count' | 'name' | 'latest';

/** Options of `entities()`, as the Entities tree uses them. */
export interface EntityListOptions {
  readonly type?: EntityType;
  readonly sort?: EntitySort;
  /** Case- and accent-insensitive substring of the name or an alias. */
  readonly filter?: string;
}

/** Counters for logs, tests and benchmarks. */
export interface IndexStats {
  readonly documents: number;
  readonly stories: number;
  readonly entities: number;
  readonly mentions: number;
  /** How many times the injected analyzer ran since the index was created. */
  readonly analyzeCalls: number;
  /** How many documents were served from the restored cache instead. */
  readonly cacheHits: number;
}
