/**
 * A one-pass tokenizer built for speed: it allocates no strings, only typed
 * arrays of offsets, shape flags and two hashes per token (exact and
 * lower-cased), which is all the tagger, the gazetteers and the rules need.
 */
import { Slot, type Scratch } from './scratch';
import { buildIntTable, intTableGet } from './hashTable';

/** Token kinds. */
export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
}

/** Bit flags describing a token's shape and position. */
export const enum TokenFlag {
  /** First letter is upper case. */
  Cap = 1,
  /** Every letter is upper case (and there are at least two letters). */
  AllCaps = 2,
  /** First token of a sentence (after . ! ? or a blank line, or at the start). */
  SentStart = 4,
  /** First token on its line. */
  LineStart = 8,
  /** Contains a digit. */
  HasDigit = 16,
  /** Immediately followed by a hyphen joining it to the next word. */
  HyphenNext = 32,
  /** Immediately preceded by a hyphen joining it to the previous word. */
  HyphenPrev = 64,
  /** An acronym written with dots, e.g. `U.S.` (the dots are inside the token). */
  Dotted = 128,
}

/** The tokens of a text, as parallel typed arrays (struct of arrays). */
export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  /** FNV-1a hash of the token as written. */
  readonly hash: Int32Array;
  /** FNV-1a hash of the token lower-cased (ASCII folding plus `toLowerCase` for other letters). */
  readonly lower: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a lower-cased string, identical to what the tokenizer computes for a token. */
export function hashLower(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ foldCase(s.charCodeAt(i)), FNV_PRIME);
  return h;
}

/** FNV-1a of a string as written. */
export function hashExact(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * The hash the tokenizer gives a token of the one code unit `c` (`hashExact` of it). One to one:
 * FNV-1a's xor and its multiplication by an odd prime are both invertible on 32 bits, so a
 * one-unit token has this hash exactly when it is that unit.
 */
export function hashOfUnit(c: number): number {
  return Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
}

/** Combines a running phrase hash with the next token's lower hash (used for multi-word gazetteer keys). */
export function hashJoin(a: number, b: number): number {
  return Math.imul((a ^ 0x20) + Math.imul(b, 0x9e3779b1), FNV_PRIME) | 0;
}

/** Lower-cases one UTF-16 code unit. */
function foldCase(c: number): number {
  if (c >= 65 && c <= 90) return c | 32;
  if (c < 0xc0) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** 1 lower letter, 2 upper letter, 3 digit, 0 other. Non-ASCII letters are classified through their case mapping. */
function charClass(c: number): number {
  const k = CLASS[c];
  return k !== UNKNOWN ? k : (CLASS[c] = classify(c));
}

const UNKNOWN = 255;
/** Character classes by code unit, filled on first sight (ASCII up front): no string work per character. */
const CLASS = (() => {
  const t = new Uint8Array(65536).fill(UNKNOWN);
  for (let c = 0; c < 0xc0; c++) t[c] = classify(c);
  return t;
})();

function classify(c: number): number {
  if (c >= 97 && c <= 122) return 1;
  if (c >= 65 && c <= 90) return 2;
  if (c >= 48 && c <= 57) return 3;
  if (c < 0xc0) return 0;
  if (c === 0xd7 || c === 0xf7) return 0;
  // General punctuation, currency, arrows... and surrogates/emoji are not letters.
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfeff) return 0;
  const s = String.fromCharCode(c);
  const lo = s.toLowerCase();
  if (lo !== s) return 2;
  if (s.toUpperCase() !== s) return 1;
  return 1; // caseless letters (Arabic, CJK...) count as lower: they carry no capitalisation signal
}

const APOS = 39;
const RSQUO = 0x2019;

/** Splits `text` into word, number and punctuation tokens in one pass. */
export function tokenize(text: string, scratch?: Scratch): Tokens {
  // Prose has about one token per five characters; text that has more (punctuation runs,
  // one-letter words) is tokenized again with room for one token per character, which keeps
  // growth logic out of the hot loop.
  // With a scratch the arrays are views of reused buffers (see scratch.ts).
  return tokenizeWithin(text, (text.length >> 2) + 16, scratch) ?? (tokenizeWithin(text, text.length + 16, scratch) as Tokens);
}

function tokenizeWithin(text: string, cap: number, scratch: Scratch | undefined): Tokens | undefined {
  const n = text.length;
  // Every token's entries are written before they are read; the rest is zeroed at the end (most
  // of the arrays is tokens, so most of the fill is saved).
  const start = scratch ? scratch.int32Unfilled(Slot.Start, cap) : new Int32Array(cap);
  const end = scratch ? scratch.int32Unfilled(Slot.End, cap) : new Int32Array(cap);
  const kind = scratch ? scratch.uint8Unfilled(Slot.Kind, cap) : new Uint8Array(cap);
  const flags = scratch ? scratch.uint8Unfilled(Slot.Flags, cap) : new Uint8Array(cap);
  const hash = scratch ? scratch.int32Unfilled(Slot.Hash, cap) : new Int32Array(cap);
  const lower = scratch ? scratch.int32Unfilled(Slot.Lower, cap) : new Int32Array(cap);
  let count = 0;
  let sentStart = true;
  let lineStart = true;
  // The previous token's end, and whether it is a hyphen joined to the word before it: kept in
  // locals rather than read back from the arrays just written.
  let prevEnd = -1;
  let prevJoins = false;
  let i = 0;

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x200b) { i++; continue; }
    if (c === 10) {
      // Headlines and bullets end without a full stop: a line break starts a sentence.
      lineStart = true;
      sentStart = true;
      i++;
      continue;
    }
    const cls = charClass(c);
    if (count === cap) return undefined;
    let f = 0;
    if (sentStart) f |= TokenFlag.SentStart;
    if (lineStart) f |= TokenFlag.LineStart;
    sentStart = false;
    lineStart = false;
    const s = i;
    let h = FNV_OFFSET;
    let hl = FNV_OFFSET;
    let joins = false;
    // The code unit that ended a word, when known: a space after a word is skipped right away.
    let stop = 0;
    if ((c === APOS || c === RSQUO) && i + 1 < n && (text.charCodeAt(i + 1) | 32) === 115 && (i + 2 >= n || charClass(text.charCodeAt(i + 2)) === 0) && prevEnd === i) {
      // Possessive 's (either apostrophe) is one punctuation-like token, hashed as "'s".
      i += 2;
      h = Math.imul(Math.imul(h ^ c, FNV_PRIME) ^ text.charCodeAt(i - 1), FNV_PRIME);
      hl = Math.imul(Math.imul(hl ^ APOS, FNV_PRIME) ^ 115, FNV_PRIME);
      kind[count] = TokenKind.Punct;
    } else if (cls === 0) {
      // Punctuation: one code unit (a surrogate pair stays together).
      i++;
      if (c >= 0xd800 && c <= 0xdbff && i < n) i++;
      h = Math.imul(h ^ c, FNV_PRIME);
      hl = h;
      if (c === 46 || c === 33 || c === 63) sentStart = !isAbbreviationDot(text, c, s, count, start, end, lower);
      kind[count] = TokenKind.Punct;
      if (c === 45 && prevEnd === s && i < n && charClass(text.charCodeAt(i)) !== 0) {
        flags[count - 1] |= TokenFlag.HyphenNext;
        f |= TokenFlag.HyphenPrev; // marks the hyphen itself; the next word gets it below
        joins = true;
      }
    } else {
      let upper = 0;
      let letters = 0;
      let digits = 0;
      let dotted = false;
      // Dotted acronyms: U.S., U.N., E.U. (single capitals each followed by a dot).
      if (cls === 2 && i + 3 < n && text.charCodeAt(i + 1) === 46 && charClass(text.charCodeAt(i + 2)) === 2 && text.charCodeAt(i + 3) === 46) {
        dotted = true;
        while (i + 1 < n && charClass(text.charCodeAt(i)) === 2 && text.charCodeAt(i + 1) === 46) {
          const d = text.charCodeAt(i);
          h = Math.imul(Math.imul(h ^ d, FNV_PRIME) ^ 46, FNV_PRIME);
          hl = Math.imul(Math.imul(hl ^ foldCase(d), FNV_PRIME) ^ 46, FNV_PRIME);
          upper++;
          letters++;
          i += 2;
        }
      } else {
        if (cls === 1 && c <= 122) {
          // A word starting with lower-case ASCII letters (most words): while every letter is one,
          // the exact and the lower-case hash are the same, so only one is computed.
          i++;
          hl = Math.imul(hl ^ c, FNV_PRIME);
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d < 97 || d > 122) { stop = d; break; }
            hl = Math.imul(hl ^ d, FNV_PRIME);
            i++;
          }
          h = hl;
          letters = i - s;
        } else if (cls === 2 && c <= 90) {
          // A capitalised ASCII word (most names): the first letter's two hashes differ, the
          // lower-case letters after it add to both alike.
          i++;
          h = Math.imul(h ^ c, FNV_PRIME);
          hl = Math.imul(hl ^ (c | 32), FNV_PRIME);
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d < 97 || d > 122) { stop = d; break; }
            h = Math.imul(h ^ d, FNV_PRIME);
            hl = Math.imul(hl ^ d, FNV_PRIME);
            i++;
          }
          upper = 1;
          letters = i - s;
        }
        // A space ends the word (the general loop below would find so at more cost).
        while (stop !== 32 && i < n) {
          const d = text.charCodeAt(i);
          // Lower-case ASCII letters, most of any text: the general case below with its answers known.
          if (d >= 97 && d <= 122) {
            letters++;
            h = Math.imul(h ^ d, FNV_PRIME);
            hl = Math.imul(hl ^ d, FNV_PRIME);
            i++;
            continue;
          }
          const dc = charClass(d);
          if (dc !== 0) {
            if (dc === 2) upper++;
            if (dc === 3) digits++; else letters++;
            h = Math.imul(h ^ d, FNV_PRIME);
            hl = Math.imul(hl ^ (dc === 2 ? foldCase(d) : d), FNV_PRIME);
            i++;
            continue;
          }
          // Ampersand between capitals stays inside: AT&T, S&P, P&G.
          if (d === 38 && upper > 0 && upper === letters && i + 1 < n && charClass(text.charCodeAt(i + 1)) === 2) {
            h = Math.imul(h ^ d, FNV_PRIME);
            hl = Math.imul(hl ^ d, FNV_PRIME);
            i++;
            continue;
          }
          // Inner apostrophe (O'Brien, don't) stays, a possessive 's is split off.
          if ((d === APOS || d === RSQUO) && i + 1 < n && charClass(text.charCodeAt(i + 1)) !== 0) {
            const nx = text.charCodeAt(i + 1);
            const possessive = (nx === 115 || nx === 83) && (i + 2 >= n || charClass(text.charCodeAt(i + 2)) === 0);
            if (possessive && i > s) break;
            h = Math.imul(h ^ d, FNV_PRIME);
            hl = Math.imul(hl ^ APOS, FNV_PRIME);
            i++;
            continue;
          }
          // Digits keep their separators: 3,387 and 1.5 and 10:30.
          if ((d === 44 || d === 46 || d === 58) && digits > 0 && letters === 0 && i + 1 < n && charClass(text.charCodeAt(i + 1)) === 3) {
            h = Math.imul(h ^ d, FNV_PRIME);
            hl = h;
            i++;
            continue;
          }
          stop = d;
          break;
        }
      }
      if (cls === 2) f |= TokenFlag.Cap;
      if (upper >= 2 && upper === letters) f |= TokenFlag.AllCaps;
      if (digits > 0) f |= TokenFlag.HasDigit;
      if (dotted) f |= TokenFlag.Dotted | TokenFlag.AllCaps;
      if (prevJoins && prevEnd === s) f |= TokenFlag.HyphenPrev;
      kind[count] = letters === 0 ? TokenKind.Number : TokenKind.Word;
    }
    start[count] = s;
    end[count] = i;
    flags[count] = f;
    hash[count] = h;
    lower[count] = hl;
    count++;
    prevEnd = i;
    prevJoins = joins;
    if (stop === 32) i++;
  }
  if (scratch) {
    start.fill(0, count);
    end.fill(0, count);
    kind.fill(0, count);
    flags.fill(0, count);
    hash.fill(0, count);
    lower.fill(0, count);
  }
  return { text, count, start, end, kind, flags, hash, lower };
}

/**
 * A full stop after a title abbreviation or an initial (`Gen.`, `J.`) does
 * not end the sentence. `c` is the code unit at `dot`.
 */
function isAbbreviationDot(text: string, c: number, dot: number, count: number, start: Int32Array, end: Int32Array, lower: Int32Array): boolean {
  // `c` is the code unit at `dot`, which the caller has read: the story is a sliced string, and
  // each code unit read from it goes through its parent.
  if (c !== 46 || count === 0 || end[count - 1] !== dot) return false;
  const len = dot - start[count - 1];
  if (len === 1) {
    const c0 = text.charCodeAt(start[count - 1]);
    if (c0 >= 65 && c0 <= 90) return true; // initial
  }
  if (len > 5) return false;
  // The word's lower-case hash first: an abbreviation's word has the hash of its entry (the
  // abbreviations are ASCII letters, which both lower-case the same way), and only the rare word
  // with such a hash pays for the string the set lookup needs (two strings per sentence end).
  if (intTableGet(ABBREVIATION_HASHES, lower[count - 1]) === 0) return false;
  return ABBREVIATIONS.has(text.slice(start[count - 1], dot).toLowerCase());
}

/** Abbreviations that are followed by a name rather than ending a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cpl', 'adm', 'brig', 'cmdr', 'gov', 'sen',
  'rep', 'rev', 'hon', 'st', 'mt', 'ft', 'jr', 'sr', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'inc', 'corp', 'co', 'ltd', 'pvt', 'dept', 'univ', 'est', 'approx', 'fig', 'vol', 'pres',
]);
/** The lower-case hashes of `ABBREVIATIONS`, to test a word without cutting it out. */
const ABBREVIATION_HASHES = buildIntTable(new Map([...ABBREVIATIONS].map((w) => [hashLower(w), 1])));

/** The text of token `i` (allocates: use for rules and output, not in the hot loop). */
export function tokenText(t: Tokens, i: number): string {
  return t.text.slice(t.start[i], t.end[i]);
}

/**
 * Text that takes every branch of `tokenizeWithin` (spaces of each kind, line breaks, a possessive
 * after each apostrophe, dotted acronyms, abbreviation dots and initials, joined hyphens, an
 * ampersand inside capitals, inner apostrophes, digit separators, non-ASCII letters of both cases,
 * a surrogate pair, a word ending at the text's end).
 */
const WARM_UP_TEXT = 'The U.S. and AT&T said\u00a0Gen. J. Smith\'s R&D unit\u2019s O\'Brien don\'t\tsell 3,387 or 1.5 at 10:30!\r\n'
  + 'Is it well-known? Z\u00fcrich caf\u00e9 \u00d1and\u00fa \u00c9COLE G7 abc123 x-ray \u201cquoted\u201d (Mr. Bob\u2019s) \ufeff\u200b \ud83d\ude00 MIT-led end';

/**
 * Runs the tokenizer over `WARM_UP_TEXT` until V8 has recorded type feedback for all of it.
 * Why: V8 optimizes `tokenizeWithin` after the first few stories; a branch those stories never
 * took (an ampersand in "AT&T", say) has no feedback, and the first text that takes it throws the
 * optimized code away ("insufficient type feedback"). In about half the processes V8 then kept
 * only an on-stack-replacement copy of the loop, entered anew on every call, and the tokenizer ran
 * at 7.8 instead of 6.0 ms per MB for the rest of the process. With every branch seen first, the
 * first optimized code stays.
 */
function warmUp(): void {
  // Sliced strings of both widths, as stories are (cut out of their article).
  const pad = 'padding text ';
  const oneByte = (pad + WARM_UP_TEXT.replace(/[^\x00-\xff]/g, ' ')).slice(pad.length);
  const twoByte = (pad + WARM_UP_TEXT).slice(pad.length);
  // Dense punctuation overflows the first capacity (the retry path).
  const dense = (pad + '(a,b);(c,d);(e,f);(g,h)').slice(pad.length);
  for (let k = 0; k < 12; k++) {
    tokenize(oneByte);
    tokenize(twoByte);
    tokenize(dense);
  }
}
warmUp();
