/**
 * Reading a parsed sidecar Document into typed records, collecting a located
 * problem for everything that does not fit instead of throwing. Entries that fit
 * are returned even when others do not, so the editor can still show them.
 */

import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { Problem } from '../text/problem';
import type { Anchor, Annotation, AnnotationOrigin, AnnotationStatus, Rejection, RejectionScope } from './model';

/** Root keys the sidecar format defines; any other key is kept untouched. */
export const ROOT_KEYS = { version: 'dossier', annotations: 'annotations', rejections: 'rejections' } as const;

/** What validation found: the records that fit, and the problems. */
export interface ValidatedSidecar {
  readonly version: number | undefined;
  readonly annotations: Annotation[];
  readonly rejections: Rejection[];
  readonly problems: Problem[];
}

const ORIGINS: readonly AnnotationOrigin[] = ['analyst', 'confirmed'];
const STATUSES: readonly AnnotationStatus[] = ['active', 'orphaned'];
const SCOPES: readonly RejectionScope[] = ['here', 'everywhere'];

/** Validates a Document whose YAML syntax is sound; `textLength` locates problems on a missing root. */
export function validateSidecarDocument(doc: Document, textLength: number): ValidatedSidecar {
  const v = new Validator(doc);
  const out: ValidatedSidecar = { version: undefined, annotations: [], rejections: [], problems: v.problems };
  const root = v.deref(doc.contents);
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) {
    return out; // An empty file (or only comments) is an empty sidecar.
  }
  if (!isMap(root)) {
    v.error(root, 'sidecar.not-a-map', 'A sidecar must be a mapping with `dossier: 1` and an `annotations:` list.', textLength);
    return out;
  }
  const versionNode = v.deref(root.get(ROOT_KEYS.version, true));
  if (versionNode === undefined) {
    v.problem(root, 'warning', 'sidecar.version-missing', 'No `dossier: 1` version key; reading the file as version 1.');
  } else if (isScalar(versionNode) && versionNode.value === 1) {
    (out as { version: number | undefined }).version = 1;
  } else {
    v.error(versionNode, 'sidecar.version-unsupported', 'Unsupported sidecar version (expected `dossier: 1`); this file is left untouched.');
  }

  const seen = new Set<string>();
  for (const item of v.list(root, ROOT_KEYS.annotations)) {
    const annotation = v.annotation(item);
    if (!annotation) continue;
    if (seen.has(annotation.id)) {
      v.error(v.deref(item.get('id', true)) ?? item, 'sidecar.duplicate-id', `Duplicate id '${annotation.id}': ids must be unique in a sidecar.`);
      continue;
    }
    seen.add(annotation.id);
    out.annotations.push(annotation);
  }
  for (const item of v.list(root, ROOT_KEYS.rejections)) {
    const rejection = v.rejection(item);
    if (!rejection) continue;
    if (seen.has(rejection.id)) {
      v.error(v.deref(item.get('id', true)) ?? item, 'sidecar.duplicate-id', `Duplicate id '${rejection.id}': ids must be unique in a sidecar.`);
      continue;
    }
    seen.add(rejection.id);
    out.rejections.push(rejection);
  }
  return out;
}

/** Walks nodes with alias resolution and records located problems. */
class Validator {
  readonly problems: Problem[] = [];

  constructor(private readonly doc: Document) {}

  /** Follows an alias to its node (the alias bomb check has already run). */
  deref(node: unknown): Node | undefined | null {
    if (node === null) return null;
    if (node === undefined) return undefined;
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? undefined;
    return node as Node;
  }

  problem(node: Node | undefined | null, severity: Problem['severity'], code: string, message: string, fallbackEnd = 0): void {
    const range = node?.range;
    const start = range ? range[0] : 0;
    const end = range ? Math.max(range[1], start) : fallbackEnd;
    this.problems.push({ start, end, severity, code, message });
  }

  error(node: Node | undefined | null, code: string, message: string, fallbackEnd = 0): void {
    this.problem(node, 'error', code, message, fallbackEnd);
  }

  /** The maps of the list under `key`; a wrong shape is reported and yields nothing. */
  list(root: YAMLMap, key: string): YAMLMap[] {
    const raw = root.get(key, true);
    // Edits insert into and remove from the list itself; through an alias they would
    // rewrite a node that lives elsewhere, so a list reached by alias is read-only.
    if (isAlias(raw)) this.error(raw as Node, 'sidecar.alias', `\`${key}\` is a YAML alias; write the list out in full so Dossier can edit it.`);
    const node = this.deref(raw);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.error(node, 'sidecar.wrong-type', `\`${key}\` must be a list.`);
      return [];
    }
    const maps: YAMLMap[] = [];
    for (const raw of node.items) {
      if (isAlias(raw)) this.error(raw as Node, 'sidecar.alias', `An entry of \`${key}\` is a YAML alias; write it out in full so Dossier can edit it.`);
      const item = this.deref(raw);
      if (isMap(item)) maps.push(item);
      else this.error(item ?? node, 'sidecar.wrong-type', `Each entry of \`${key}\` must be a mapping.`);
    }
    return maps;
  }

  annotation(map: YAMLMap): Annotation | undefined {
    const before = this.problems.length;
    const id = this.string(map, 'id', true);
    const type = this.string(map, 'type', true);
    const quote = this.string(map, 'quote', true);
    const entity = this.string(map, 'entity', false);
    const note = this.string(map, 'note', false);
    const tags = this.stringList(map, 'tags');
    const author = this.string(map, 'author', false);
    const created = this.string(map, 'created', true);
    const updated = this.string(map, 'updated', true);
    const origin = this.oneOf(map, 'origin', ORIGINS);
    const status = this.oneOf(map, 'status', STATUSES);
    const anchor = this.anchor(map, quote, true);
    if (this.problems.length > before || id === undefined || type === undefined || quote === undefined) return undefined;
    if (created === undefined || updated === undefined || anchor === undefined) return undefined;
    const annotation: Record<string, unknown> = { id, type };
    if (entity !== undefined) annotation['entity'] = entity;
    if (note !== undefined) annotation['note'] = note;
    if (tags !== undefined) annotation['tags'] = tags;
    if (author !== undefined) annotation['author'] = author;
    annotation['created'] = created;
    annotation['updated'] = updated;
    if (origin !== undefined) annotation['origin'] = origin;
    if (status !== undefined) annotation['status'] = status;
    annotation['anchor'] = anchor;
    return annotation as unknown as Annotation;
  }

  rejection(map: YAMLMap): Rejection | undefined {
    const before = this.problems.length;
    const id = this.string(map, 'id', true);
    const text = this.string(map, 'text', true);
    const type = this.string(map, 'type', false);
    const scope = this.oneOf(map, 'scope', SCOPES, true);
    const author = this.string(map, 'author', false);
    const created = this.string(map, 'created', true);
    const anchor = this.anchor(map, text, scope === 'here');
    if (this.problems.length > before || id === undefined || text === undefined || scope === undefined || created === undefined) {
      return undefined;
    }
    const rejection: Record<string, unknown> = { id, text };
    if (type !== undefined) rejection['type'] = type;
    rejection['scope'] = scope;
    if (anchor !== undefined) rejection['anchor'] = anchor;
    if (author !== undefined) rejection['author'] = author;
    rejection['created'] = created;
    return rejection as unknown as Rejection;
  }

  /** `anchor: { prefix, suffix, start, end }`; the quote itself lives beside it. */
  private anchor(map: YAMLMap, exact: string | undefined, required: boolean): Anchor | undefined {
    const node = this.deref(map.get('anchor', true));
    if (node === undefined || node === null) {
      if (required) this.error(map, 'sidecar.missing-field', 'Missing `anchor` (prefix, suffix, start, end).');
      return undefined;
    }
    if (!isMap(node)) {
      this.error(node, 'sidecar.wrong-type', '`anchor` must be a mapping with prefix, suffix, start and end.');
      return undefined;
    }
    const prefix = this.string(node, 'prefix', false) ?? '';
    const suffix = this.string(node, 'suffix', false) ?? '';
    const start = this.offset(node, 'start');
    const end = this.offset(node, 'end');
    if (start === undefined || end === undefined || exact === undefined) return undefined;
    if (end < start) {
      this.error(node, 'sidecar.invalid-value', '`anchor.end` must not be before `anchor.start`.');
      return undefined;
    }
    return { quote: { exact, prefix, suffix }, position: { start, end } };
  }

  private string(map: YAMLMap, key: string, required: boolean): string | undefined {
    const node = this.deref(map.get(key, true));
    if (node === undefined || node === null || (isScalar(node) && node.value === null && !required)) {
      if (required) this.error(map, 'sidecar.missing-field', `Missing \`${key}\`.`);
      return undefined;
    }
    if (isScalar(node) && typeof node.value === 'string') {
      if (required && node.value.length === 0) {
        this.error(node, 'sidecar.invalid-value', `\`${key}\` must not be empty.`);
        return undefined;
      }
      return node.value;
    }
    this.error(node, 'sidecar.wrong-type', `\`${key}\` must be a string (put it in quotes).`);
    return undefined;
  }

  private stringList(map: YAMLMap, key: string): string[] | undefined {
    const node = this.deref(map.get(key, true));
    if (node === undefined || node === null) return undefined;
    if (!isSeq(node)) {
      this.error(node, 'sidecar.wrong-type', `\`${key}\` must be a list of strings.`);
      return undefined;
    }
    const values: string[] = [];
    for (const raw of node.items) {
      const item = this.deref(raw);
      if (isScalar(item) && typeof item.value === 'string') values.push(item.value);
      else this.error(item ?? node, 'sidecar.wrong-type', `Each entry of \`${key}\` must be a string.`);
    }
    return values;
  }

  private oneOf<T extends string>(map: YAMLMap, key: string, allowed: readonly T[], required = false): T | undefined {
    const value = this.string(map, key, required);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.error(this.deref(map.get(key, true)), 'sidecar.invalid-value', `\`${key}\` must be one of ${allowed.join(', ')}.`);
    return undefined;
  }

  private offset(map: YAMLMap, key: string): number | undefined {
    const node = this.deref(map.get(key, true));
    if (node === undefined || node === null) {
      this.error(map, 'sidecar.missing-field', `Missing \`anchor.${key}\`.`);
      return undefined;
    }
    if (isScalar(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value) && node.value >= 0) return node.value;
    this.error(node, 'sidecar.wrong-type', `\`anchor.${key}\` must be a whole number of characters (0 or more).`);
    return undefined;
  }
}
