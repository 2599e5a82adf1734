import {
  AnnotationsTreeRequest,
  type AnnotationsTreeResult,
  type IndexChangedParams,
  type TreeAnnotation,
} from '../../../server/src/protocol';
import type { ServerApi } from '../serverApi';
import { ViewCommands, ViewIds } from './commandIds';
import { annotationTypeIcon } from './entityPresentation';
import { escapeMarkdown, fileName, plural, shorten } from './format';
import type { NodeSpec } from './nodeStore';
import { BaseTreeModel } from './treeModel';

/** The data behind each kind of node of the Annotations view. */
export type AnnotationNodeData =
  | { readonly kind: 'orphans'; readonly count: number }
  | { readonly kind: 'file'; readonly uri: string; readonly count: number }
  | { readonly kind: 'annotation'; readonly annotation: TreeAnnotation };

const QUOTE_MAX = 80;

/**
 * The Annotations view as a pure model: orphaned annotations first, in a
 * group of their own (they need the analyst), then each annotated file with
 * its annotations in document order.
 */
export class AnnotationsModel extends BaseTreeModel<AnnotationsTreeResult> {
  constructor(server: ServerApi) {
    super(ViewIds.annotations, server);
  }

  protected fetchRoot(): Promise<AnnotationsTreeResult> {
    return this.server.request(AnnotationsTreeRequest, undefined);
  }

  protected override affects(change: IndexChangedParams): boolean {
    // Text edits move anchors, so a changed article can change its annotations' quotes.
    return change.annotationsChanged || change.uris.length > 0;
  }

  override message(): string | undefined {
    const data = this.rootData;
    if (!data || data.articleCount === 0 || data.files.length > 0) return undefined;
    return 'No annotations yet. Select text in an article and run “Dossier: Tag Selection…”.';
  }

  protected rootSpecs(data: AnnotationsTreeResult): NodeSpec[] {
    const files = [...data.files].sort((a, b) => a.uri.localeCompare(b.uri));
    const orphans = files.flatMap((f) => f.annotations.filter((a) => a.status === 'orphaned'));
    const specs: NodeSpec[] = [];
    if (orphans.length) {
      specs.push({
        item: {
          id: 'orphans',
          label: 'Orphaned',
          description: `${orphans.length} · text no longer found`,
          tooltip: 'These annotations could not be found again in their articles. They are kept; re-attach each to a selection.',
          icon: { id: 'warning', color: 'list.warningForeground' },
          collapsible: 'expanded',
          contextValue: 'orphans',
        },
        data: { kind: 'orphans', count: orphans.length } satisfies AnnotationNodeData,
        children: orphans.map((a) => annotationSpec('orphan', a)),
      });
    }
    for (const f of files) {
      const anchored = [...f.annotations].filter((a) => a.status !== 'orphaned').sort((a, b) => a.start - b.start);
      if (!anchored.length) continue;
      specs.push({
        item: {
          id: `file:${f.uri}`,
          label: fileName(f.uri),
          description: plural(anchored.length, 'annotation', 'annotations'),
          icon: { id: 'file' },
          collapsible: 'collapsed',
          contextValue: 'annotationFile',
          resourceUri: f.uri,
        },
        data: { kind: 'file', uri: f.uri, count: anchored.length } satisfies AnnotationNodeData,
        children: anchored.map((a) => annotationSpec('ann', a)),
      });
    }
    return specs;
  }
}

function annotationSpec(prefix: string, a: TreeAnnotation): NodeSpec {
  const orphaned = a.status === 'orphaned';
  const detail = [a.type, a.entity ? `→ ${a.entity}` : undefined, a.note ? shorten(a.note, 60) : undefined]
    .filter(Boolean)
    .join(' · ');
  return {
    item: {
      id: `${prefix}:${a.uri}#${a.id}`,
      label: `“${shorten(a.quote, QUOTE_MAX)}”`,
      description: orphaned ? `${detail} · ${fileName(a.uri)}` : a.status === 'fuzzy' ? `${detail} · text changed` : detail,
      tooltip: annotationTooltip(a),
      icon: orphaned ? { id: 'debug-disconnect', color: 'list.warningForeground' } : annotationTypeIcon(a.type),
      collapsible: 'none',
      contextValue: orphaned ? 'annotation.orphaned' : 'annotation',
      command: orphaned
        ? undefined
        : { command: ViewCommands.revealRange, title: 'Show Annotation', arguments: [a.uri, a.start, a.end] },
      resourceUri: undefined,
    },
    data: { kind: 'annotation', annotation: a } satisfies AnnotationNodeData,
  };
}

/** Quote, type, entity, note, author and date of an annotation, escaped. */
export function annotationTooltip(a: TreeAnnotation): string {
  const lines = [`**${escapeMarkdown(a.type)}**${a.entity ? ` → ${escapeMarkdown(a.entity)}` : ''}`, `> ${escapeMarkdown(shorten(a.quote, 400))}`];
  if (a.note) lines.push(escapeMarkdown(a.note));
  const by = [a.author, a.updated?.slice(0, 10)].filter(Boolean).map((x) => escapeMarkdown(x!)).join(', ');
  if (by) lines.push(`— ${by}`);
  if (a.status === 'orphaned') lines.push('*Orphaned: the quoted text is no longer in the article. Re-attach it to a selection.*');
  else if (a.status === 'fuzzy') lines.push('*The text changed since it was annotated; anchored to the closest match.*');
  return lines.join('\n\n');
}
