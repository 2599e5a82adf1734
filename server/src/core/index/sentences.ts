import type { Span } from '../text/problem';

/** Words that end with a period without ending a sentence ("Gen. Qasim", "Jan. 3"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'gov', 'sen', 'rep',
  'st', 'mt', 'no', 'vs', 'etc', 'inc', 'co', 'corp', 'ltd', 'jr', 'sr', 'dept', 'approx', 'est',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const BULLETS = new Set(['\u2022', '\u2023', '\u25e6', '\u25aa', '\u2013', '-', '*', '\u00b7']);

const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']']);

/**
 * Splits `text[from, to)` into sentence spans (trimmed, in order). Line
 * breaks always end a sentence, because scraped articles put one paragraph,
 * headline or bullet per line; inside a line a sentence ends at `.`, `!` or
 * `?` (plus closing quotes) followed by a space and a capital, a digit or an
 * opening quote, unless the word before the period is an abbreviation or a
 * single letter ("U.S.").
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    // A bullet marker is not part of the sentence ("  • Kakar said…").
    if (s + 1 < e && BULLETS.has(text[s] ?? '') && isSpace(text.charCodeAt(s + 1))) {
      s++;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
    }
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // Fast path: most characters are neither line breaks nor sentence punctuation.
    if (code > 63 && code !== 0x2028 && code !== 0x2029) continue;
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) {
      push(i);
      start = i + 1;
      continue;
    }
    if (code !== 46 && code !== 33 && code !== 63) continue;
    const c = text[i];
    let j = i + 1;
    while (j < to && CLOSERS.has(text[j] ?? '')) j++;
    if (j >= to || !isSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < to && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
    if (k < to && !startsSentence(text[k] ?? '')) continue;
    if (c === '.' && isAbbreviation(text, i)) continue;
    push(j);
    start = j;
    i = j - 1;
  }
  push(to);
  return out;
}

/** The sentence containing `offset`, by binary search in sorted sentence spans. */
export function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2028 || code === 0x2029;
}

function startsSentence(ch: string): boolean {
  return /[\p{Lu}\p{N}"'\u201c\u2018(\[]/u.test(ch) || ch === '\n' || ch === '\r';
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}]/u.test(text[s - 1] ?? '')) s--;
  const word = text.slice(s, dot);
  if (word.length === 1) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
