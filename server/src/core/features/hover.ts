import type { AnnotationInfo, LinkTarget } from '../index/documentAnalysis';
import type { DateHit, EntityHit } from '../index/indexTypes';
import { sentenceAt } from '../index/sentences';
import { publicationDay } from '../index/indexHelpers';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Span } from '../text/problem';
import { escapeMarkdown, escapeMarkdownLines, markdownLink } from './escapeMarkdown';

/** Builds the link for a place in the workspace; the LSP layer makes `file:` URIs with a line fragment. */
export type LinkBuilder = (target: LinkTarget) => string;

/** Hover settings (`dossier.hover.*`) and the injected link builder. */
export interface HoverOptions {
  readonly link: LinkBuilder;
  /** Other stories listed for an entity (newest first). Default 5. */
  readonly maxStories?: number;
  /** Co-mentioned entities listed. Default 5. */
  readonly maxCoMentioned?: number;
  /** Analyst notes listed. Default 5. */
  readonly maxNotes?: number;
  /** Longest quoted sentence, in characters. Default 220. */
  readonly maxSentenceLength?: number;
}

/** A hover as plain data: Markdown (with every article text escaped) and the span it is about. */
export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The hover at `offset` in `uri`: the entity under the cursor with its
 * cross-story context, the date with its resolution and the other stories
 * of that day, and the analyst's annotations there. Undefined when there is
 * nothing to say. The Markdown must be rendered untrusted (no command links,
 * no HTML): all text from articles and sidecars is escaped here anyway.
 */
export function computeHover(index: WorkspaceIndex, uri: string, offset: number, options: HoverOptions): HoverResult | undefined {
  const sections: string[] = [];
  let span: Span | undefined;
  const entity = index.entityAt(uri, offset);
  if (entity) {
    sections.push(entitySection(index, entity, options));
    span = { start: entity.mention.start, end: entity.mention.end };
  }
  const date = index.dateAt(uri, offset);
  if (date) {
    sections.push(dateSection(index, date, options));
    span ??= { start: date.mention.start, end: date.mention.end };
  }
  for (const a of index.annotationsAt(uri, offset).slice(0, 3)) {
    if (a.id === entity?.mention.annotationId && !a.note) continue;
    sections.push(annotationSection(a));
    span ??= { start: a.start, end: a.end };
  }
  if (!span || sections.length === 0) return undefined;
  return { markdown: sections.join('\n\n---\n\n'), span };
}

function entitySection(index: WorkspaceIndex, hit: EntityHit, o: HoverOptions): string {
  const e = hit.entity;
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(e.name)}** \u00b7 ${e.type}${e.confirmed ? ' \u00b7 confirmed by an analyst' : ''}`);
  if (e.aliases.length) lines.push('', `Also: ${e.aliases.slice(0, 8).map((a) => escapeMarkdown(a, 60)).join(', ')}${e.aliases.length > 8 ? ', \u2026' : ''}`);
  lines.push('', `Mentioned in ${plural(e.storyCount, 'story', 'stories')} (${plural(e.mentionCount, 'mention', 'mentions')}).`);

  const max = o.maxStories ?? 5;
  const here = (s: { uri: string; story: { index: number } }): boolean => s.uri === hit.uri && s.story.index === hit.mention.story;
  const shown = index.storiesMentioning(e.key, max + 1).filter((s) => !here(s)).slice(0, max);
  const otherCount = e.storyCount - (hit.mention.story >= 0 ? 1 : 0);
  if (shown.length && max > 0) {
    lines.push('', '**Other stories**, newest first:', '');
    for (const s of shown) {
      const first = s.mentions[0];
      if (!first) continue;
      const headline = s.story.headline || '(untitled story)';
      // A day taken from the file's modification time is no publication day: say so.
      const day = publicationDay(s.story);
      const date = day ? `${escapeMarkdown(day)} \u00b7 ` : 'undated \u00b7 ';
      const sentence = sentenceOf(index, s.uri, first.start, o.maxSentenceLength ?? 220);
      lines.push(`- ${date}${markdownLink(headline, o.link({ uri: s.uri, start: first.start, end: first.end }), 120)}${sentence ? ` \u2014 \u201c${sentence}\u201d` : ''}`);
    }
    if (otherCount > shown.length) lines.push(`- \u2026 and ${plural(otherCount - shown.length, 'more story', 'more stories')}`);
  }

  const co = index.coMentioned(e.key, o.maxCoMentioned ?? 5);
  if (co.length) lines.push('', `**Often with:** ${co.map((c) => `${escapeMarkdown(c.name)} (${c.count})`).join(', ')}`);

  const notes = index.annotationsOf(e.key).filter((a) => a.annotation.note).slice(0, o.maxNotes ?? 5);
  if (notes.length) {
    lines.push('', '**Analyst notes:**', '');
    for (const { uri, annotation: a } of notes) {
      const by = [a.author, a.updated?.slice(0, 10)].filter((x): x is string => !!x).map((x) => escapeMarkdown(x)).join(', ');
      const where = a.status === 'orphaned' ? '' : ` (${markdownLink('open', o.link({ uri, start: a.start, end: a.end }))})`;
      lines.push(`- ${escapeMarkdown(a.note ?? '', 300)}${by ? ` \u2014 ${by}` : ''}${where}`);
    }
  }
  return lines.join('\n');
}

function dateSection(index: WorkspaceIndex, hit: DateHit, o: HoverOptions): string {
  const m = hit.mention;
  const lines: string[] = [];
  const weekday = m.granularity === 'day' ? weekdayOf(m.value) : undefined;
  const range = m.rangeEnd ? ` \u2013 ${escapeMarkdown(m.rangeEnd)}` : '';
  lines.push(`**${escapeMarkdown(m.value)}**${range} \u00b7 ${weekday ?? m.granularity}`);
  const story = index.document(hit.uri)?.stories[m.story];
  const ref = story?.date ? `; the story is dated ${escapeMarkdown(story.date.value)} (from its ${escapeMarkdown(referenceSource(story.date.source))})` : '';
  lines.push('', `Resolved from \u201c${escapeMarkdown(m.text, 80)}\u201d (${escapeMarkdown(m.resolvedFrom, 80)})${ref}.`);
  const others = index.storiesOnDay(m.value).filter((s) => !(s.uri === hit.uri && s.story.index === m.story));
  const max = o.maxStories ?? 5;
  if (others.length && max > 0) {
    lines.push('', '**Other stories on this day:**', '');
    for (const s of others.slice(0, max)) {
      const at = s.mentions[0] ?? s.story.headlineSpan;
      const how = [
        s.published ? 'published that day' : '',
        s.mentions[0] ? `mentions \u201c${escapeMarkdown(s.mentions[0].text, 60)}\u201d` : '',
      ].filter(Boolean).join('; ');
      lines.push(`- ${markdownLink(s.story.headline || '(untitled story)', o.link({ uri: s.uri, start: at.start, end: at.end }), 120)} \u2014 ${how}`);
    }
    if (others.length > max) lines.push(`- \u2026 and ${plural(others.length - max, 'more story', 'more stories')}`);
  }
  return lines.join('\n');
}

function annotationSection(a: AnnotationInfo): string {
  const lines = [`**Annotation** \u00b7 ${escapeMarkdown(a.type, 40)}${a.entity ? ` \u00b7 linked to ${escapeMarkdown(a.entity, 80)}` : ''}${a.status === 'fuzzy' ? ' \u00b7 re-anchored approximately' : ''}`];
  if (a.note) lines.push('', escapeMarkdownLines(a.note, 600));
  if (a.tags?.length) lines.push('', `Tags: ${a.tags.map((t) => escapeMarkdown(t, 40)).join(', ')}`);
  const by = [a.author, a.updated?.slice(0, 10)].filter((x): x is string => !!x).map((x) => escapeMarkdown(x, 60)).join(', ');
  if (by) lines.push('', `\u2014 ${by}`);
  return lines.join('\n');
}

/** The escaped sentence around `offset` in a document, shortened. */
function sentenceOf(index: WorkspaceIndex, uri: string, offset: number, max: number): string | undefined {
  const doc = index.document(uri);
  const text = index.textOf(uri);
  if (!doc || text === undefined) return undefined;
  const s = sentenceAt(doc.sentences, offset);
  if (!s) return undefined;
  return escapeMarkdown(text.slice(s.start, s.end), max);
}

/** Weekday name of an ISO day, or undefined when the value is not a valid day. */
export function weekdayOf(isoDay: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC rolls 2023-02-29 over to March: accept only days that exist.
  if (d.toISOString().slice(0, 10) !== isoDay) return undefined;
  return WEEKDAYS[d.getUTCDay()];
}

function referenceSource(source: string): string {
  switch (source) {
    case 'dateLine': return '\u201cUpdated\u201d line';
    case 'caption': return 'photo caption';
    case 'dateline': return 'dateline';
    case 'body': return 'body text';
    case 'previousStory': return 'previous story';
    case 'fileTime': return 'file date';
    default: return source;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
