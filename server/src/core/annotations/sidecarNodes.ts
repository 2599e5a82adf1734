/**
 * Writing records into a sidecar Document node by node, so that everything we
 * do not touch (comments, unknown keys, the analyst's quoting style) stays as it
 * was. Styles are chosen for people reading diffs: one block per record, prefix
 * and suffix double-quoted so their whitespace is visible, multi-line notes as
 * block scalars, tags as a one-line list.
 */

import { isMap, isScalar, Scalar, YAMLMap, YAMLSeq, type Document, type Node, type Pair } from 'yaml';
import type { Anchor, Annotation, Rejection } from './model';

/** The order keys are written in; new keys are inserted at their place in it. */
export const ANNOTATION_KEY_ORDER = [
  'id', 'type', 'quote', 'entity', 'note', 'tags', 'author', 'created', 'updated', 'origin', 'status', 'anchor',
] as const;
const ANCHOR_KEY_ORDER = ['prefix', 'suffix', 'start', 'end'] as const;
const REJECTION_KEY_ORDER = ['id', 'text', 'type', 'scope', 'author', 'created', 'anchor'] as const;

/** Fields of an annotation that an update may change; `null` removes an optional one. */
export interface AnnotationChanges {
  readonly type?: string;
  readonly entity?: string | null;
  readonly note?: string | null;
  readonly tags?: readonly string[] | null;
  readonly author?: string | null;
  readonly origin?: Annotation['origin'] | null;
  readonly status?: Annotation['status'] | null;
  readonly anchor?: Anchor;
}

/** A new block for an annotation. */
export function annotationNode(doc: Document, annotation: Annotation): YAMLMap {
  const map = new YAMLMap();
  const fields: [string, unknown][] = [
    ['id', annotation.id],
    ['type', annotation.type],
    ['quote', annotation.anchor.quote.exact],
    ['entity', annotation.entity],
    ['note', annotation.note],
    ['tags', annotation.tags],
    ['author', annotation.author],
    ['created', annotation.created],
    ['updated', annotation.updated],
    ['origin', annotation.origin],
    ['status', annotation.status],
    ['anchor', anchorNode(doc, annotation.anchor)],
  ];
  for (const [key, value] of fields) if (value !== undefined) setField(doc, map, key, value, ANNOTATION_KEY_ORDER);
  return map;
}

/** A new block for a rejection; a `here` rejection's anchor quote is its `text`. */
export function rejectionNode(doc: Document, rejection: Rejection): YAMLMap {
  const map = new YAMLMap();
  const fields: [string, unknown][] = [
    ['id', rejection.id],
    ['text', rejection.text],
    ['type', rejection.type],
    ['scope', rejection.scope],
    ['author', rejection.author],
    ['created', rejection.created],
    ['anchor', rejection.anchor ? anchorNode(doc, rejection.anchor) : undefined],
  ];
  for (const [key, value] of fields) if (value !== undefined) setField(doc, map, key, value, REJECTION_KEY_ORDER);
  return map;
}

/**
 * Applies changes to an annotation block in place. Existing scalar nodes are
 * reused so that comments attached to them survive; new keys go to their place
 * in the canonical order rather than to the end.
 */
export function patchAnnotationNode(doc: Document, map: YAMLMap, changes: AnnotationChanges, updated: string): void {
  for (const key of ['type', 'entity', 'note', 'tags', 'author', 'origin', 'status'] as const) {
    const value = changes[key];
    if (value === undefined) continue;
    if (value === null) map.delete(key);
    else setField(doc, map, key, value, ANNOTATION_KEY_ORDER);
  }
  if (changes.anchor) {
    setField(doc, map, 'quote', changes.anchor.quote.exact, ANNOTATION_KEY_ORDER);
    const anchor = map.get('anchor', true);
    if (isMap(anchor)) {
      setField(doc, anchor, 'prefix', changes.anchor.quote.prefix, ANCHOR_KEY_ORDER);
      setField(doc, anchor, 'suffix', changes.anchor.quote.suffix, ANCHOR_KEY_ORDER);
      setField(doc, anchor, 'start', changes.anchor.position.start, ANCHOR_KEY_ORDER);
      setField(doc, anchor, 'end', changes.anchor.position.end, ANCHOR_KEY_ORDER);
    } else {
      setField(doc, map, 'anchor', anchorNode(doc, changes.anchor), ANNOTATION_KEY_ORDER);
    }
  }
  setField(doc, map, 'updated', updated, ANNOTATION_KEY_ORDER);
}

/** Reads the `anchor.start`/`anchor.end` of a block, for ordering; missing values sort last. */
export function blockPosition(node: unknown): [number, number] {
  if (!isMap(node)) return [Infinity, Infinity];
  const anchor = node.get('anchor', true);
  if (!isMap(anchor)) return [Infinity, Infinity];
  const start = anchor.get('start');
  const end = anchor.get('end');
  return [typeof start === 'number' ? start : Infinity, typeof end === 'number' ? end : Infinity];
}

/** The `id` of a block, when it has a string one. */
export function blockId(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  const id = node.get('id');
  return typeof id === 'string' ? id : undefined;
}

/** Sets `key` to `value`, reusing an existing scalar node, inserting a new key at its canonical place. */
function setField(doc: Document, map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  const existing = map.get(key, true);
  if (isScalar(existing) && (typeof value === 'string' || typeof value === 'number')) {
    existing.value = value;
    existing.type = styleFor(key, value, existing.type);
    return;
  }
  const node = value instanceof YAMLMap || value instanceof YAMLSeq || value instanceof Scalar ? value : valueNode(doc, key, value);
  if (existing !== undefined) {
    map.set(key, node);
    return;
  }
  const rank = order.indexOf(key);
  let index = map.items.length;
  if (rank >= 0) {
    index = 0;
    map.items.forEach((pair, i) => {
      const k = isScalar(pair.key) ? pair.key.value : pair.key;
      const r = order.indexOf(String(k));
      if (r >= 0 && r < rank) index = i + 1;
    });
  }
  map.items.splice(index, 0, doc.createPair(key, node) as Pair<unknown, unknown>);
}

function anchorNode(doc: Document, anchor: Anchor): YAMLMap {
  const map = new YAMLMap();
  setField(doc, map, 'prefix', anchor.quote.prefix, ANCHOR_KEY_ORDER);
  setField(doc, map, 'suffix', anchor.quote.suffix, ANCHOR_KEY_ORDER);
  setField(doc, map, 'start', anchor.position.start, ANCHOR_KEY_ORDER);
  setField(doc, map, 'end', anchor.position.end, ANCHOR_KEY_ORDER);
  return map;
}

function valueNode(doc: Document, key: string, value: unknown): Node {
  if (Array.isArray(value)) {
    // Tags read best on one line: `tags: [pm, pakistan]`. Inside a flow list, `yaml` may print an
    // unusual string (say `?` then a line break) in a way that reads back as something else, so
    // anything but a simple word or phrase is double-quoted.
    const seq = new YAMLSeq();
    for (const item of value as unknown[]) {
      if (typeof item !== 'string') {
        seq.items.push(doc.createNode(item));
        continue;
      }
      const scalar = new Scalar(item);
      if (!SIMPLE_FLOW_ITEM.test(item)) scalar.type = Scalar.QUOTE_DOUBLE;
      seq.items.push(scalar);
    }
    seq.flow = true;
    return seq;
  }
  if (typeof value === 'string') return styledScalar(key, value);
  return doc.createNode(value) as Node;
}

/** Words and phrases that are safe unquoted in a flow list (`yaml` still quotes `yes`, `2019`...). */
const SIMPLE_FLOW_ITEM = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_ .\/'’-]*[\p{L}\p{N}_.\/'’-])?$/u;

function styledScalar(key: string, value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = styleFor(key, value, undefined);
  return scalar;
}

/**
 * Why these styles: context strings often start or end with spaces or break
 * mid-line, which only double quotes show plainly; a note of several lines reads
 * best as a literal block; a multi-line quote keeps its exact whitespace in
 * double quotes. Everything else keeps the style it had, or lets `yaml` choose.
 */
function styleFor(key: string, value: unknown, current: Scalar['type']): Scalar['type'] {
  if (typeof value !== 'string') return current === Scalar.PLAIN || current === undefined ? current : undefined;
  if (key === 'prefix' || key === 'suffix') return Scalar.QUOTE_DOUBLE;
  const multiLine = value.includes('\n');
  if (key === 'note') {
    if (multiLine) return blockSafe(value) ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
    return current === Scalar.BLOCK_LITERAL || current === Scalar.BLOCK_FOLDED ? undefined : current;
  }
  if (key === 'quote' && (multiLine || value !== value.trim())) return Scalar.QUOTE_DOUBLE;
  if (multiLine) return Scalar.QUOTE_DOUBLE;
  return current === Scalar.BLOCK_LITERAL || current === Scalar.BLOCK_FOLDED ? undefined : current;
}

/**
 * Whether a literal block shows `value` faithfully: `yaml` mis-prints a line of
 * only blanks (it reads back empty), and control characters or carriage returns
 * cannot appear in a block at all; such notes are double-quoted instead.
 */
function blockSafe(value: string): boolean {
  return !/^[ \t]+$/m.test(value) && !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value);
}
