import type { Span } from '../text/problem';

// Abbreviations that end in a period without ending a sentence (news style: titles, months, U.S.).
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'maj', 'sgt', 'adm', 'gov', 'sen', 'rep', 'pres', 'st', 'mt', 'ft',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'vs', 'v', 'etc', 'inc', 'ltd',
  'co', 'corp', 'jr', 'sr', 'approx', 'dept', 'est', 'fig', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m',
]);

/**
 * Splits `text[start, end)` into sentence spans (trimmed). A sentence ends at
 * `.`, `!` or `?` (plus closing quotes/brackets) followed by white space and
 * a capital, digit or opening quote, unless the word before is a known
 * abbreviation or a single capital initial (`Gen. Qasim`, `J. Smith`).
 */
export function sentenceSpans(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let s = start;
  const re = /[.!?]+["”’')\]]*(?=\s+["“‘(\[]?[\p{Lu}\p{N}])/gu;
  re.lastIndex = start;
  const chunk = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(chunk)) !== null) {
    const dot = m.index;
    if (text[dot] === '.') {
      const wordStart = text.slice(Math.max(s, dot - 12), dot).search(/[\p{L}.]+$/u);
      const word = wordStart < 0 ? '' : text.slice(Math.max(s, dot - 12), dot).slice(wordStart).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    const e = dot + m[0].length;
    pushTrimmed(text, s, e, spans);
    s = e;
  }
  pushTrimmed(text, s, end, spans);
  return spans;
}

function pushTrimmed(text: string, a: number, b: number, out: Span[]): void {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (b > a) out.push({ start: a, end: b });
}
