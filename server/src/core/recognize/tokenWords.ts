/**
 * Word lists asked about tokens: "is this token one of these words?" by the token's hash
 * first, and by its text only when the hash says it may be. The rules ask such questions
 * at many tokens (connectors, head words, legal forms) and nearly all answers are no: cutting
 * each token's text out (and lower-casing it) to ask a `Set` cost more than the rules' logic.
 *
 * Exact: a token written as a listed word has that word's hash (the tokenizer hashes a token's
 * code units as written, and lower-cased one by one with the same folding as `hashLower`), so
 * a hash not in the table rules the word out, and a hash in it is confirmed on the text. The
 * one exception is the Kelvin sign: the only code unit besides A-Z whose lower case is ASCII
 * ("k"), and always a punctuation token of its own, hashed as written; "k" also answers to it.
 */
import { buildIntTable, intTableGet, type IntTable } from './hashTable';
import { hashExact, hashLower, type Tokens } from './tokenize';

/** The lower hash of a lone Kelvin sign, a punctuation token that lower-cases to "k" (see the module comment). */
const KELVIN = hashExact('\u212a');

/** The lists hold printable ASCII only (a token of other code units may be hashed otherwise, e.g. a surrogate pair). */
function checkAscii(words: ReadonlySet<string>, lowerCase: boolean): void {
  for (const w of words) if (!/^[\x20-\x7e]+$/.test(w) || (lowerCase && w !== w.toLowerCase())) throw new Error(`not a${lowerCase ? ' lower-case' : 'n'} ASCII word: ${w}`);
}

/** ASCII words matched as written ("SpA", "de"): `has` is `words.has(text of token i)`. */
export class ExactWords {
  private readonly words: ReadonlySet<string>;
  private readonly hashes: IntTable;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    checkAscii(this.words, false);
    this.hashes = buildIntTable(new Map([...this.words].map((w) => [hashExact(w), 1])));
  }

  /** Whether token i is written exactly as one of the words. */
  has(t: Tokens, i: number): boolean {
    return intTableGet(this.hashes, t.hash[i]) !== 0 && this.words.has(t.text.slice(t.start[i], t.end[i]));
  }
}

/**
 * Lower-case words matched in any case ("of", "airport"): `has` is
 * `words.has(text of token i, lower-cased)`. The words must be ASCII (as every list here is):
 * only ASCII letters (and the Kelvin sign, which the tokenizer folds as `toLowerCase` does)
 * lower-case to ASCII letters, so a token lower-casing to such a word has its lower hash.
 */
export class LowerWords {
  private readonly words: ReadonlySet<string>;
  private readonly hashes: IntTable;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    checkAscii(this.words, true);
    const hashes = new Map([...this.words].map((w) => [hashLower(w), 1]));
    if (this.words.has('k')) hashes.set(KELVIN, 1);
    this.hashes = buildIntTable(hashes);
  }

  /** Whether token i lower-cases to one of the words. */
  has(t: Tokens, i: number): boolean {
    return intTableGet(this.hashes, t.lower[i]) !== 0 && this.words.has(t.text.slice(t.start[i], t.end[i]).toLowerCase());
  }
}

/** Whether token i lower-cases to the lower-case ASCII word `w`, whose lower hash is `h` (`hashLower(w)`). */
export function isLowerWord(t: Tokens, i: number, w: string, h: number): boolean {
  return (t.lower[i] === h || (t.lower[i] === KELVIN && w === 'k')) && t.text.slice(t.start[i], t.end[i]).toLowerCase() === w;
}

