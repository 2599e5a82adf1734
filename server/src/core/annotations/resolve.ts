/**
 * Annotations located in an article's current text: the view that the CLI,
 * decorations, hovers and orphan diagnostics all need.
 */

import { reanchor, reanchorAfterChanges, type AnchorResolution, type ReanchorOptions } from './anchor';
import type { Annotation } from './model';
import type { TextChange } from './textChange';
import type { Problem } from '../text/problem';

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

/** A problem about one annotation; `annotationId` lets a quick fix (re-attach) find it. */
export interface AnnotationProblem extends Problem {
  readonly annotationId: string;
}

/**
 * Diagnostics on the article for annotations that did not anchor cleanly: an
 * orphaned one (warning `annotation.orphaned`, on the line where it used to be,
 * so the analyst sees it and can re-attach it) and a fuzzy one (info
 * `annotation.fuzzy`, on the approximate match).
 */
export function annotationProblems(resolved: readonly ResolvedAnnotation[], text: string): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  for (const { annotation: a, resolution: r } of resolved) {
    const quote = describeQuote(a.anchor.quote.exact);
    if (r.status === 'orphaned') {
      const start = Math.min(Math.max(0, a.anchor.position.start), text.length);
      const lineEnd = text.indexOf('\n', start);
      const end = lineEnd === -1 ? text.length : lineEnd;
      problems.push({
        start, end, severity: 'warning', code: 'annotation.orphaned', annotationId: a.id,
        message: `The ${a.type} annotation on ${quote} lost its text: it is kept; select the new text and re-attach it.`,
      });
    } else if (r.status === 'fuzzy' && r.start !== undefined && r.end !== undefined) {
      problems.push({
        start: r.start, end: r.end, severity: 'info', code: 'annotation.fuzzy', annotationId: a.id,
        message: `The ${a.type} annotation on ${quote} matched approximately (${r.errors ?? 0} character edits).`,
      });
    }
  }
  return problems;
}

function describeQuote(exact: string): string {
  const oneLine = exact.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length > 50 ? `${oneLine.slice(0, 49)}…` : oneLine}”`;
}

/**
 * A resolved annotation flattened for the workspace index (the index's
 * `AnnotationInfo` has this shape). An orphaned annotation keeps its last
 * known place, clamped into the text and empty, so it can still be listed.
 */
export interface FlatAnnotation {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly type: string;
  readonly entity?: string;
  readonly note?: string;
  readonly author?: string;
  readonly updated?: string;
  readonly tags?: readonly string[];
  readonly origin?: 'analyst' | 'confirmed';
  readonly status: AnchorResolution['status'];
  /** The stored quote (for an orphan, the only text left of it). */
  readonly quote: string;
}

/** Flattens resolved annotations for the index and the tree view, in the same order. */
export function flattenResolved(resolved: readonly ResolvedAnnotation[], textLength: number): FlatAnnotation[] {
  return resolved.map(({ annotation: a, resolution: r }) => {
    const last = Math.min(Math.max(0, a.anchor.position.start), textLength);
    const flat: Record<string, unknown> = {
      start: r.start ?? last,
      end: r.end ?? last,
      id: a.id,
      type: a.type,
      status: r.status,
      quote: a.anchor.quote.exact,
    };
    for (const key of ['entity', 'note', 'author', 'updated', 'tags', 'origin'] as const) if (a[key] !== undefined) flat[key] = a[key];
    return flat as unknown as FlatAnnotation;
  });
}
