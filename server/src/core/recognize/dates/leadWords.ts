/**
 * Where a date expression may start before its trigger word: a few lead words
 * back ("the end of last year", "three weeks ago", "mid-January").
 */
import { MAX_WORDS_BEFORE_TRIGGER } from './grammar';

/**
 * Words that may open a date expression before its trigger; stepping back stops
 * at any other word, so most triggers cost a single grammar attempt.
 */
const LEAD_WORDS: readonly string[] = [
  'the', 'of', 'end', 'beginning', 'start', 'middle', 'close', 'early', 'earlier', 'late', 'later', 'mid',
  'last', 'this', 'next', 'coming', 'current', 'past', 'previous', 'preceding', 'prior',
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'several', 'few', 'couple', 'first', 'second', 'third', 'fourth', 'final', 'in', 'from', 'between',
  'spring', 'summer', 'autumn', 'fall', 'winter',
];

/**
 * Lead words no alternative of the grammar opens with: they only continue an
 * expression ("the end of", "a few", "late in the day"). Stepping back goes
 * through them, but the grammar is not tried at them.
 */
const INNER_WORDS: ReadonlySet<string> = new Set([
  'of', 'in', 'end', 'beginning', 'start', 'middle', 'close', 'current', 'previous', 'preceding', 'prior', 'few', 'couple',
]);

/** The longest lead word; a longer word is none. */
const MAX_LEAD_LENGTH = Math.max(...LEAD_WORDS.map((w) => w.length));

/** Index of a word by its length and first and last letters (lower case): a small integer. */
function leadKey(length: number, first: number, last: number): number {
  return (length * 26 + (first - 97)) * 26 + (last - 97);
}

/**
 * Lead words by {@link leadKey}: a word is looked up by char codes, with no
 * slice or lower-casing, and nearly every word that is none fails on the key.
 */
const LEAD_INDEX: readonly (readonly string[] | undefined)[] = (() => {
  const table: (string[] | undefined)[] = new Array<string[] | undefined>(leadKey(MAX_LEAD_LENGTH + 1, 97, 97)).fill(undefined);
  for (const w of LEAD_WORDS) (table[leadKey(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1))] ??= []).push(w);
  return table;
})();

/** The lead word (lower case) the ASCII letters text[k, j) spell in any case, or undefined (`| 32` lower-cases a letter). */
function leadWordAt(text: string, k: number, j: number): string | undefined {
  const words = LEAD_INDEX[leadKey(j - k, text.charCodeAt(k) | 32, text.charCodeAt(j - 1) | 32)];
  if (words === undefined) return undefined;
  for (const word of words) {
    let i = 1;
    while (i < word.length && (text.charCodeAt(k + i) | 32) === word.charCodeAt(i)) i++;
    if (i === word.length) return word;
  }
  return undefined;
}

/**
 * Fills `out` with the starts where the grammar is to be tried for the trigger
 * at `at`: those of the up to {@link MAX_WORDS_BEFORE_TRIGGER} lead words right
 * before it, not before `floor`, that may open an expression, earliest first,
 * then (after an apostrophe right before it: '82) `at` itself unless
 * `triggerOpens` is false. Returns how many; `out` needs room for
 * MAX_WORDS_BEFORE_TRIGGER + 2 starts.
 */
export function wordStartsBefore(text: string, at: number, floor: number, triggerOpens: boolean, out: Int32Array): number {
  let n = 0;
  let i = at;
  for (let w = 0; w < MAX_WORDS_BEFORE_TRIGGER && i > floor; w++) {
    let j = i;
    // Separators between words: spaces and hyphens ("mid-January").
    while (j > floor && isSeparator(text.charCodeAt(j - 1))) j--;
    if (j === i || j <= floor) break;
    let k = j;
    // No further back than a lead word can reach: a longer word is none, wherever it starts.
    while (k > floor && j - k <= MAX_LEAD_LENGTH && isLetter(text.charCodeAt(k - 1))) k--;
    if (k === j || j - k > MAX_LEAD_LENGTH) break;
    const word = leadWordAt(text, k, j);
    if (word === undefined) break;
    if (!INNER_WORDS.has(word)) out[n++] = k;
    i = k;
  }
  // Found right to left: earliest first.
  for (let a = 0, b = n - 1; a < b; a++, b--) {
    const t = out[a] ?? 0;
    out[a] = out[b] ?? 0;
    out[b] = t;
  }
  // '82: the apostrophe opens the expression. Written without a branch: arithmetic
  // that has never run when the optimizer compiles this (apostrophes are rare)
  // would throw the compiled code away the first time it runs.
  const before = at - 1;
  const c = before >= floor ? text.charCodeAt(before) : 0;
  out[n] = before;
  n += c === 39 || c === 0x2019 ? 1 : 0;
  if (triggerOpens && at >= floor) out[n++] = at;
  return n;
}

function isSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 45 || c === 0xa0;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
