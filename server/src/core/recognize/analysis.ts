/**
 * Everything the entity rules read about one text, computed once: tokens,
 * gazetteer classes, tagger inputs and tagger output.
 */
import type { Gazetteer } from './gazetteer';
import { annotateTokens } from './gazetteer';
import { featureInput, type FeatureInput } from './tagger/features';
import { tag, type TaggerModel, type TagResult } from './tagger/tagger';
import { hashOfUnit, tokenize, TokenFlag, TokenKind, type Tokens } from './tokenize';
import type { Scratch } from './scratch';
import { ExactWords } from './tokenWords';

/** The per-text state shared by the rules. */
export interface Analysis {
  readonly tokens: Tokens;
  /** Single-word gazetteer classes per token. */
  readonly gaz: Uint16Array;
  readonly phraseB: Uint16Array;
  readonly phraseI: Uint16Array;
  readonly features: FeatureInput;
  readonly tags: TagResult;
}

/**
 * Tokenizes, annotates and tags a text. With a scratch, the arrays are views of
 * reused buffers, valid only until the scratch serves the next analysis.
 */
export function analyze(text: string, gazetteer: Gazetteer, model: TaggerModel, scratch?: Scratch): Analysis {
  const tokens = tokenize(text, scratch);
  const a = annotateTokens(gazetteer, tokens, scratch);
  const features = featureInput(tokens, a.word, a.phraseB, a.phraseI, scratch);
  const tags = tag(model, features, scratch);
  return { tokens, gaz: a.word, phraseB: a.phraseB, phraseI: a.phraseI, features, tags };
}

/** Capitalised, all-caps or dotted-acronym word: looks like part of a name. */
export function isNameLike(t: Tokens, i: number): boolean {
  return t.kind[i] === TokenKind.Word && (t.flags[i] & (TokenFlag.Cap | TokenFlag.AllCaps)) !== 0;
}

/** True when token i is the given one-character punctuation. */
export function isPunct(t: Tokens, i: number, ch: string): boolean {
  // By the token's hash, not its text: a one-unit token's hash names its unit (`hashOfUnit`), and
  // the hashes are an array in cache where the story is a sliced string, read through its parent.
  return i >= 0 && i < t.count && t.kind[i] === TokenKind.Punct && t.end[i] - t.start[i] === 1 && t.hash[i] === hashOfUnit(ch.charCodeAt(0));
}

/** A hyphen glued to words on both sides ("Anwaar-ul-Haq"). */
export function isJoiningHyphen(t: Tokens, i: number): boolean {
  return isPunct(t, i, '-') && (t.flags[i] & TokenFlag.HyphenPrev) !== 0;
}

/** Abbreviations that open a name and keep their dot inside it (asked by hash first: every name before a full stop asks). */
const ABBREVIATED_NAME_PARTS = new ExactWords(['St', 'Mt', 'Ft', 'Pt', 'Sta', 'Ste']);

/** Connectors that glue the parts of one name together ("Anwaar-ul-Haq", "Osama bin Laden", "Vincent van Gogh"). */
const NAME_GLUE_WORDS = ['al', 'el', 'ul', 'ud', 'ur', 'e', 'i', 'y', 'bin', 'ibn', 'bint', 'van', 'von', 'de', 'da', 'del', 'della', 'der', 'den', 'di', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'zu'];
const NAME_GLUE = new ExactWords(NAME_GLUE_WORDS);
/** Longest connector: a longer word cannot be one, so it is not even looked up. */
const NAME_GLUE_LONGEST = Math.max(...NAME_GLUE_WORDS.map((w) => w.length));

/**
 * Number of glue tokens (joining hyphens, in-name connectors) starting at k
 * that lead to another name-like token; 0 when the name does not go on.
 */
export function nameGlueLength(t: Tokens, k: number): number {
  let j = k;
  while (j < t.count && j - k < 3) {
    if (isJoiningHyphen(t, j)) { j++; continue; }
    // "St. Louis", "Mt. Everest": the abbreviation's dot.
    if (j > 0 && isPunct(t, j, '.') && t.start[j] === t.end[j - 1] && ABBREVIATED_NAME_PARTS.has(t, j - 1)) { j++; continue; }
    if (t.kind[j] === TokenKind.Word && !(t.flags[j] & (TokenFlag.Cap | TokenFlag.AllCaps)) && t.end[j] - t.start[j] <= NAME_GLUE_LONGEST && NAME_GLUE.has(t, j)) { j++; continue; }
    break;
  }
  return j > k && j < t.count && isNameLike(t, j) ? j - k : 0;
}
