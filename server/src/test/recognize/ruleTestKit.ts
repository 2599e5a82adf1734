/**
 * What the tests of single recognizer rules share: the shipped recognizer, and
 * the analysis (tokens, gazetteer classes, tagger output) a rule reads.
 */
import { analyze, type Analysis } from '../../core/recognize/analysis';
import { defaultGazetteer } from '../../core/recognize/gazetteer';
import { createRecognizer } from '../../core/recognize/recognizer';
import { defaultTaggerModel } from '../../core/recognize/tagger/defaultModel';

const gazetteer = defaultGazetteer();
const model = defaultTaggerModel().value;

/** The shipped recognizer (gazetteer and tagger weights), shared by the rule tests. */
export const recognizer = createRecognizer();

/** The analysis of a text with the shipped gazetteer and model, as the rules receive it. */
export function analysisOf(text: string): Analysis {
  return analyze(text, gazetteer, model);
}

/** The entities the whole recognizer finds in a text, as `type:text`. */
export function mentions(text: string): string[] {
  return recognizer.recognize(text).entities.map((m) => `${m.type}:${m.text}`);
}
