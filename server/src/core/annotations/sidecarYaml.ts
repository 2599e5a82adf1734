/**
 * The sidecar file format: parsing it without ever throwing, and editing it
 * through `yaml`'s Document API so that a round trip keeps the analyst's
 * comments, key order and unknown keys.
 *
 * A sidecar looks like this (one block per annotation, ordered by position):
 *
 * ```yaml
 * dossier: 1
 * annotations:
 *   - id: a-0k2j4h6g8f
 *     type: person
 *     quote: Imran Khan
 *     note: |
 *       Prime minister; check the date of the statement.
 *     tags: [leader]
 *     author: alice
 *     created: 2026-11-23T09:00:00.000Z
 *     updated: 2026-11-23T09:00:00.000Z
 *     anchor:
 *       prefix: "On Wednesday, Prime Minister "
 *       suffix: " said Pakistan can never again"
 *       start: 1234
 *       end: 1244
 * rejections:
 *   - id: r-5t7y9u1i3o
 *     text: Follow
 *     scope: everywhere
 *     created: 2026-11-23T09:05:00.000Z
 * ```
 *
 * `quote` + `anchor.prefix`/`anchor.suffix` are the W3C TextQuoteSelector,
 * `anchor.start`/`anchor.end` the TextPositionSelector.
 *
 * When the last annotation and rejection are removed, the file is deleted only
 * if nothing else is left in it: comments or keys someone else added keep it
 * (with `annotations: []`), so no analyst text is ever lost.
 */

import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document, type ToStringOptions } from 'yaml';
import type { Problem, Result } from '../text/problem';
import { SIDECAR_VERSION, type Annotation, type ParsedSidecar, type Rejection, type Sidecar } from './model';
import { annotationNode, blockId, blockPosition, patchAnnotationNode, rejectionNode, type AnnotationChanges } from './sidecarNodes';
import { ROOT_KEYS, validateSidecarDocument } from './sidecarValidate';

/** Larger sidecars are refused (a sidecar of 10,000 annotations is about 4 MB). */
export const MAX_SIDECAR_LENGTH = 4 * 1024 * 1024;
/** Alias expansions allowed when checking for "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

/** Output options: no line folding (a long note stays on its line, so diffs stay small). */
const TO_STRING: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true };

/** One change to a sidecar. Edits are operations, so they can be replayed onto a file someone else changed. */
export type SidecarEdit =
  | { readonly kind: 'add'; readonly annotation: Annotation }
  | {
      readonly kind: 'update';
      readonly id: string;
      readonly changes: AnnotationChanges;
      /** ISO time written to `updated`. */
      readonly updated: string;
      /** The annotation as we last knew it: re-added (with the changes) if someone else deleted it meanwhile. */
      readonly fallback?: Annotation;
    }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'addRejection'; readonly rejection: Rejection }
  | { readonly kind: 'removeRejection'; readonly id: string };

/**
 * What became of one edit:
 * - `applied`: as asked;
 * - `merged`: an add whose id was already there (a replay): its fields were written over the existing block;
 * - `readded`: an update of an annotation someone else deleted, put back so the analyst's change is not lost;
 * - `noop`: nothing to do (removing what is already gone, an update with no fallback of a missing id).
 */
export type SidecarEditOutcome = 'applied' | 'merged' | 'readded' | 'noop';

/** Result of editing a sidecar's text. */
export interface SidecarEditResult {
  /** False when the original text cannot be safely rewritten; then `text` is undefined and nothing was applied. */
  readonly writable: boolean;
  /** The new file text; undefined when not writable or when the file should not exist (`keep` false). */
  readonly text: string | undefined;
  /** False when nothing is left worth a file: no records, comments or foreign keys. */
  readonly keep: boolean;
  /** The sidecar as the new text reads. */
  readonly sidecar: Sidecar;
  /** One outcome per edit, in order. */
  readonly outcomes: readonly SidecarEditOutcome[];
}

/** A parsed sidecar Document together with what validation made of it. */
export interface SidecarDocument {
  /** Undefined when the text was refused before parsing (too large, binary). */
  readonly doc: Document | undefined;
  readonly result: Result<ParsedSidecar>;
  /** The text used `\r\n` line ends, which a rewrite keeps. */
  readonly crlf: boolean;
}

const EMPTY: Sidecar = { version: SIDECAR_VERSION, annotations: [], rejections: [] };

/** Parses sidecar text. Never throws; `value.writable` says whether the file may be rewritten. */
export function parseSidecar(text: string): Result<ParsedSidecar> {
  return parseSidecarDocument(text).result;
}

/** Parses sidecar text, keeping the Document for edits. Never throws. */
export function parseSidecarDocument(text: string): SidecarDocument {
  const refuse = (code: string, message: string, end: number): SidecarDocument => ({
    doc: undefined,
    result: { value: { ...EMPTY, writable: false }, problems: [{ start: 0, end, severity: 'error', code, message }] },
    crlf: false,
  });
  if (text.length > MAX_SIDECAR_LENGTH) {
    return refuse('sidecar.too-large', `Sidecar is too large (${text.length} characters, limit ${MAX_SIDECAR_LENGTH}); it is left untouched.`, 0);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return refuse('sidecar.binary', 'Sidecar contains binary data (a NUL character); it is left untouched.', nul + 1);

  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  } catch (err) {
    // `yaml` reports errors as data; this guards against the unexpected only.
    return refuse('sidecar.yaml-syntax', `Sidecar could not be parsed: ${String(err)}`, text.length);
  }
  const crlf = text.includes('\r\n');
  const problems: Problem[] = [];
  for (const e of doc.errors) problems.push(yamlProblem(e, 'error', text.length));
  // A YAML warning (an unresolved tag, say) means `yaml` had to guess; a file read by guessing
  // is not rewritten, so warnings block writing like errors do.
  for (const w of doc.warnings) problems.push(yamlProblem(w, 'error', text.length));
  if (problems.length > 0) {
    return { doc, result: { value: { ...EMPTY, writable: false }, problems }, crlf };
  }
  try {
    // Expanding aliases is where "billion laughs" documents explode; `maxAliasCount` stops it.
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const aliases = /alias/i.test(reason);
    problems.push({
      start: 0, end: Math.min(text.length, 1), severity: 'error', code: aliases ? 'sidecar.alias-bomb' : 'sidecar.too-complex',
      message: aliases
        ? `Sidecar uses too many YAML aliases (${reason}); it is left untouched.`
        : `Sidecar is too deeply nested to read (${reason}); it is left untouched.`,
    });
    return { doc, result: { value: { ...EMPTY, writable: false }, problems }, crlf };
  }
  const validated = validateSidecarDocument(doc, text.length);
  problems.push(...validated.problems.sort((a, b) => a.start - b.start));
  const writable = !problems.some((p) => p.severity === 'error');
  return {
    doc,
    result: {
      value: { version: SIDECAR_VERSION, annotations: validated.annotations, rejections: validated.rejections, writable },
      problems,
    },
    crlf,
  };
}

/**
 * Applies edits to a sidecar's text (undefined when the file does not exist).
 * Refuses, without applying anything, when the text is not writable: the caller
 * keeps its edits pending and shows the problems.
 */
export function applySidecarEdits(text: string | undefined, edits: readonly SidecarEdit[]): Result<SidecarEditResult> {
  const parsed = parseSidecarDocument(text ?? '');
  const { doc } = parsed;
  if (!parsed.result.value.writable || doc === undefined) {
    const { writable: _w, ...sidecar } = parsed.result.value;
    return {
      value: { writable: false, text: undefined, keep: true, sidecar, outcomes: edits.map(() => 'noop') },
      problems: parsed.result.problems,
    };
  }
  let outcomes: SidecarEditOutcome[];
  let out: string;
  let root: YAMLMap;
  try {
    root = ensureRoot(doc);
    outcomes = edits.map((edit) => applyEdit(doc, root, edit));
    finishLists(root);
    out = doc.toString(TO_STRING);
  } catch (err) {
    // Defensive: `yaml` may refuse to print a document it parsed (e.g. nesting too deep for the stack).
    const { writable: _w, ...sidecar } = parsed.result.value;
    const problem: Problem = {
      start: 0, end: 0, severity: 'error', code: 'sidecar.unwritable',
      message: `Sidecar could not be rewritten (${err instanceof Error ? err.message : String(err)}); it is left untouched.`,
    };
    return { value: { writable: false, text: undefined, keep: true, sidecar, outcomes: edits.map(() => 'noop') }, problems: [problem] };
  }
  if (parsed.crlf) out = out.replace(/\r?\n/g, '\r\n');
  const reread = parseSidecar(out);
  const { writable: rewritable, ...sidecar } = reread.value;
  const keep = sidecar.annotations.length > 0 || sidecar.rejections.length > 0 || hasForeignContent(root, out);
  const problems = rewritable ? [] : reread.problems;
  return {
    value: { writable: rewritable, text: rewritable && keep ? out : undefined, keep, sidecar, outcomes },
    problems,
  };
}

/** Serializes a sidecar from scratch (for tools that export one); editing existing text should use `applySidecarEdits`. */
export function stringifySidecar(sidecar: Sidecar): string {
  const edits: SidecarEdit[] = [
    ...sidecar.annotations.map((annotation): SidecarEdit => ({ kind: 'add', annotation })),
    ...sidecar.rejections.map((rejection): SidecarEdit => ({ kind: 'addRejection', rejection })),
  ];
  return applySidecarEdits(undefined, edits).value.text ?? `dossier: ${SIDECAR_VERSION}\nannotations: []\n`;
}

function yamlProblem(e: { message: string; pos: [number, number] }, severity: 'error' | 'warning', length: number): Problem {
  const start = Math.min(e.pos[0], length);
  const end = Math.min(Math.max(e.pos[1], start), length);
  const message = e.message.split('\n')[0] ?? e.message;
  return { start, end, severity, code: 'sidecar.yaml-syntax', message: `YAML: ${message}` };
}

/** Makes sure the root is a map with the version first and an annotations list. */
function ensureRoot(doc: Document): YAMLMap {
  let root = doc.contents;
  if (!isMap(root)) {
    // Only an empty document gets here: any other non-map root failed validation.
    const fresh = new YAMLMap();
    if (root && isScalar(root) && root.comment) fresh.comment = root.comment;
    doc.contents = fresh;
    root = fresh;
  }
  const map = root as YAMLMap;
  if (!map.has(ROOT_KEYS.version)) map.items.unshift(doc.createPair(ROOT_KEYS.version, SIDECAR_VERSION) as (typeof map.items)[number]);
  if (!isSeq(map.get(ROOT_KEYS.annotations, true))) map.set(ROOT_KEYS.annotations, new YAMLSeq());
  return map;
}

function applyEdit(doc: Document, root: YAMLMap, edit: SidecarEdit): SidecarEditOutcome {
  switch (edit.kind) {
    case 'add': {
      const seq = list(root, ROOT_KEYS.annotations);
      const index = seq.items.findIndex((item) => blockId(item) === edit.annotation.id);
      if (index !== -1) {
        const { id: _id, created: _c, updated, anchor, ...rest } = edit.annotation;
        patchAnnotationNode(doc, seq.items[index] as YAMLMap, { ...allOptionalCleared(), ...rest, anchor }, updated);
        reposition(seq, index);
        return 'merged';
      }
      insertSorted(seq, annotationNode(doc, edit.annotation));
      return 'applied';
    }
    case 'update': {
      const seq = list(root, ROOT_KEYS.annotations);
      const index = seq.items.findIndex((item) => blockId(item) === edit.id);
      if (index === -1) {
        if (!edit.fallback) return 'noop';
        const node = annotationNode(doc, edit.fallback);
        patchAnnotationNode(doc, node, edit.changes, edit.updated);
        insertSorted(seq, node);
        return 'readded';
      }
      patchAnnotationNode(doc, seq.items[index] as YAMLMap, edit.changes, edit.updated);
      if (edit.changes.anchor) reposition(seq, index);
      return 'applied';
    }
    case 'remove': {
      const seq = list(root, ROOT_KEYS.annotations);
      const index = seq.items.findIndex((item) => blockId(item) === edit.id);
      if (index === -1) return 'noop';
      seq.items.splice(index, 1);
      return 'applied';
    }
    case 'addRejection': {
      const seq = list(root, ROOT_KEYS.rejections);
      if (seq.items.some((item) => blockId(item) === edit.rejection.id)) return 'noop';
      seq.items.push(rejectionNode(doc, edit.rejection));
      return 'applied';
    }
    case 'removeRejection': {
      const seq = root.get(ROOT_KEYS.rejections, true);
      if (!isSeq(seq)) return 'noop';
      const index = seq.items.findIndex((item) => blockId(item) === edit.id);
      if (index === -1) return 'noop';
      seq.items.splice(index, 1);
      return 'applied';
    }
  }
}

/** An add replayed over an existing block rewrites every optional field, removing those the new record lacks. */
function allOptionalCleared(): AnnotationChanges {
  return { entity: null, note: null, tags: null, author: null, origin: null, status: null };
}

/** The list under `key`, created (block style, after the annotations) when missing. */
function list(root: YAMLMap, key: string): YAMLSeq {
  const node = root.get(key, true);
  if (isSeq(node)) return node;
  const seq = new YAMLSeq();
  root.set(key, seq);
  return seq;
}

/** Inserts before the first block positioned after the new one, so the file stays ordered by position. */
function insertSorted(seq: YAMLSeq, node: YAMLMap): void {
  const key = blockPosition(node);
  const index = seq.items.findIndex((item) => comparePositions(blockPosition(item), key) > 0);
  if (index === -1) seq.items.push(node);
  else seq.items.splice(index, 0, node);
}

/** Moves a block whose anchor changed to its ordered place, only if it is out of order. */
function reposition(seq: YAMLSeq, index: number): void {
  const node = seq.items[index] as YAMLMap;
  const key = blockPosition(node);
  const before = index > 0 ? blockPosition(seq.items[index - 1]) : undefined;
  const after = index < seq.items.length - 1 ? blockPosition(seq.items[index + 1]) : undefined;
  const inOrder = (!before || comparePositions(before, key) <= 0) && (!after || comparePositions(key, after) <= 0);
  if (inOrder) return;
  seq.items.splice(index, 1);
  insertSorted(seq, node);
}

function comparePositions(a: [number, number], b: [number, number]): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

/** Block style for lists with entries, `[]` for empty ones; an empty rejections list disappears. */
function finishLists(root: YAMLMap): void {
  for (const key of [ROOT_KEYS.annotations, ROOT_KEYS.rejections]) {
    const seq = root.get(key, true);
    if (!isSeq(seq)) continue;
    seq.flow = seq.items.length === 0;
    if (key !== ROOT_KEYS.rejections || seq.items.length > 0) continue;
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
    const commented = seq.commentBefore || seq.comment || keyNode?.commentBefore || keyNode?.comment;
    if (!commented) root.delete(key);
  }
}

/** Something in the file that is not ours to drop: keys we do not define, or comments. */
function hasForeignContent(root: YAMLMap, out: string): boolean {
  const ours = new Set<string>(Object.values(ROOT_KEYS));
  const foreignKey = root.items.some((pair) => !ours.has(String(isScalar(pair.key) ? pair.key.value : pair.key)));
  // With no records left, the only strings in the file are ours, so `#` can only start a comment.
  return foreignKey || out.includes('#');
}
