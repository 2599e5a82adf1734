/**
 * The custom messages between the Dossier client and server, declared once
 * and used by both sides. Each has a literal method string; the params and
 * result types ride along as phantom types so both ends stay in step.
 * Plain objects (not vscode-jsonrpc classes) keep this file free of either
 * side's library.
 */

import type { FlatAnnotation } from './core/annotations/resolve';

/** A request from the client to the server. */
export interface RequestDef<P, R> {
  readonly method: string;
  /** Never set: carries the param and result types. */
  readonly __types?: (p: P) => R;
}

/** A notification from the server to the client. */
export interface NotificationDef<P> {
  readonly method: string;
  readonly __types?: (p: P) => void;
}

/** What the server reports about itself. */
export interface ServerStatus {
  readonly version: string;
  /** Article documents the server holds open right now. */
  readonly openDocuments: number;
  /** Article files in the workspace index. */
  readonly indexedFiles: number;
  /** True once the first full index of the workspace has finished. */
  readonly indexReady: boolean;
}

/** Asks the server for its status; also the client's proof that the server answers. */
export const StatusRequest: RequestDef<void, ServerStatus> = { method: 'dossier/status' };

// --- Tree views (issue 7) --------------------------------------------------
// The Dossier activity-bar views (Entities, Annotations, Timeline) read the
// workspace index only through these requests. Places are UTF-16 offsets into
// the article text, end exclusive: the client converts them with the opened
// document, since the server may not hold the document open.

/** Entity classes as the trees group them (same values as the recognizer's `EntityType`). */
export type TreeEntityType = 'person' | 'organization' | 'location' | 'misc';

/** How the Entities view orders the entities of a group. */
export type TreeEntitySort = 'count' | 'name' | 'latest';

/** What the Entities view asks for. */
export interface EntitiesTreeParams {
  readonly sort: TreeEntitySort;
  /** Case- and accent-insensitive substring of the name or an alias; absent or empty: no text filter. */
  readonly filter?: string;
  /** Only these types; absent: every type. */
  readonly types?: readonly TreeEntityType[];
  /** At most this many entities per type (the group still reports its total). */
  readonly limitPerType?: number;
}

/** An analyst note on an entity, from an annotation linked to it. */
export interface TreeEntityNote {
  readonly text: string;
  readonly author?: string;
  /** ISO timestamp of the annotation's last change. */
  readonly updated?: string;
  readonly uri: string;
}

/** One entity of the workspace as the Entities view shows it. */
export interface TreeEntity {
  /** Stable key of the entity in the index; the tree's node id and the key of the entity requests. */
  readonly key: string;
  readonly name: string;
  readonly type: TreeEntityType;
  /** Other names seen for it, most frequent first. */
  readonly aliases: readonly string[];
  readonly storyCount: number;
  readonly mentionCount: number;
  /** Newest publication day (`YYYY-MM-DD`) of the stories mentioning it. */
  readonly latestDate?: string;
  /** True when an analyst confirmed or linked at least one mention. */
  readonly confirmed: boolean;
  /** The latest analyst notes on the entity, newest first (a few at most). */
  readonly notes: readonly TreeEntityNote[];
}

/** The entities of one type. */
export interface TreeEntityGroup {
  readonly type: TreeEntityType;
  /** How many entities of the type match, even when fewer are listed. */
  readonly total: number;
  readonly entities: readonly TreeEntity[];
}

/** Workspace facts every tree answer carries, for the views' welcome and progress messages. */
export interface TreeWorkspaceState {
  /** Article files in the index. */
  readonly articleCount: number;
  /** True once the first full index of the workspace has finished. */
  readonly indexReady: boolean;
}

/** The Entities view's root data. */
export interface EntitiesTreeResult extends TreeWorkspaceState {
  /** Non-empty groups, in the fixed type order (person, organization, location, misc). */
  readonly groups: readonly TreeEntityGroup[];
}

/** Lists the workspace's entities, grouped by type, sorted and filtered. */
export const EntitiesTreeRequest: RequestDef<EntitiesTreeParams, EntitiesTreeResult> = { method: 'dossier/tree/entities' };

/** A mention of an entity in a story. */
export interface TreeMention {
  readonly start: number;
  readonly end: number;
  /** The mention's text as written. */
  readonly text: string;
  /** The sentence holding the mention (whitespace collapsed, shortened around the mention when long). */
  readonly excerpt: string;
  readonly confirmed: boolean;
}

/** A story of an article file. */
export interface TreeStory {
  readonly uri: string;
  /** Position of the story in its file, 0-based. */
  readonly index: number;
  /** Headline; empty when the story has none. */
  readonly headline: string;
  /** Publication/update day `YYYY-MM-DD`, when known. */
  readonly date?: string;
  readonly start: number;
  readonly end: number;
  readonly headlineStart: number;
  readonly headlineEnd: number;
}

/** A story and the mentions of one entity in it. */
export interface TreeStoryMentions extends TreeStory {
  readonly mentions: readonly TreeMention[];
}

/** Params of {@link EntityStoriesRequest}. */
export interface EntityStoriesParams {
  readonly key: string;
  /** At most this many stories (the newest); absent: all. */
  readonly limit?: number;
}

/** The stories that mention an entity. */
export interface EntityStoriesResult {
  /** How many stories mention the entity, even when fewer are listed. */
  readonly total: number;
  /** Newest first. */
  readonly stories: readonly TreeStoryMentions[];
}

/** The stories that mention an entity, newest first; none when the entity is gone. */
export const EntityStoriesRequest: RequestDef<EntityStoriesParams, EntityStoriesResult> = {
  method: 'dossier/tree/entityStories',
};

/**
 * Whether an annotation was found again in the current text of its article:
 * at its old place, moved, only approximately, or not at all.
 */
export type TreeAnnotationStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

/** One analyst annotation, as the Annotations view shows it. */
export interface TreeAnnotation {
  /** Stable id from the sidecar. */
  readonly id: string;
  /** The article the annotation belongs to. */
  readonly uri: string;
  readonly type: string;
  readonly entity?: string;
  readonly note?: string;
  /** The annotated text: the current text at the anchor, or the stored quote when orphaned. */
  readonly quote: string;
  /** Current place (meaningless when orphaned: then the last known place). */
  readonly start: number;
  readonly end: number;
  readonly status: TreeAnnotationStatus;
  readonly author?: string;
  readonly updated?: string;
}

/** The annotations of one article. */
export interface TreeAnnotationFile {
  readonly uri: string;
  /** In document order. */
  readonly annotations: readonly TreeAnnotation[];
}

/** The Annotations view's root data. */
export interface AnnotationsTreeResult extends TreeWorkspaceState {
  /** Files with at least one annotation, by path. */
  readonly files: readonly TreeAnnotationFile[];
}

/** Lists every annotation in the workspace, by file. */
export const AnnotationsTreeRequest: RequestDef<void, AnnotationsTreeResult> = { method: 'dossier/tree/annotations' };

/** A story on a day of the timeline. */
export interface TreeTimelineStory extends TreeStory {
  /** True when the story was published (or updated) that day; false when it only mentions the day. */
  readonly published: boolean;
  /** How many date expressions in the story refer to the day. */
  readonly dateMentions: number;
}

/** An entity that several stories of one day mention. */
export interface TreeSharedEntity {
  readonly key: string;
  readonly name: string;
  readonly type: TreeEntityType;
  /** Number of the day's stories that mention it. */
  readonly stories: number;
}

/** One day of the timeline. */
export interface TreeTimelineDay {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly stories: readonly TreeTimelineStory[];
  /** Most shared first. */
  readonly sharedEntities: readonly TreeSharedEntity[];
}

/** A month of the timeline, without its days (they load when the month is expanded). */
export interface TreeTimelineMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Days with stories or dated mentions. */
  readonly days: number;
  /** Distinct stories on those days. */
  readonly stories: number;
}

/** The Timeline view's root data. */
export interface TimelineTreeResult extends TreeWorkspaceState {
  /** Newest month first. */
  readonly months: readonly TreeTimelineMonth[];
}

/** Lists the months with dated stories or mentions, newest first. */
export const TimelineTreeRequest: RequestDef<void, TimelineTreeResult> = { method: 'dossier/tree/timeline' };

/** Params of {@link TimelineMonthRequest}. */
export interface TimelineMonthParams {
  /** `YYYY-MM`. */
  readonly month: string;
}

/** The days of one month, newest first, each with its stories and shared entities. */
export const TimelineMonthRequest: RequestDef<TimelineMonthParams, readonly TreeTimelineDay[]> = { method: 'dossier/tree/timelineMonth' };

/** Renames an entity: every sidecar link to it (by any of its names) is rewritten to `newName`. */
export interface RenameEntityParams {
  readonly key: string;
  readonly newName: string;
  /** True: only count what would change, write nothing. */
  readonly dryRun: boolean;
}

/** Merges entities: every sidecar link to one of `sources` is rewritten to the target's name. */
export interface MergeEntitiesParams {
  /** Keys of the entities that disappear into the target. */
  readonly sources: readonly string[];
  /** Key of the entity that remains. */
  readonly target: string;
  readonly dryRun: boolean;
}

/** A sidecar the edit left alone, and why (unparsable, changed on disk, unreadable). */
export interface SkippedSidecar {
  readonly uri: string;
  readonly reason: string;
}

/** What an entity rename or merge changes (dry run) or changed. */
export interface EntityEditResult {
  /** Sidecar files changed (or that would change). */
  readonly files: number;
  /** Annotations whose entity link changed (or would change). */
  readonly annotations: number;
  /** Article URIs whose sidecars changed (or would change). */
  readonly changed: readonly string[];
  /** Sidecars that need the change but were not (and will not be) written. */
  readonly skipped: readonly SkippedSidecar[];
  /** False for a dry run. */
  readonly applied: boolean;
}

/** Renames an entity in every sidecar that links to it; a dry run first tells how much changes. */
export const RenameEntityRequest: RequestDef<RenameEntityParams, EntityEditResult> = { method: 'dossier/entities/rename' };

/** Merges entities into one in every sidecar that links to them; a dry run first tells how much changes. */
export const MergeEntitiesRequest: RequestDef<MergeEntitiesParams, EntityEditResult> = { method: 'dossier/entities/merge' };

/** Params of {@link RemoveAnnotationRequest}. */
export interface RemoveAnnotationParams {
  /** The article the annotation belongs to. */
  readonly uri: string;
  readonly id: string;
}

/** What became of a removal. */
export interface RemoveAnnotationResult {
  readonly removed: boolean;
  /** Why not, when not removed (the sidecar cannot be parsed, an I/O error). */
  readonly reason?: string;
}

/** Removes one annotation from its article's sidecar (the Annotations view's context action). */
export const RemoveAnnotationRequest: RequestDef<RemoveAnnotationParams, RemoveAnnotationResult> = { method: 'dossier/tree/removeAnnotation' };

/** What changed in the workspace index (mirrors the index's change event). */
export interface IndexChangedParams {
  /** Article URIs added, changed, removed or renamed (both names for a rename). */
  readonly uris: readonly string[];
  /** Entity names, counts or stories may have changed. */
  readonly entitiesChanged: boolean;
  /** Annotations may have changed. */
  readonly annotationsChanged: boolean;
}

/** Sent by the server after the index changed, so the trees refresh the affected nodes. */
export const IndexChangedNotification: NotificationDef<IndexChangedParams> = { method: 'dossier/indexChanged' };

/** Rescans the workspace folders from disk (after a bulk change outside the editor). */
export const ReindexRequest: RequestDef<void, ServerStatus> = { method: 'dossier/reindex' };

// --- Annotations (issue 6) -------------------------------------------------
// The analyst's annotations, kept by the server in a sidecar YAML file next to
// each article. The client sends places as UTF-16 offsets into the article's
// current text (end exclusive); the server anchors, writes and re-anchors.

/**
 * An annotation of an article as the editor shows it (decorations, commands):
 * the core's flat shape; `start`/`end` are its place in the current text, for
 * an orphan its last known place (empty).
 */
export type EditorAnnotation = FlatAnnotation;

/** Params naming an article. */
export interface AnnotationDocumentParams {
  readonly uri: string;
}

/** The annotations of one article, in document order. */
export interface DocumentAnnotations {
  readonly uri: string;
  readonly annotations: readonly EditorAnnotation[];
  /** Changes to the sidecar that could not be written yet (the file cannot be parsed, or an I/O error). */
  readonly pending: number;
}

/** The annotations of an article, anchored in its current text. */
export const DocumentAnnotationsRequest: RequestDef<AnnotationDocumentParams, DocumentAnnotations> = { method: 'dossier/annotations/document' };

/** Sent when an article's annotations changed (an edit moved them, a command or another program changed the sidecar). */
export const DocumentAnnotationsNotification: NotificationDef<DocumentAnnotations> = { method: 'dossier/annotations/changed' };

/**
 * How a change to a sidecar ended (see the server's `SidecarWriteStatus`):
 * `blocked` and `failed` keep the change pending in memory, to be written once
 * the file can be read again; the analyst must be told.
 */
export type AnnotationWriteStatus = 'written' | 'deleted' | 'unchanged' | 'blocked' | 'failed' | 'notFound';

/** What a command changed. */
export interface AnnotationEditResult {
  readonly status: AnnotationWriteStatus;
  /** The annotation the command created or changed. */
  readonly id?: string;
  /** The sidecar file. */
  readonly sidecar?: string;
  /** Why the change is pending or failed, for the analyst. */
  readonly message?: string;
  /** Changes waiting to be written to this sidecar. */
  readonly pending: number;
}

/** A span of an article, with who is acting (the `dossier.annotations.author` setting or the OS user). */
export interface AnnotationSpanParams {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly author?: string;
}

/** Params of {@link TagSelectionRequest}. */
export interface TagSelectionParams extends AnnotationSpanParams {
  readonly type: string;
  readonly entity?: string;
  readonly note?: string;
}

/** *Tag Selection…*, and *Add Note…* / *Link to Entity…* on unannotated text: a new annotation. */
export const TagSelectionRequest: RequestDef<TagSelectionParams, AnnotationEditResult> = { method: 'dossier/annotations/tag' };

/** Params of {@link UpdateAnnotationRequest}; `null` removes a field. */
export interface UpdateAnnotationParams {
  readonly uri: string;
  readonly id: string;
  readonly type?: string;
  readonly entity?: string | null;
  readonly note?: string | null;
}

/** *Edit Note…*, *Link to Entity…* on an annotation. */
export const UpdateAnnotationRequest: RequestDef<UpdateAnnotationParams, AnnotationEditResult> = { method: 'dossier/annotations/update' };

/** Params of {@link ConfirmSuggestionRequest}: the recognizer's mention; `type` defaults to the recognizer's. */
export interface SuggestionParams extends AnnotationSpanParams {
  readonly type?: string;
}

/** *Confirm* a recognizer suggestion: it becomes an annotation of origin `confirmed`. */
export const ConfirmSuggestionRequest: RequestDef<SuggestionParams, AnnotationEditResult> = { method: 'dossier/annotations/confirm' };

/** Params of {@link RejectSuggestionRequest}. */
export interface RejectParams extends SuggestionParams {
  /** `here`: this place only; `everywhere`: the same text in every story. */
  readonly scope: 'here' | 'everywhere';
}

/** *Reject* a recognizer suggestion, remembered in the sidecar so the suggestion disappears. */
export const RejectSuggestionRequest: RequestDef<RejectParams, AnnotationEditResult> = { method: 'dossier/annotations/reject' };

/** Params of {@link ReattachAnnotationRequest}. */
export interface ReattachParams extends AnnotationSpanParams {
  readonly id: string;
}

/** Attaches an annotation (typically an orphaned one) to a new span. */
export const ReattachAnnotationRequest: RequestDef<ReattachParams, AnnotationEditResult> = { method: 'dossier/annotations/reattach' };

/** A known entity, for *Link to Entity…*. */
export interface EntityChoice {
  readonly name: string;
  readonly type: string;
  readonly aliases: readonly string[];
}

/** The workspace's entities, most mentioned first (at most `limit`). */
export const EntityChoicesRequest: RequestDef<{ readonly limit?: number }, readonly EntityChoice[]> = { method: 'dossier/annotations/entities' };
