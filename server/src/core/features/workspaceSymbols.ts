import type { EntityType } from '../recognize/model';
import type { LinkTarget } from '../index/documentAnalysis';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { entityDefinition } from './definition';

/** A workspace symbol (Ctrl+T) as plain data. */
export interface WorkspaceSymbolItem {
  readonly name: string;
  /** `entity` maps well to LSP `SymbolKind` Class/Variable…, `story` to `SymbolKind.String`/`File`. */
  readonly kind: 'entity' | 'story';
  readonly entityType?: EntityType;
  /** Shown after the name: the entity's type and story count, or the story's date. */
  readonly detail: string;
  readonly location: LinkTarget;
}

/**
 * Workspace symbols: entities (by name or alias) and stories (by headline)
 * matching `query`, best first, entities before stories on equal scores.
 */
export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = 100): WorkspaceSymbolItem[] {
  const scored: Array<{ score: number; item: WorkspaceSymbolItem }> = [];
  for (const hit of index.searchEntities(query, limit)) {
    const e = hit.item;
    const location = entityDefinition(index, e.key);
    if (!location) continue;
    const detail = `${e.type} \u00b7 ${e.storyCount} ${e.storyCount === 1 ? 'story' : 'stories'}${e.aliases.length ? ` \u00b7 also ${e.aliases.slice(0, 3).join(', ')}` : ''}`;
    scored.push({ score: hit.score + 0.5, item: { name: e.name, kind: 'entity', entityType: e.type, detail, location } });
  }
  for (const hit of index.searchStories(query, limit)) {
    const { uri, story } = hit.item;
    scored.push({
      score: hit.score,
      item: { name: story.headline, kind: 'story', detail: story.date?.value ?? 'undated', location: { uri, start: story.headlineSpan.start, end: story.headlineSpan.end } },
    });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.item);
}
