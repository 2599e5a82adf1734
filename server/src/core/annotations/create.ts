/**
 * Making annotations and rejections from a selection. Ids and times come from an
 * injected environment, so the same inputs always give the same record in tests.
 */

import { createAnchor } from './anchor';
import type { Annotation, AnnotationEnvironment, AnnotationOrigin, Rejection, RejectionScope } from './model';

/** The analyst-supplied fields of a new annotation. */
export interface NewAnnotationFields {
  readonly type: string;
  readonly entity?: string;
  readonly note?: string;
  readonly tags?: readonly string[];
  readonly author?: string;
  readonly origin?: AnnotationOrigin;
}

/** A new annotation on `text[start, end)` (a multi-line span is fine). */
export function createAnnotation(
  text: string,
  start: number,
  end: number,
  fields: NewAnnotationFields,
  env: AnnotationEnvironment,
): Annotation {
  const now = env.clock().toISOString();
  return withoutUndefined({
    id: env.ids('a'),
    type: fields.type,
    entity: fields.entity,
    note: fields.note,
    tags: fields.tags && fields.tags.length > 0 ? [...fields.tags] : undefined,
    author: fields.author,
    created: now,
    updated: now,
    origin: fields.origin && fields.origin !== 'analyst' ? fields.origin : undefined,
    anchor: createAnchor(text, start, end),
  });
}

/** What the analyst says when rejecting a recognizer suggestion. */
export interface NewRejectionFields {
  readonly text: string;
  readonly type?: string;
  readonly scope: RejectionScope;
  readonly author?: string;
}

/**
 * A rejection of a suggestion. `here` rejections carry an anchor on the
 * rejected span (`span` required); `everywhere` rejections match by text alone.
 */
export function createRejection(
  fields: NewRejectionFields,
  env: AnnotationEnvironment,
  span?: { readonly text: string; readonly start: number; readonly end: number },
): Rejection {
  return withoutUndefined({
    id: env.ids('r'),
    text: fields.text,
    type: fields.type,
    scope: fields.scope,
    anchor: fields.scope === 'here' && span ? createAnchor(span.text, span.start, span.end) : undefined,
    author: fields.author,
    created: env.clock().toISOString(),
  });
}

/**
 * Re-attaches an annotation (typically an orphaned one) to a new span: a new
 * anchor, a new `updated` time, the orphaned status cleared; id and every other
 * field kept.
 */
export function reattach(annotation: Annotation, text: string, start: number, end: number, env: Pick<AnnotationEnvironment, 'clock'>): Annotation {
  const { status: _status, ...rest } = annotation;
  return { ...rest, anchor: createAnchor(text, start, end), updated: env.clock().toISOString() };
}

/** Drops keys whose value is undefined, so records compare and serialize cleanly. */
function withoutUndefined<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}
