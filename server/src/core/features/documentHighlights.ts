import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Span } from '../text/problem';

/** A span to highlight in the current document. */
export interface DocumentHighlight extends Span {
  /** `write` marks an analyst-confirmed mention (the LSP `DocumentHighlightKind.Write` shade), `read` a recognized one. */
  readonly kind: 'read' | 'write';
}

/**
 * Document highlights: the other mentions, in this document, of the entity
 * under the cursor (under any of its names), or of the same date value.
 */
export function documentHighlights(index: WorkspaceIndex, uri: string, offset: number): DocumentHighlight[] {
  const hit = index.entityAt(uri, offset);
  if (hit) {
    const root = hit.entity.key;
    return index.mentionsIn(uri)
      .filter((m) => index.resolve(m.key) === root)
      .map((m) => ({ start: m.start, end: m.end, kind: m.confirmed ? 'write' as const : 'read' as const }));
  }
  const date = index.dateAt(uri, offset);
  if (date) {
    return (index.document(uri)?.dates ?? [])
      .filter((d) => d.value === date.mention.value)
      .map((d) => ({ start: d.start, end: d.end, kind: 'read' as const }));
  }
  return [];
}
