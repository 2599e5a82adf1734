import type { LinkTarget } from '../index/documentAnalysis';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/**
 * Go to Definition on an entity: the analyst's note on it when there is one
 * (the newest anchored annotation with a note), otherwise its first mention
 * in the workspace: the first mention in the oldest dated story that names
 * it (undated stories come last; ties go by uri and story order).
 */
export function findDefinition(index: WorkspaceIndex, uri: string, offset: number): LinkTarget | undefined {
  const hit = index.entityAt(uri, offset);
  if (!hit) return undefined;
  return entityDefinition(index, hit.entity.key);
}

/** The definition of an entity by key (see {@link findDefinition}); also where workspace symbols point. */
export function entityDefinition(index: WorkspaceIndex, key: string): LinkTarget | undefined {
  const note = index.annotationsOf(key).find((a) => a.annotation.note && a.annotation.status !== 'orphaned');
  if (note) return { uri: note.uri, start: note.annotation.start, end: note.annotation.end };
  // Stories come newest first, undated last; among the oldest dated, uri and story order decide.
  const refs = index.storyListMentioning(key);
  let first = refs[0];
  for (const s of refs) {
    const a = s.story.date?.value;
    const b = first?.story.date?.value;
    if (a !== undefined && (b === undefined || a < b || (a === b && (s.uri < first!.uri || (s.uri === first!.uri && s.story.index < first!.story.index))))) first = s;
  }
  const m = first && index.mentionsInStory(key, first.uri, first.story.index)[0];
  if (first && m) return { uri: first.uri, start: m.start, end: m.end };
  const any = index.mentionsOf(key)[0];
  return any && { uri: any.uri, start: any.start, end: any.end };
}
