/**
 * What the recognizer learns from the analyst's sidecars: names confirmed with a
 * type (and perhaps a canonical entity), and suggestions rejected everywhere or
 * at one place. The recognizer owns how it uses this (its `AnalystKnowledge` in
 * `recognize/knowledge.ts`); `SidecarKnowledge` has the same shape, so the
 * result of `analystKnowledge` can be handed to it as is.
 */

import type { EntityType } from '../recognize/model';
import { reanchor } from './anchor';
import type { Rejection, Sidecar } from './model';

/** A name the analyst tagged or confirmed, to be recognized wherever it appears. */
export interface SidecarConfirmedName {
  readonly text: string;
  readonly type: EntityType;
  /** Canonical entity name the analyst linked, when any. */
  readonly canonical?: string;
}

/** A text the analyst does not want suggested anywhere (only for one type when `type` is set). */
export interface SidecarRejectedName {
  readonly text: string;
  readonly type?: EntityType;
}

/** The workspace-wide knowledge gathered from sidecars (the recognizer's `AnalystKnowledge`). */
export interface SidecarKnowledge {
  readonly confirmed: readonly SidecarConfirmedName[];
  readonly rejected: readonly SidecarRejectedName[];
}

/**
 * The recognizer's entity type for an annotation type: the four recognizer
 * classes map to themselves, groups, events and nationalities to `misc`; types
 * that are not entities (claim, note, or a new one) give undefined.
 */
export function entityTypeOf(annotationType: string): EntityType | undefined {
  switch (annotationType.trim().toLowerCase()) {
    case 'person': case 'people': return 'person';
    case 'organization': case 'organisation': case 'org': return 'organization';
    case 'location': case 'place': case 'gpe': return 'location';
    case 'misc': case 'group': case 'event': case 'nationality': case 'norp': return 'misc';
    default: return undefined;
  }
}

/** A span of one article where a suggestion was rejected (`scope: here`), re-anchored on the current text. */
export interface RejectedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type?: string;
}

/**
 * Gathers confirmed names (from every entity-typed annotation, orphaned ones
 * included: the name is still knowledge) and `everywhere` rejections,
 * deduplicated, in first-seen order. Whitespace inside names is collapsed so
 * multi-line quotes match. A rejection of a type the recognizer does not have is
 * skipped rather than widened to every type.
 */
export function analystKnowledge(sidecars: Iterable<Sidecar>): SidecarKnowledge {
  const confirmed = new Map<string, SidecarConfirmedName>();
  const rejected = new Map<string, SidecarRejectedName>();
  for (const sidecar of sidecars) {
    for (const a of sidecar.annotations) {
      const text = normalizeName(a.anchor.quote.exact);
      const type = entityTypeOf(a.type);
      if (text.length === 0 || type === undefined) continue;
      const entry: SidecarConfirmedName = a.entity ? { text, type, canonical: a.entity } : { text, type };
      const key = JSON.stringify([text, type, a.entity ?? null]);
      if (!confirmed.has(key)) confirmed.set(key, entry);
    }
    for (const r of sidecar.rejections) {
      if (r.scope !== 'everywhere') continue;
      const text = normalizeName(r.text);
      const type = r.type === undefined ? undefined : entityTypeOf(r.type);
      if (text.length === 0 || (r.type !== undefined && type === undefined)) continue;
      const key = JSON.stringify([text, type ?? null]);
      if (!rejected.has(key)) rejected.set(key, type ? { text, type } : { text });
    }
  }
  return { confirmed: [...confirmed.values()], rejected: [...rejected.values()] };
}

/**
 * The `here` rejections of one sidecar located in the article's current text;
 * a rejection whose span can no longer be found is simply not applied.
 */
export function rejectedSpans(sidecar: Sidecar, articleText: string): RejectedSpan[] {
  return rejectedSpansOf(sidecar.rejections, articleText);
}

/**
 * `rejectedSpans` over a list of rejections (only the `here` ones with an
 * anchor count): the language server applies a snapshot of them, taken when
 * its knowledge was last rebuilt, rather than the live sidecar.
 */
export function rejectedSpansOf(rejections: readonly Rejection[], articleText: string): RejectedSpan[] {
  const spans: RejectedSpan[] = [];
  for (const r of rejections) {
    if (r.scope !== 'here' || !r.anchor) continue;
    const found = reanchor(r.anchor, articleText);
    if (found.start === undefined || found.end === undefined) continue;
    const span = { start: found.start, end: found.end, text: articleText.slice(found.start, found.end) };
    spans.push(r.type ? { ...span, type: r.type } : span);
  }
  return spans;
}

/** Collapses runs of whitespace (line breaks in a multi-line quote included) to one space. */
export function normalizeName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
