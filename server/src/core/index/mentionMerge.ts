import type { EntityType } from '../recognize/model';
import type { AnnotationInfo, StoryInfo, TextAnalysis } from './documentAnalysis';
import { entityKey } from './entityKey';
import type { IndexedMention } from './indexTypes';

const ENTITY_TYPES = new Set<string>(['person', 'organization', 'location', 'misc']);

/** True when an annotation type names an entity type. */
export function isEntityType(type: string): type is EntityType {
  return ENTITY_TYPES.has(type);
}

/**
 * The entity mentions of a document as the index serves them: the
 * recognizer's mentions, confirmed (and re-linked) by the analyst's
 * annotations that cover them, plus the annotations that mark entities the
 * recognizer missed. An annotation counts as an entity mention when it links
 * an entity or its type is an entity type; orphaned annotations do not count
 * (their text is gone). Sorted by start, longest first on ties. `text` may
 * be undefined for a document restored from the cache and not re-read yet.
 */
export function buildMentions(text: string | undefined, analysis: TextAnalysis, annotations: readonly AnnotationInfo[]): IndexedMention[] {
  const anns = annotations.filter((a) => a.status !== 'orphaned' && a.end > a.start && (a.entity !== undefined || isEntityType(a.type)));
  const used = new Set<AnnotationInfo>();
  const out: IndexedMention[] = [];
  for (const m of analysis.entities) {
    // The analyst's annotation on exactly this span wins; one that covers it,
    // links an entity and does not contradict its type confirms and re-links it.
    const exact = anns.find((a) => a.start === m.start && a.end === m.end);
    const key = entityKey(m.canonical ?? m.text);
    if (exact) {
      used.add(exact);
      const canonical = exact.entity ?? m.canonical;
      const type = isEntityType(exact.type) ? exact.type : m.type;
      push(out, { ...m, type, ...(canonical !== undefined ? { canonical } : {}), confirmed: true, annotationId: exact.id, key: entityKey(canonical ?? m.text) });
      continue;
    }
    const cover = anns.find((a) => a.start <= m.start && m.end <= a.end && a.entity !== undefined && (!isEntityType(a.type) || a.type === m.type));
    if (cover) {
      used.add(cover);
      const canonical = cover.entity!;
      push(out, { ...m, canonical, confirmed: true, annotationId: cover.id, key: entityKey(canonical) });
    } else {
      push(out, { ...m, confirmed: false, key });
    }
  }
  for (const a of anns) {
    if (used.has(a)) continue;
    // Without the text (a document restored from the cache), the quote the annotation carries.
    const surface = text !== undefined ? text.slice(a.start, a.end) : a.quote ?? '';
    const overlapped = analysis.entities.find((m) => m.start < a.end && a.start < m.end);
    const type: EntityType = isEntityType(a.type) ? a.type : overlapped?.type ?? 'misc';
    const canonical = a.entity ?? surface.trim();
    push(out, {
      start: a.start, end: a.end, type, text: surface, canonical, confidence: 1, origin: 'analyst',
      story: storyIndexAt(analysis.stories, a.start), confirmed: true, annotationId: a.id, key: entityKey(canonical),
    });
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

function push(out: IndexedMention[], m: IndexedMention): void {
  if (m.key !== '') out.push(m);
}

/** Index of the story containing `offset`, or -1. */
export function storyIndexAt(stories: readonly StoryInfo[], offset: number): number {
  for (const s of stories) if (s.start <= offset && offset < s.end) return s.index;
  return -1;
}
