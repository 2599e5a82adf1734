/**
 * The analyst's commands expressed as sidecar edits, so that the LSP layer only
 * has to pick the annotation and hand the edits to the store. Every builder is
 * pure; times and ids come from the injected environment.
 */

import { createAnchor } from './anchor';
import { createAnnotation, createRejection, type NewAnnotationFields } from './create';
import type { Annotation, AnnotationEnvironment, RejectionScope } from './model';
import type { ResolvedAnnotation } from './resolve';
import type { AnnotationChanges } from './sidecarNodes';
import type { SidecarEdit } from './sidecarYaml';

/** *Tag Selection…* (and *Add Note…* on an unannotated selection): a new annotation on `text[start, end)`. */
export function tagSelection(text: string, start: number, end: number, fields: NewAnnotationFields, env: AnnotationEnvironment): SidecarEdit {
  return { kind: 'add', annotation: createAnnotation(text, start, end, fields, env) };
}

/** *Confirm* a recognizer suggestion: an annotation with `origin: confirmed`. */
export function confirmSuggestion(
  text: string,
  start: number,
  end: number,
  fields: Omit<NewAnnotationFields, 'origin'>,
  env: AnnotationEnvironment,
): SidecarEdit {
  return { kind: 'add', annotation: createAnnotation(text, start, end, { ...fields, origin: 'confirmed' }, env) };
}

/** *Reject* a recognizer suggestion, here only (anchored) or for the same text everywhere. */
export function rejectSuggestion(
  text: string,
  start: number,
  end: number,
  fields: { readonly type?: string; readonly scope: RejectionScope; readonly author?: string },
  env: AnnotationEnvironment,
): SidecarEdit {
  const rejection = createRejection({ ...fields, text: text.slice(start, end) }, env, { text, start, end });
  return { kind: 'addRejection', rejection };
}

/**
 * *Link to Entity…*, *Edit Note…*, a type change: field changes with a new
 * `updated` time (`null` removes a field, e.g. an emptied note).
 */
export function changeAnnotation(annotation: Annotation, changes: AnnotationChanges, env: Pick<AnnotationEnvironment, 'clock'>): SidecarEdit {
  return { kind: 'update', id: annotation.id, changes, updated: env.clock().toISOString(), fallback: annotation };
}

/** *Remove Annotation*. */
export function removeAnnotation(annotation: Pick<Annotation, 'id'>): SidecarEdit {
  return { kind: 'remove', id: annotation.id };
}

/** The quick fix on an orphaned annotation: attach it to the current selection, clearing `orphaned`. */
export function reattachAnnotation(
  annotation: Annotation,
  text: string,
  start: number,
  end: number,
  env: Pick<AnnotationEnvironment, 'clock'>,
): SidecarEdit {
  return changeAnnotation(annotation, { anchor: createAnchor(text, start, end), status: null }, env);
}

/**
 * Brings the stored anchors up to date with the article's text (to run when the
 * article is saved, not on every keystroke): moved and fuzzy annotations get a
 * fresh anchor, orphaned ones are marked `status: orphaned`, found ones lose a
 * stale mark. These are bookkeeping, so `updated` keeps the analyst's last time.
 * Exact annotations whose anchor is already current produce no edit.
 */
export function refreshAnchors(resolved: readonly ResolvedAnnotation[], text: string): SidecarEdit[] {
  const edits: SidecarEdit[] = [];
  for (const { annotation: a, resolution: r } of resolved) {
    const changes: { -readonly [K in keyof AnnotationChanges]: AnnotationChanges[K] } = {};
    if (r.status === 'orphaned') {
      if (a.status !== 'orphaned') changes.status = 'orphaned';
    } else if (r.start !== undefined && r.end !== undefined) {
      const fresh = createAnchor(text, r.start, r.end);
      if (!sameAnchor(fresh, a.anchor)) changes.anchor = fresh;
      if (a.status === 'orphaned') changes.status = null;
    }
    if (Object.keys(changes).length > 0) edits.push({ kind: 'update', id: a.id, changes, updated: a.updated, fallback: a });
  }
  return edits;
}

function sameAnchor(x: Annotation['anchor'], y: Annotation['anchor']): boolean {
  return x.quote.exact === y.quote.exact && x.quote.prefix === y.quote.prefix && x.quote.suffix === y.quote.suffix &&
    x.position.start === y.position.start && x.position.end === y.position.end;
}
