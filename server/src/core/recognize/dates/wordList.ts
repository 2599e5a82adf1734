/**
 * A fixed set of words looked up where they stand in the text, by char codes:
 * the resolver asks about the word before or after nearly every date, and a
 * `Set` lookup would first cut the word out (a new string) and hash it.
 */
export class WordList {
  /** Words by length and first letter (see {@link key}); most words that are none fail here. */
  private readonly byKey: (string[] | undefined)[] = [];

  /**
   * `words` of ASCII letters only. With `anyCase`, they are lower case and a
   * word of the text matches in any case, as its `toLowerCase()` would.
   */
  constructor(words: readonly string[], private readonly anyCase: boolean) {
    for (const w of words) {
      if (!/^[A-Za-z]+$/.test(w) || (anyCase && w !== w.toLowerCase())) throw new Error(`word list: ${w}`);
      (this.byKey[key(w.length, w.charCodeAt(0) | 32)] ??= []).push(w);
    }
  }

  /** Whether `text[from, to)` is one of the words. */
  has(text: string, from: number, to: number): boolean {
    const words = this.byKey[key(to - from, text.charCodeAt(from) | 32)];
    if (words === undefined) return false;
    // `| 32` lower-cases an ASCII letter and makes no other character one.
    const fold = this.anyCase ? 32 : 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w] ?? '';
      let k = 0;
      while (k < word.length && (text.charCodeAt(from + k) | fold) === word.charCodeAt(k)) k++;
      if (k === word.length) return true;
    }
    return false;
  }
}

/** A small integer for a length and a (lower-cased) first character; beyond the table for long words. */
function key(length: number, first: number): number {
  return length * 128 + (first & 127);
}
