/**
 * Feature extraction for the sequence tagger, shared verbatim by the offline
 * trainer (scripts/train) and the runtime decoder so that both see the same
 * hashed features. Every feature is a bucket index into a hashed weight table;
 * nothing here allocates strings.
 */
import { Gaz, GAZ_BITS } from '../gazetteer';
import { hashLower, hashOfUnit, TokenFlag, TokenKind, type Tokens } from '../tokenize';
import { Slot, type Scratch } from '../scratch';
import { buildIntTable, intTableGet, type IntTable } from '../hashTable';

/** BIO labels over PER, ORG, LOC, MISC. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
/** Number of labels. */
export const NUM_LABELS = LABELS.length;
/** Most static features one token can produce. */
export const MAX_STATIC_FEATURES = 128;

/** Per-token inputs of the feature templates, computed once per text. */
export interface FeatureInput {
  readonly tokens: Tokens;
  /** Single-word gazetteer classes. */
  readonly gaz: Uint16Array;
  readonly phraseB: Uint16Array;
  readonly phraseI: Uint16Array;
  /** Shape code of each token (see `shapeOf`). */
  readonly shape: Uint8Array;
  /** 1 where the tagger runs; elsewhere the label is O. */
  readonly candidate: Uint8Array;
  /** Document-level evidence about each name-like token's word (see `DocBit`), 0 elsewhere. */
  readonly doc: Uint16Array;
}

/**
 * What the rest of the document says about a word: used as features so that
 * one clear context ("Mr Kakar", "Airbus Inc.", "in Quetta") informs every
 * occurrence (the "global features" of Ratinov and Roth, 2009).
 */
export const enum DocBit {
  /** Also written in lower case mid-sentence: probably a common word. */
  Lower = 1,
  AfterTitle = 2,
  BeforeOrgSuffix = 4,
  AfterLocPreposition = 8,
  BeforeSaid = 16,
  Possessive = 32,
  AfterThe = 64,
  /** Part of a run of two or more name-like words somewhere. */
  InRun = 128,
  /** Alone and capitalised mid-sentence somewhere. */
  AloneMidSentence = 256,
}
/** Number of `DocBit`s: a token's evidence is below `1 << DOC_BITS`. */
export const DOC_BITS = 9;

/** Word lists as integer tables over lower-case hashes (a `Set` of such numbers hashes them slowly). */
const hashSet = (words: readonly string[]): IntTable => buildIntTable(new Map(words.map((w) => [hashLower(w), 1])));
const LOC_PREPS = ['in', 'at', 'from', 'near', 'to', 'across', 'outside', 'inside'];
const SAID = ['said', 'says', 'told', 'added', 'stated', 'announced'];
const H_LOC_PREPS = hashSet(LOC_PREPS);
const H_SAID = hashSet(SAID);
/**
 * A 256-bit one-sided filter of the two lists' hashes (bit `h & 255`): the word before or after a
 * name is rarely in either, and a clear bit answers for both lookups.
 */
const CONTEXT_FILTER = (() => {
  const filter = new Int32Array(8);
  for (const w of [...LOC_PREPS, ...SAID]) {
    const h = hashLower(w);
    filter[(h >>> 5) & 7] |= 1 << (h & 31);
  }
  return filter;
})();
const H_THE = hashLower('the');
const H_S = hashLower("'s");

/**
 * Collects the document-level bits of every name-like word and spreads them to its tokens.
 * The per-word bits live in an open-addressing table keyed by the lower-case hash (a `Map`
 * hashes such numbers slowly: most are outside the small-integer range).
 */
export function documentEvidence(t: Tokens, shape: Uint8Array, gaz: Uint16Array, scratch?: Scratch): Uint16Array {
  const nameAt = scratch ? scratch.int32(Slot.DocSlot, 2 * t.count) : new Int32Array(2 * t.count);
  const lowerAt = scratch ? scratch.int32(Slot.DocLower, t.count) : new Int32Array(t.count);
  let m = 0;
  let lc = 0;
  for (let i = 0; i < t.count; i++) {
    if (shape[i] >= 3) { nameAt[m] = i; m += 2; }
    if (shape[i] === 2 && !(t.flags[i] & TokenFlag.SentStart)) lowerAt[lc++] = i;
  }
  return evidenceOf(t, shape, gaz, nameAt, m >> 1, lowerAt, lc, scratch);
}

/** Bit numbers of the gazetteer classes `evidenceOf` reads. */
const TITLE_BIT = 31 - Math.clz32(Gaz.Title);
const ORG_SUFFIX_BIT = 31 - Math.clz32(Gaz.OrgSuffix);
const SENT_START_BIT = 31 - Math.clz32(TokenFlag.SentStart);
const LINE_START_BIT = 31 - Math.clz32(TokenFlag.LineStart);

/** Marks a taken slot of `evidenceOf`'s table, above the `DocBit`s (a word's bits may all be 0). */
const TAKEN = 1 << 16;

/**
 * A one-sided filter over the lower-case hashes of a text's name-like words: 4096 bits, set at bit
 * `h & 4095` (hashes are FNV, whose low bits are well mixed). A lower-case word whose bit is clear
 * is no name's word; with some 20 names per story, about one in two hundred that are not pass.
 */
const NAME_FILTER = new Int32Array(128);

/**
 * `documentEvidence` given the name-like tokens and the lower-case words not starting a sentence
 * (both in text order; `featureInput` lists them while it computes the shapes): `nameAt[2k]` is
 * the k-th name-like token's index, `nameAt[2k + 1]` receives its word's slot in the table;
 * `lowerAt[0..lowers)` are the lower-case words' indices.
 */
function evidenceOf(t: Tokens, shape: Uint8Array, gaz: Uint16Array, nameAt: Int32Array, names: number, lowerAt: Int32Array, lowers: number, scratch?: Scratch): Uint16Array {
  const n = t.count;
  const out = scratch ? scratch.uint16(Slot.Doc, n) : new Uint16Array(n);
  if (names === 0) return out;
  let cap = 16;
  while (cap < names * 2) cap <<= 1;
  const mask = cap - 1;
  // Only the values need zeroes (an empty slot); a key is read only in a taken slot.
  const keys = scratch ? scratch.int32Buffer(Slot.DocKeys, cap) : new Int32Array(cap);
  const vals = scratch ? scratch.int32Buffer(Slot.DocVals, cap) : new Int32Array(cap);
  if (scratch) vals.fill(0, 0, cap);
  const filter = NAME_FILTER;
  filter.fill(0);
  const lower = t.lower;
  const flags = t.flags;
  const m = 2 * names;
  // Each name-like token's word gets its table slot, kept next to the token's index: spreading the
  // bits then needs neither a second probe nor a second scan of every token.
  for (let k = 0; k < m; k += 2) {
    const i = nameAt[k];
    const h = lower[i];
    let slot = mixKey(h) & mask;
    let b = vals[slot];
    while (b !== 0 && keys[slot] !== h) { slot = (slot + 1) & mask; b = vals[slot]; }
    nameAt[k + 1] = slot;
    filter[(h >>> 5) & 127] |= 1 << (h & 31);
    b |= TAKEN;
    const p = i > 0 ? lower[i - 1] : 0;
    const nx = i + 1 < n ? lower[i + 1] : 0;
    // The bits that read the neighbours' classes, kinds and shapes come from arithmetic, not from
    // tests: whether they hold is unpredictable, and a mispredicted test costs more.
    let named = 0;
    if (i > 0) {
      // 1 where the previous token is punctuation (kinds 0..2), 0 elsewhere.
      const punct = ((t.kind[i - 1] ^ TokenKind.Punct) - 1) >>> 31;
      const g2 = i > 1 ? gaz[i - 2] : 0;
      b |= (((gaz[i - 1] | (g2 & -punct)) & Gaz.Title) >>> TITLE_BIT) * DocBit.AfterTitle;
      named = (shape[i - 1] + 5) >> 3;
    }
    if (i + 1 < n) {
      const nextNamed = (shape[i + 1] + 5) >> 3;
      b |= (((gaz[i + 1] & Gaz.OrgSuffix) >>> ORG_SUFFIX_BIT) & nextNamed) * DocBit.BeforeOrgSuffix;
      named |= nextNamed;
    }
    if (i > 0 && (CONTEXT_FILTER[(p >>> 5) & 7] & (1 << (p & 31))) !== 0 && intTableGet(H_LOC_PREPS, p) !== 0) b |= DocBit.AfterLocPreposition;
    if (i + 1 < n && (CONTEXT_FILTER[(nx >>> 5) & 7] & (1 << (nx & 31))) !== 0 && intTableGet(H_SAID, nx) !== 0) b |= DocBit.BeforeSaid;
    if (nx === H_S) b |= DocBit.Possessive;
    if (p === H_THE) b |= DocBit.AfterThe;
    // In a run of names, else alone mid-sentence unless the token starts a sentence or line.
    const f = flags[i];
    const starts = ((f >> SENT_START_BIT) | (f >> LINE_START_BIT)) & 1;
    b |= named * DocBit.InRun + ((named | starts) ^ 1) * DocBit.AloneMidSentence;
    keys[slot] = h;
    vals[slot] = b;
  }
  // Lower-case uses mid-sentence of the same words (a lookup per lower-case word that passes the
  // filter, no insertion).
  for (let k = 0; k < lowers; k++) {
    const h = lower[lowerAt[k]];
    if ((filter[(h >>> 5) & 127] & (1 << (h & 31))) === 0) continue;
    let slot = mixKey(h) & mask;
    let b = vals[slot];
    while (b !== 0 && keys[slot] !== h) { slot = (slot + 1) & mask; b = vals[slot]; }
    if (b !== 0) vals[slot] = b | DocBit.Lower;
  }
  for (let k = 0; k < m; k += 2) out[nameAt[k]] = vals[nameAt[k + 1]] & ~TAKEN;
  return out;
}

/** Spreads the bits of a hash key over the table's low bits. */
function mixKey(k: number): number {
  const h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** Coarse word shape: punctuation, number, lower, Capitalised, ALLCAPS, initial, dotted acronym, digits+letters. */
export function shapeOf(t: Tokens, i: number): number {
  return SHAPES[shapeIndex(t.kind[i], t.flags[i], t.end[i] - t.start[i])];
}

/** Index into `SHAPES` of a token's kind, flags and whether it is one code unit long. */
function shapeIndex(kind: number, flags: number, length: number): number {
  return (kind << 9) | (flags << 1) | (length === 1 ? 1 : 0);
}

/** The shape of a token from its kind, flags and length: the definition `SHAPES` tabulates. */
function shapeFrom(kind: number, f: number, length: number): number {
  if (kind === TokenKind.Punct) return 0;
  if (kind === TokenKind.Number) return 1;
  if (f & TokenFlag.Dotted) return 6;
  if (f & TokenFlag.HasDigit) return 7;
  if (f & TokenFlag.AllCaps) return 4;
  if (f & TokenFlag.Cap) return length === 1 ? 5 : 3;
  return 2;
}

/** Every shape by `shapeIndex`: one load per token instead of a chain of flag tests. */
const SHAPES = (() => {
  const table = new Uint8Array(3 << 9);
  for (let kind = 0; kind < 3; kind++) {
    for (let f = 0; f < 256; f++) {
      table[shapeIndex(kind, f, 1)] = shapeFrom(kind, f, 1);
      table[shapeIndex(kind, f, 2)] = shapeFrom(kind, f, 2);
    }
  }
  return table;
})();

/** 1 at the `shapeIndex` of a lower-case word (shape 2) that does not start a sentence, else 0. */
const LOWER_MID = (() => {
  const table = new Uint8Array(3 << 9);
  for (let kind = 0; kind < 3; kind++) {
    for (let f = 0; f < 256; f++) {
      for (const length of [1, 2]) {
        const at = shapeIndex(kind, f, length);
        table[at] = shapeFrom(kind, f, length) === 2 && !(f & TokenFlag.SentStart) ? 1 : 0;
      }
    }
  }
  return table;
})();

/** True for shapes that look like part of a name. */
function nameLike(shape: number): boolean {
  return shape >= 3;
}

/**
 * Marks the tokens the tagger looks at: name-like tokens and the connectors
 * or hyphens between two of them. Lower-case text outside names is skipped,
 * which is most of a news text and most of the run time.
 */
export function computeCandidates(t: Tokens, shape: Uint8Array, gaz: Uint16Array, scratch?: Scratch): Uint8Array {
  const n = t.count;
  const cand = scratch ? scratch.uint8(Slot.Candidate, n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) if (nameLike(shape[i])) cand[i] = 1;
  connectCandidates(t, shape, gaz, cand);
  return cand;
}

/** Adds to the name-like tokens marked in `cand` the connectors and hyphens between two of them. */
function connectCandidates(t: Tokens, shape: Uint8Array, gaz: Uint16Array, cand: Uint8Array): void {
  const n = t.count;
  // Connectors and hyphens inside names: up to three of them between name-like tokens ("Anwaar-ul-Haq").
  for (let i = 1; i < n - 1; i++) {
    if (cand[i] || !cand[i - 1]) continue;
    let j = i;
    while (j < n && j - i < 3 && joinsNames(t, gaz, j)) j++;
    if (j > i && j < n && shape[j] >= 3) { for (let k = i; k < j; k++) cand[k] = 1; i = j - 1; }
  }
}

/**
 * `connectCandidates` walking the name-like tokens (`nameAt[0], nameAt[2], ...`, ascending)
 * instead of every token: a run of candidates ends at a name-like token, and the token after
 * it starts a scan unless it is a candidate already (a name-like token, or a connector marked by
 * the scan from an earlier run, which marks only tokens before the name it reached).
 */
function connectNames(t: Tokens, shape: Uint8Array, gaz: Uint16Array, cand: Uint8Array, nameAt: Int32Array, m: number): void {
  const n = t.count;
  for (let k = 0; k < m; k += 2) {
    const i = nameAt[k] + 1;
    if (i >= n - 1 || cand[i]) continue;
    let j = i;
    while (j < n && j - i < 3 && joinsNames(t, gaz, j)) j++;
    if (j > i && j < n && shape[j] >= 3) for (let q = i; q < j; q++) cand[q] = 1;
  }
}

/** The tokenizer's hash of "&" (see `hashOfUnit`). */
const H_AMPERSAND = hashOfUnit(38);

/** A connector word, a joining hyphen or an ampersand: may sit between two parts of a name. */
function joinsNames(t: Tokens, gaz: Uint16Array, j: number): boolean {
  // A token that starts with "&" is that one code unit (the tokenizer never puts punctuation at
  // the start of a longer token), which a one-unit token's hash names: its hash, not the sliced
  // story's code unit, is read at the token after every name.
  return (gaz[j] & Gaz.Connector) !== 0 || (t.kind[j] === TokenKind.Punct && (t.flags[j] & TokenFlag.HyphenPrev) !== 0)
    || (t.hash[j] === H_AMPERSAND && t.end[j] - t.start[j] === 1);
}

/** Builds the per-token inputs of the feature templates. */
export function featureInput(tokens: Tokens, gaz: Uint16Array, phraseB: Uint16Array, phraseI: Uint16Array, scratch?: Scratch): FeatureInput {
  const n = tokens.count;
  // The loop below writes every token's shape and candidate mark: the views need no fill first.
  const shape = scratch ? scratch.uint8Unfilled(Slot.Shape, n) : new Uint8Array(n);
  const kind = tokens.kind;
  const flags = tokens.flags;
  const start = tokens.start;
  const end = tokens.end;
  const cand = scratch ? scratch.uint8Unfilled(Slot.Candidate, n) : new Uint8Array(n);
  // The name-like tokens, with room for each one's table slot after it, and the lower-case words
  // not starting a sentence, listed for `evidenceOf` and `connectNames` without a branch: every
  // index is written, a list's end moves on only past a token of its kind (neither is predictable).
  const nameAt = scratch ? scratch.int32Buffer(Slot.DocSlot, 2 * n + 2) : new Int32Array(2 * n + 2);
  const lowerAt = scratch ? scratch.int32Buffer(Slot.DocLower, n + 1) : new Int32Array(n + 1);
  let m = 0;
  let lc = 0;
  for (let i = 0; i < n; i++) {
    const at = shapeIndex(kind[i], flags[i], end[i] - start[i]);
    const s = SHAPES[at];
    shape[i] = s;
    // 1 for the name-like shapes 3..7, 0 for 0..2.
    const named = (s + 5) >> 3;
    cand[i] = named;
    nameAt[m] = i;
    m += named << 1;
    lowerAt[lc] = i;
    lc += LOWER_MID[at];
  }
  connectNames(tokens, shape, gaz, cand, nameAt, m);
  return { tokens, gaz, phraseB, phraseI, shape, candidate: cand, doc: evidenceOf(tokens, shape, gaz, nameAt, m >> 1, lowerAt, lc, scratch) };
}

const PAD = 0x5bd1e995 | 0;

/** Mixes a template id with a value into a bucket index (times NUM_LABELS). */
export function bucket(template: number, value: number, bits: number): number {
  let h = Math.imul(value ^ Math.imul(template + 1, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> (32 - bits)) * NUM_LABELS;
}

/**
 * The buckets of the templates with few values (shape trigrams, gazetteer classes around the
 * token, candidate runs, document evidence), computed once per table size: a load instead of
 * a hash for about a third of a token's features. Each is `bucket(template, value, bits)` at
 * index `value`; shapes are below 16 (`shapeOf`), gazetteer bits below 16, DocBits below 16.
 */
interface BucketMemo {
  readonly bits: number;
  readonly shapes: Int32Array;
  readonly gaz: Int32Array;
  readonly gazBefore: Int32Array;
  readonly gazAfter: Int32Array;
  readonly phraseB: Int32Array;
  readonly phraseI: Int32Array;
  readonly run: Int32Array;
  readonly doc: Int32Array;
}

function buildMemo(bits: number): BucketMemo {
  const table = (template: number, size: number): Int32Array => {
    const t = new Int32Array(size);
    for (let v = 0; v < size; v++) t[v] = bucket(template, v, bits);
    return t;
  };
  return {
    bits, shapes: table(8, 16 * 256), gaz: table(16, GAZ_BITS * 32), gazBefore: table(17, GAZ_BITS * 16), gazAfter: table(18, GAZ_BITS * 16),
    phraseB: table(19, GAZ_BITS), phraseI: table(20, GAZ_BITS), run: table(21, 5 * 8), doc: table(22, 16 * 16),
  };
}

let memo: BucketMemo | undefined;

/** The memo for a table size (one model at a time in practice: rebuilt only when the size changes). */
function memoFor(bits: number): BucketMemo {
  if (memo === undefined || memo.bits !== bits) memo = buildMemo(bits);
  return memo;
}

/** Hash of the last three lower-case characters of token i (0 for short words, never 0 for others). */
export function suffix3(t: Tokens, i: number): number {
  const e = t.end[i];
  if (e - t.start[i] < 4) return 0;
  const s = t.text;
  return ((s.charCodeAt(e - 1) | 32) * 961 + (s.charCodeAt(e - 2) | 32) * 31 + (s.charCodeAt(e - 3) | 32)) | 0;
}

/**
 * Writes the static (label-independent) feature buckets of token i into
 * `out` and returns how many were written.
 */
export function staticFeatures(fi: FeatureInput, i: number, bits: number, out: Int32Array): number {
  return templateFeatures(fi, i, bits, out, candidateRun(fi.candidate, fi.tokens.count, i));
}

/**
 * The templates of token i that read the words around it (`staticFeatures` without the few-valued
 * ones that `contextFeatures` writes, the shape-and-flags ones that `shapeFlagsKey` determines and
 * those of its own word that `ownWordFeatures` writes): the neighbouring words, word pairs and the
 * classes of the multi-token gazetteer entries (set at under a tenth of the candidates, so they
 * stay out of the context key). The integer tagger sums the weights of the other templates per
 * distinct context (`contextSums.ts`) and per recent word (`wordSums.ts`); the four sets together
 * are exactly `staticFeatures`' (pinned by the tagger's equivalence tests).
 */
export function wordFeatures(fi: FeatureInput, i: number, bits: number, out: Int32Array): number {
  const t = fi.tokens;
  const n = t.count;
  const lower = t.lower;
  const w0 = lower[i];
  const wm1 = i > 0 ? lower[i - 1] : PAD;
  const wm2 = i > 1 ? lower[i - 2] : PAD;
  const wp1 = i + 1 < n ? lower[i + 1] : PAD;
  const wp2 = i + 2 < n ? lower[i + 2] : PAD;
  const s0 = fi.shape[i];
  let k = 0;
  out[k++] = bucket(3, wm1, bits);
  out[k++] = bucket(4, wp1, bits);
  out[k++] = bucket(5, wm2, bits);
  out[k++] = bucket(6, wp2, bits);
  out[k++] = bucket(10, Math.imul(wm1, 31) + s0, bits);
  out[k++] = bucket(11, Math.imul(wp1, 31) + s0, bits);
  out[k++] = bucket(14, Math.imul(wm1, 0x01000193) ^ w0, bits);
  out[k++] = bucket(15, Math.imul(w0, 0x01000193) ^ wp1, bits);
  const pb = fi.phraseB[i];
  const pi = fi.phraseI[i];
  if ((pb | pi) !== 0) {
    const memo = memoFor(bits);
    for (let any = (pb | pi) & ((1 << GAZ_BITS) - 1); any !== 0; any &= any - 1) {
      const m = any & -any;
      const b = 31 - Math.clz32(m);
      if (pb & m) out[k++] = memo.phraseB[b];
      if (pi & m) out[k++] = memo.phraseI[b];
    }
  }
  return k;
}

/** Most features `wordFeatures` writes: eight word templates and the phrase classes. */
export const MAX_WORD_FEATURES = 8 + 2 * GAZ_BITS;

/**
 * The templates of a token's own word: its lower-case hash `lower`, its exact hash `exact` and its
 * suffix `suffix` (`suffix3`, none when 0). Writes their buckets to `out` and returns how many.
 */
export function ownWordFeatures(lower: number, exact: number, suffix: number, bits: number, out: Int32Array): number {
  let k = 0;
  out[k++] = bucket(1, lower, bits);
  out[k++] = bucket(2, exact, bits);
  if (suffix !== 0) out[k++] = bucket(9, suffix, bits);
  return k;
}

/**
 * The few-valued templates of a token given their inputs (see `templateFeatures`): the shape
 * trigram (`sm1`, `s0`, `sp1`), the gazetteer classes of the token (`g0`, with `sentStart` 0 or 1)
 * and of its neighbours (`gm1`, `gp1`), the candidate run and the document evidence `doc`.
 * Writes their buckets to `out` and returns how many.
 */
export function contextFeatures(g0: number, gm1: number, gp1: number, s0: number, sentStart: number, sm1: number, sp1: number, run: number, doc: number, bits: number, out: Int32Array): number {
  const memo = memoFor(bits);
  let k = 0;
  out[k++] = memo.shapes[sm1 * 256 + s0 * 16 + sp1];
  for (let any = (g0 | gm1 | gp1) & ((1 << GAZ_BITS) - 1); any !== 0; any &= any - 1) {
    const m = any & -any;
    const b = 31 - Math.clz32(m);
    if (g0 & m) out[k++] = memo.gaz[b * 32 + s0 * 2 + sentStart];
    if (gm1 & m) out[k++] = memo.gazBefore[b * 16 + s0];
    if (gp1 & m) out[k++] = memo.gazAfter[b * 16 + s0];
  }
  out[k++] = memo.run[run];
  for (let any = doc & ((1 << DOC_BITS) - 1); any !== 0; any &= any - 1) out[k++] = memo.doc[(31 - Math.clz32(any & -any)) * 16 + s0];
  return k;
}

/** Most features `contextFeatures` writes. */
export const MAX_CONTEXT_FEATURES = 2 + 3 * GAZ_BITS + DOC_BITS;

/** Template ids and values of the features that depend only on the token's shape and flags. */
export const T_BIAS = 0;
export const T_SHAPE = 7;
export const T_SENTENCE = 12;
export const T_HYPHEN = 13;
/** Value of template `T_SENTENCE`. */
export function sentenceValue(flags: number, shape: number): number {
  return (flags & (TokenFlag.SentStart | TokenFlag.LineStart)) * 16 + shape;
}
/** Value of template `T_HYPHEN`. */
export function hyphenValue(flags: number, shape: number): number {
  return (flags & (TokenFlag.HyphenNext | TokenFlag.HyphenPrev)) * 16 + shape;
}
/** The flags the shape-and-flags templates read. */
export const SHAPE_FLAGS = TokenFlag.SentStart | TokenFlag.LineStart | TokenFlag.HyphenNext | TokenFlag.HyphenPrev;
/**
 * A small key (below 16 * 128) that determines every shape-and-flags template of a token:
 * its shape and the four flags they read (SentStart 4, LineStart 8, HyphenNext 32, HyphenPrev 64).
 */
export function shapeFlagsKey(flags: number, shape: number): number {
  return shape * 128 + (flags & SHAPE_FLAGS);
}

/**
 * The value of the candidate-run template for token i: `l * 8 + r`, the numbers of candidates
 * right before and right after it (each capped at 4).
 */
export function candidateRun(cand: Uint8Array, n: number, i: number): number {
  let l = 0;
  while (l < 4 && i - l - 1 >= 0 && cand[i - l - 1]) l++;
  let r = 0;
  while (r < 4 && i + r + 1 < n && cand[i + r + 1]) r++;
  return l * 8 + r;
}

/**
 * `staticFeatures` in the trainer's order (its float sums depend on it). `run` is `candidateRun`
 * of the token.
 */
function templateFeatures(fi: FeatureInput, i: number, bits: number, out: Int32Array, run: number): number {
  const t = fi.tokens;
  const n = t.count;
  const lower = t.lower;
  const shape = fi.shape;
  const gaz = fi.gaz;
  const w0 = lower[i];
  const wm1 = i > 0 ? lower[i - 1] : PAD;
  const wm2 = i > 1 ? lower[i - 2] : PAD;
  const wp1 = i + 1 < n ? lower[i + 1] : PAD;
  const wp2 = i + 2 < n ? lower[i + 2] : PAD;
  const s0 = shape[i];
  const sm1 = i > 0 ? shape[i - 1] : 15;
  const sp1 = i + 1 < n ? shape[i + 1] : 15;
  const f = t.flags[i];
  const memo = memoFor(bits);
  let k = 0;
  out[k++] = bucket(T_BIAS, 0, bits);
  out[k++] = bucket(1, w0, bits);
  out[k++] = bucket(2, t.hash[i], bits);
  out[k++] = bucket(3, wm1, bits);
  out[k++] = bucket(4, wp1, bits);
  out[k++] = bucket(5, wm2, bits);
  out[k++] = bucket(6, wp2, bits);
  out[k++] = bucket(T_SHAPE, s0, bits);
  out[k++] = memo.shapes[sm1 * 256 + s0 * 16 + sp1];
  const suf = suffix3(t, i);
  if (suf !== 0) out[k++] = bucket(9, suf, bits);
  out[k++] = bucket(10, Math.imul(wm1, 31) + s0, bits);
  out[k++] = bucket(11, Math.imul(wp1, 31) + s0, bits);
  out[k++] = bucket(T_SENTENCE, sentenceValue(f, s0), bits);
  out[k++] = bucket(T_HYPHEN, hyphenValue(f, s0), bits);
  out[k++] = bucket(14, Math.imul(wm1, 0x01000193) ^ w0, bits);
  out[k++] = bucket(15, Math.imul(w0, 0x01000193) ^ wp1, bits);
  const g0 = gaz[i];
  const gm1 = i > 0 ? gaz[i - 1] : 0;
  const gp1 = i + 1 < n ? gaz[i + 1] : 0;
  const pb = fi.phraseB[i];
  const pi = fi.phraseI[i];
  const sentStart = (f & TokenFlag.SentStart) !== 0 ? 1 : 0;
  // Only the bits set somewhere around the token, lowest first (the order of a full 0..GAZ_BITS scan).
  for (let any = (g0 | gm1 | gp1 | pb | pi) & ((1 << GAZ_BITS) - 1); any !== 0; any &= any - 1) {
    const m = any & -any;
    const b = 31 - Math.clz32(m);
    if (g0 & m) { out[k++] = memo.gaz[b * 32 + s0 * 2 + sentStart]; }
    if (gm1 & m) out[k++] = memo.gazBefore[b * 16 + s0];
    if (gp1 & m) out[k++] = memo.gazAfter[b * 16 + s0];
    if (pb & m) out[k++] = memo.phraseB[b];
    if (pi & m) out[k++] = memo.phraseI[b];
  }
  // Length of the run of candidate tokens this token belongs to, left and right (capped).
  out[k++] = memo.run[run];
  const d = fi.doc[i];
  for (let any = d & ((1 << DOC_BITS) - 1); any !== 0; any &= any - 1) out[k++] = memo.doc[(31 - Math.clz32(any & -any)) * 16 + s0];
  return k;
}

/** Template ids of the label-history features. */
export const HIST_PREV = 40;
export const HIST_PREV_SHAPE = 41;
export const HIST_PREV_WORD = 42;
export const HIST_PREV2 = 43;

/** Writes the history features of token i given the two previous labels; returns the new count. */
export function historyFeatures(fi: FeatureInput, i: number, prev: number, prev2: number, bits: number, out: Int32Array, k: number): number {
  out[k++] = bucket(HIST_PREV, prev, bits);
  out[k++] = bucket(HIST_PREV_SHAPE, prev * 16 + fi.shape[i], bits);
  out[k++] = bucket(HIST_PREV_WORD, Math.imul(fi.tokens.lower[i], 17) + prev, bits);
  out[k++] = bucket(HIST_PREV2, prev2 * 16 + prev, bits);
  return k;
}

/** Whether label `l` may follow label `prev` in BIO (I-X only after B-X or I-X). */
export function allowed(prev: number, l: number): boolean {
  if (l === 0 || (l & 1) === 1) return true; // O and B-*
  return prev === l || prev === l - 1;
}
