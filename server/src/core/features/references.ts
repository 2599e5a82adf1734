import type { LinkTarget } from '../index/documentAnalysis';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** Options of {@link findReferences} (LSP `ReferenceContext`). */
export interface ReferenceOptions {
  /** Include the mention under the cursor. Default true. */
  readonly includeDeclaration?: boolean;
}

/**
 * Find All References: every mention of the entity under the cursor across
 * the workspace (all its names and aliases), or, on a date, every mention of
 * the same day (or month, year). Sorted by uri, then offset.
 */
export function findReferences(index: WorkspaceIndex, uri: string, offset: number, options: ReferenceOptions = {}): LinkTarget[] {
  const include = options.includeDeclaration !== false;
  const keep = (t: LinkTarget, self: { start: number; end: number }): boolean =>
    include || !(t.uri === uri && t.start === self.start && t.end === self.end);
  const entity = index.entityAt(uri, offset);
  if (entity) {
    return index.mentionsOf(entity.entity.key)
      .filter((m) => keep(m, entity.mention))
      .map((m) => ({ uri: m.uri, start: m.start, end: m.end }));
  }
  const date = index.dateAt(uri, offset);
  if (date) {
    const out: LinkTarget[] = [];
    for (const s of index.storiesOnDay(date.mention.value)) {
      for (const m of s.mentions) {
        const t = { uri: s.uri, start: m.start, end: m.end };
        if (keep(t, date.mention)) out.push(t);
      }
    }
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start));
  }
  return [];
}
