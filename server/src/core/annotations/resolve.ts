/**
 * Annotations located in an article's current text: the view that the CLI,
 * decorations, hovers and orphan diagnostics all need.
 */

import { reanchor, reanchorAfterChanges, type AnchorResolution, type ReanchorOptions } from './anchor';
import type { Annotation } from './model';
import type { TextChange } from './textChange';

/** An annotation and where it landed in the current text. */
export interface ResolvedAnnotation {
  readonly annotation: Annotation;
  readonly resolution: AnchorResolution;
}

/**
 * Re-anchors every annotation against `text`. The result has one entry per
 * annotation, in the same order: orphaned ones are reported, never left out.
 */
export function resolveAnnotations(annotations: readonly Annotation[], text: string, options?: ReanchorOptions): ResolvedAnnotation[] {
  return annotations.map((annotation) => ({ annotation, resolution: reanchor(annotation.anchor, text, options) }));
}

/**
 * The incremental variant for an open editor: `previous` holds where each
 * annotation was in the text before `changes` (by id); annotations without a
 * previous location fall back to their stored anchor position.
 */
export function resolveAnnotationsAfterChanges(
  annotations: readonly Annotation[],
  previous: ReadonlyMap<string, { readonly start: number; readonly end: number }>,
  changes: readonly TextChange[],
  newText: string,
  options: ReanchorOptions = {},
): ResolvedAnnotation[] {
  return annotations.map((annotation) => {
    const expected = previous.get(annotation.id) ?? annotation.anchor.position;
    return { annotation, resolution: reanchorAfterChanges(annotation.anchor, changes, newText, { ...options, expected }) };
  });
}
