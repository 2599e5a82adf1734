import type { TreeAnnotation, TreeEntityType } from '../../../server/src/protocol';
import type { AnnotationNodeData } from './annotationsModel';
import type { EntityNodeData } from './entitiesModel';
import type { TimelineNodeData } from './timelineModel';
import type { ViewNode } from './treeItemData';

/** An entity as the commands need it. */
export interface EntityRef {
  readonly key: string;
  readonly name: string;
  readonly type?: TreeEntityType;
}

type AnyNodeData = EntityNodeData | AnnotationNodeData | TimelineNodeData;

function isNode(x: unknown): x is ViewNode<AnyNodeData> {
  return typeof x === 'object' && x !== null && 'item' in x && 'data' in x && typeof (x as ViewNode).id === 'string';
}

/**
 * The entity a command argument stands for: an Entities node, a shared
 * entity of the Timeline, or a plain `{ key, name? }` (commands run from code).
 */
export function entityOf(arg: unknown): EntityRef | undefined {
  if (isNode(arg)) {
    const d = arg.data;
    if (d?.kind === 'entity') return { key: d.entity.key, name: d.entity.name, type: d.entity.type };
    if (d?.kind === 'sharedEntity') return { key: d.entity.key, name: d.entity.name, type: d.entity.type };
    return undefined;
  }
  if (typeof arg === 'object' && arg !== null && typeof (arg as EntityRef).key === 'string') {
    const r = arg as Partial<EntityRef> & { key: string };
    return { key: r.key, name: typeof r.name === 'string' ? r.name : r.key, ...(r.type ? { type: r.type } : {}) };
  }
  return undefined;
}

/** The article URI behind a node (a story, a mention, an annotation, an annotated file), if any. */
export function articleUriOf(arg: unknown): string | undefined {
  if (!isNode(arg)) return typeof arg === 'string' ? arg : undefined;
  if (arg.item.resourceUri) return arg.item.resourceUri;
  const d = arg.data;
  switch (d?.kind) {
    case 'story':
      return d.story.uri;
    case 'mention':
      return d.uri;
    case 'file':
      return d.uri;
    case 'annotation':
      return d.annotation.uri;
    default:
      return undefined;
  }
}

/** The text "Copy Name" copies: an entity's name, else the node's label. */
export function nameOf(arg: unknown): string | undefined {
  const e = entityOf(arg);
  if (e) return e.name;
  if (!isNode(arg)) return undefined;
  const d = arg.data;
  if (d?.kind === 'annotation') return d.annotation.entity ?? d.annotation.quote;
  if (d?.kind === 'story') return d.story.headline || arg.item.label;
  return arg.item.label;
}

/** The entity nodes among a command's arguments (menus pass the clicked node and the selection). */
export function selectedEntities(clicked: unknown, selection: unknown): EntityRef[] {
  const list = Array.isArray(selection) && selection.length ? selection : [clicked];
  const out: EntityRef[] = [];
  for (const x of list) {
    const e = entityOf(x);
    if (e && !out.some((o) => o.key === e.key)) out.push(e);
  }
  return out;
}

/** The annotation an Annotations node (or a plain `{ uri, id }` from code) stands for. */
export function annotationOf(arg: unknown): Pick<TreeAnnotation, 'uri' | 'id' | 'type' | 'quote' | 'note'> | undefined {
  if (isNode(arg)) return arg.data?.kind === 'annotation' ? arg.data.annotation : undefined;
  if (typeof arg === 'object' && arg !== null && typeof (arg as TreeAnnotation).uri === 'string' && typeof (arg as TreeAnnotation).id === 'string') {
    const a = arg as Partial<TreeAnnotation> & { uri: string; id: string };
    return { uri: a.uri, id: a.id, type: a.type ?? 'annotation', quote: a.quote ?? '', ...(a.note ? { note: a.note } : {}) };
  }
  return undefined;
}
