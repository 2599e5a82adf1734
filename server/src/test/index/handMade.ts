import type { EntityType } from '../../core/recognize/model';
import type { StoryDateMention, StoryEntityMention, StoryInfo, TextAnalysis } from '../../core/index/documentAnalysis';
import { splitSentences } from '../../core/index/sentences';

/**
 * Hand-made analyses for index tests, independent of the real parser and
 * recognizer. A document is written as stories, each opened by a line
 * `# Headline @YYYY-MM-DD` (`@file:YYYY-MM-DD`: only the file's modification day); entities are found by a small lexicon
 * (surface text → type and canonical name), dates by a phrase table.
 */
export interface Lexicon {
  readonly entities: Readonly<Record<string, { type: EntityType; canonical?: string }>>;
  readonly dates?: Readonly<Record<string, string>>;
}

/** The lexicon most tests use. */
export const LEXICON: Lexicon = {
  entities: {
    'Anwaar-ul-Haq Kakar': { type: 'person', canonical: 'Anwaar-ul-Haq Kakar' },
    'Anwaar ul-Haq-Kakar': { type: 'person', canonical: 'Anwaar ul-Haq-Kakar' },
    Kakar: { type: 'person' },
    Iran: { type: 'location' },
    Pakistan: { type: 'location' },
    Tehran: { type: 'location' },
    'Imran Khan': { type: 'person' },
    'Amir Khan': { type: 'person' },
    Khan: { type: 'person' },
    'Tehreek-e-Taliban Pakistan': { type: 'organization' },
    TTP: { type: 'organization' },
    'Jalil Abbas Jilani': { type: 'person' },
  },
  dates: { 'on Friday': '2024-01-19', 'January 16': '2024-01-16' },
};

/** Builds a {@link TextAnalysis} of `text` from the lexicon; counts its calls. */
export function handMadeAnalyzer(lexicon: Lexicon = LEXICON): { analyze: (uri: string, text: string) => TextAnalysis; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    analyze: (uri, text) => {
      calls.push(uri);
      return analyseText(text, lexicon);
    },
  };
}

/** The analysis itself (pure). */
export function analyseText(text: string, lexicon: Lexicon = LEXICON): TextAnalysis {
  const stories: StoryInfo[] = [];
  const re = /^# (.*?)(?: @(file:)?(\d{4}-\d{2}-\d{2}))?$/gm;
  const heads = [...text.matchAll(re)];
  heads.forEach((m, i) => {
    const start = m.index;
    const end = i + 1 < heads.length ? heads[i + 1]!.index : text.length;
    const headline = m[1] ?? '';
    const hs = start + 2;
    stories.push({
      index: i, start, end, headline, headlineSpan: { start: hs, end: hs + headline.length },
      ...(m[3] ? { date: { value: m[3], source: m[2] ? 'fileTime' as const : 'dateLine' as const } } : {}),
    });
  });
  const storyOf = (o: number): number => stories.find((s) => s.start <= o && o < s.end)?.index ?? -1;
  const entities: StoryEntityMention[] = [];
  const names = Object.keys(lexicon.entities).sort((a, b) => b.length - a.length);
  const taken: boolean[] = [];
  for (const name of names) {
    const rx = new RegExp(`(?<![\\w-])${name.replace(/[-]/g, '\\-')}(?![\\w-])`, 'g');
    for (const m of text.matchAll(rx)) {
      const start = m.index;
      const end = start + name.length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      const e = lexicon.entities[name]!;
      entities.push({ start, end, text: name, type: e.type, story: storyOf(start), confidence: 0.9, origin: 'recognizer', ...(e.canonical ? { canonical: e.canonical } : {}) });
    }
  }
  const dates: StoryDateMention[] = [];
  for (const [phrase, value] of Object.entries(lexicon.dates ?? {})) {
    for (const m of text.matchAll(new RegExp(phrase, 'g'))) {
      dates.push({ start: m.index, end: m.index + phrase.length, text: phrase, value, granularity: 'day', resolvedFrom: `weekday-before:${value}`, story: storyOf(m.index) });
    }
  }
  const byStart = <T extends { start: number }>(a: T, b: T): number => a.start - b.start;
  return {
    length: text.length, stories, entities: entities.sort(byStart), dates: dates.sort(byStart),
    sentences: splitSentences(text), boilerplate: [], problems: [],
  };
}
