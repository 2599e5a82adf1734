/**
 * The recognizer facade: entities and dates of a text in one call, with the
 * analyst's knowledge injected. The shipped gazetteer and tagger weights are
 * loaded once per process and shared by every recognizer; `withKnowledge`
 * only recompiles the (small) knowledge tables.
 */
import type { Problem, Span } from '../text/problem';
import { recognizeEntities, type AnnotatedSpan } from './entities';
import { defaultGazetteer, type Gazetteer } from './gazetteer';
import { compileKnowledge, NO_KNOWLEDGE, type AnalystKnowledge, type CompiledKnowledge } from './knowledge';
import type { DateMention, EntityMention } from './model';
import { defaultTaggerModel } from './tagger/defaultModel';
import type { TaggerModel } from './tagger/tagger';
import { recognizeDates } from './dates/recognizeDates';

/** Options of one `recognize` call. */
export interface RecognizeOptions {
  /** ISO day (`YYYY-MM-DD`) relative dates resolve against; without it only dates that name their year are found. */
  readonly referenceDate?: string;
  /** Only mentions inside these spans are returned (e.g. a story's body, without boilerplate). */
  readonly spans?: readonly Span[];
  /** Analyst annotations in this text: their mentions get origin `analyst`. */
  readonly annotations?: readonly AnnotatedSpan[];
}

/** Entities and dates of a text. */
export interface Recognition {
  readonly entities: EntityMention[];
  readonly dates: DateMention[];
  /** Problems met (bad model data, ...); recognition still returns what it could. */
  readonly problems: readonly Problem[];
}

/** One text of a {@link Recognizer.recognizeAll} call. */
export interface RecognizeItem {
  readonly text: string;
  readonly options?: RecognizeOptions;
}

/** A configured recognizer. */
export interface Recognizer {
  /** The analyst knowledge in force. */
  readonly knowledge: AnalystKnowledge;
  /** Recognizes entities (and dates, given a reference date) in `text`. */
  recognize(text: string, options?: RecognizeOptions): Recognition;
  /**
   * `recognize` of many texts (e.g. every story of a batch of files), with the same results in
   * the same order, faster: each stage runs over all the texts in turn, not text by text.
   */
  recognizeAll(items: readonly RecognizeItem[]): Recognition[];
  /** A recognizer sharing this one's data, with other knowledge (cheap: only the knowledge is compiled). */
  withKnowledge(knowledge: AnalystKnowledge): Recognizer;
}

/** Options of `createRecognizer`; the data defaults to the shipped gazetteer and weights. */
export interface RecognizerOptions {
  readonly knowledge?: AnalystKnowledge;
  readonly gazetteer?: Gazetteer;
  readonly model?: TaggerModel;
}

/** Creates a recognizer. The first call in a process loads the shipped data (see `npm run bench` for its cost). */
export function createRecognizer(options: RecognizerOptions = {}): Recognizer {
  const loaded = options.model ? { value: options.model, problems: [] as readonly Problem[] } : defaultTaggerModel();
  const gazetteer = options.gazetteer ?? defaultGazetteer();
  return build(gazetteer, loaded.value, loaded.problems, compileKnowledge(options.knowledge ?? NO_KNOWLEDGE));
}

/** The mentions lying wholly inside one of the spans, in order (plain loops: no closure per call). */
function mentionsInside(mentions: EntityMention[], spans: readonly Span[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    for (let k = 0; k < spans.length; k++) {
      if (m.start >= spans[k].start && m.end <= spans[k].end) { out.push(m); break; }
    }
  }
  return out;
}

const NOT_A_STRING: readonly Problem[] = [{ start: 0, end: 0, severity: 'error', code: 'recognize.input', message: 'The text to recognize is not a string.' }];

function build(gazetteer: Gazetteer, model: TaggerModel, loadProblems: readonly Problem[], knowledge: CompiledKnowledge): Recognizer {
  const entitiesOf = (text: string, options: RecognizeOptions): EntityMention[] =>
    recognizeEntities(text, { gazetteer, model, knowledge, annotations: options.annotations });
  /** The dates of a text whose entities are known, and the recognition put together. */
  const finish = (text: string, options: RecognizeOptions, entities: EntityMention[]): Recognition => {
    const problems: Problem[] = loadProblems.length === 0 ? [] : [...loadProblems];
    const spans = options.spans;
    const dates: DateMention[] = recognizeDates(text, options.referenceDate, spans ? { spans } : undefined);
    return { entities: spans ? mentionsInside(entities, spans) : entities, dates, problems };
  };
  const refused = (): Recognition => ({ entities: [], dates: [], problems: [...NOT_A_STRING] });
  return {
    knowledge: knowledge.source,
    recognize(text: string, options: RecognizeOptions = {}): Recognition {
      if (typeof text !== 'string') return refused();
      return finish(text, options, entitiesOf(text, options));
    },
    recognizeAll(items: readonly RecognizeItem[]): Recognition[] {
      // The entity pipeline over every text, then the dates over every text: a stage that runs
      // many texts in a row keeps its tables and code in the CPU caches, which the other stage
      // evicts when they alternate story by story (a scan's batches of 256 files analyse about
      // 15 % faster than file by file: see `../index/analysisBatches.ts` and `npm run bench`).
      const entities: (EntityMention[] | undefined)[] = [];
      for (const item of items) entities.push(typeof item.text === 'string' ? entitiesOf(item.text, item.options ?? {}) : undefined);
      const out: Recognition[] = [];
      for (let i = 0; i < items.length; i++) {
        const found = entities[i];
        out.push(found === undefined ? refused() : finish(items[i].text, items[i].options ?? {}, found));
      }
      return out;
    },
    withKnowledge(k: AnalystKnowledge): Recognizer {
      return build(gazetteer, model, loadProblems, compileKnowledge(k));
    },
  };
}
