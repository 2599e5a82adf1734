/**
 * Greedy BIO decoding with an averaged-perceptron model over hashed
 * features. Only candidate tokens (see `computeCandidates`) are scored.
 */
import { TokenFlag } from '../tokenize';
import { Slot, type Scratch } from '../scratch';
import {
  allowed, bucket, HIST_PREV, HIST_PREV2, HIST_PREV_SHAPE, HIST_PREV_WORD, historyFeatures, hyphenValue, MAX_STATIC_FEATURES, MAX_WORD_FEATURES, NUM_LABELS,
  SHAPE_FLAGS, sentenceValue, shapeFlagsKey, staticFeatures, suffix3, T_BIAS, T_HYPHEN, T_SENTENCE, T_SHAPE, wordFeatures, type FeatureInput,
} from './features';
import { OWN_WORD_ROWS, wordEntry, wordKey2, WordSums } from './wordSums';
import { CONTEXT_BIAS, contextKey0, contextKey1, contextKey2, contextSlot, ContextSums, nextContextSlot } from './contextSums';

/** A trained model: a hashed weight table of `2^bits * NUM_LABELS` weights. */
export interface TaggerModel {
  readonly bits: number;
  /** Weights, quantized or not; `scale` turns them into perceptron units. */
  readonly weights: Int8Array | Int16Array | Float32Array;
  readonly scale: number;
}

/** Labels and per-token confidence margins for one text. */
export interface TagResult {
  /** Label index per token (see `LABELS`). */
  readonly labels: Uint8Array;
  /** Score of the chosen label minus the runner-up, in perceptron units (0 for skipped tokens). */
  readonly margin: Float32Array;
}

/**
 * The sums of a model's integer tagger that several tokens share: the label-history features but
 * the word's, one entry per (previous two labels, shape), the few-valued templates, one entry per
 * distinct context (`ContextSums`), and the templates of a token's own word, one entry per recent
 * word (`WordSums`). Only for integer weights, whose sums are exact in any order.
 */
interface HistoryTables {
  /**
   * The HIST_PREV, HIST_PREV_SHAPE and HIST_PREV2 weights in the 16-bit lanes of `tag`'s sums
   * (see `laneTable`), 5 words an entry from `((prev2 * NUM_LABELS + prev) * 16 + shape) * 5`.
   */
  readonly prevLanes: Int32Array;
  readonly context: ContextSums;
  readonly words: WordSums;
}

/**
 * Added to every entry of `prevLanes`: an entry sums three int8 weights (-384..381), so the biased
 * value lies in 128..893 and adds to a lane without borrowing from its neighbour.
 */
const LANE_BIAS = 512;

/**
 * A table of per-label sums (`NUM_LABELS` per entry) laid out as `tag` accumulates: per entry five
 * words, labels (0, 2), (1, 3), (4, 6) and (5, 7) in the low and high 16-bit lanes of the first
 * four, label 8 in the fifth, each value plus `LANE_BIAS`. Adding an entry's five words to the
 * five sums costs five loads, not nine loads and nine additions.
 */
function laneTable(t: Int32Array): Int32Array {
  const entries = t.length / NUM_LABELS;
  const out = new Int32Array(entries * 5);
  const lane = (v: number): number => v + LANE_BIAS;
  for (let e = 0; e < entries; e++) {
    const o = e * NUM_LABELS;
    const q = e * 5;
    out[q] = lane(t[o]) | (lane(t[o + 2]) << 16);
    out[q + 1] = lane(t[o + 1]) | (lane(t[o + 3]) << 16);
    out[q + 2] = lane(t[o + 4]) | (lane(t[o + 6]) << 16);
    out[q + 3] = lane(t[o + 5]) | (lane(t[o + 7]) << 16);
    out[q + 4] = lane(t[o + 8]);
  }
  return out;
}

const historyCache = new WeakMap<TaggerModel, HistoryTables>();

function historyTables(model: TaggerModel, weights: Int8Array): HistoryTables {
  let h = historyCache.get(model);
  if (h) return h;
  const w = weights;
  const bits = model.bits;
  const prev = new Int32Array(NUM_LABELS * NUM_LABELS * 16 * NUM_LABELS);
  for (let p2 = 0; p2 < NUM_LABELS; p2++) {
    for (let p = 0; p < NUM_LABELS; p++) {
      const bp = bucket(HIST_PREV, p, bits);
      const b2 = bucket(HIST_PREV2, p2 * 16 + p, bits);
      for (let shape = 0; shape < 16; shape++) {
        const bs = bucket(HIST_PREV_SHAPE, p * 16 + shape, bits);
        const o = ((p2 * NUM_LABELS + p) * 16 + shape) * NUM_LABELS;
        for (let l = 0; l < NUM_LABELS; l++) prev[o + l] = w[bp + l] + w[bs + l] + w[b2 + l];
      }
    }
  }
  // Shapes are below 8 (`shapeOf`); every combination of the four flags the templates read.
  const shapeFlags = new Int32Array(8 * 128 * NUM_LABELS);
  for (let shape = 0; shape < 8; shape++) {
    for (let flags = 0; flags < 128; flags++) {
      if ((flags & ~SHAPE_FLAGS) !== 0) continue;
      const o = shapeFlagsKey(flags, shape) * NUM_LABELS;
      const b0 = bucket(T_BIAS, 0, bits), b7 = bucket(T_SHAPE, shape, bits);
      const b12 = bucket(T_SENTENCE, sentenceValue(flags, shape), bits), b13 = bucket(T_HYPHEN, hyphenValue(flags, shape), bits);
      for (let l = 0; l < NUM_LABELS; l++) shapeFlags[o + l] = w[b0 + l] + w[b7 + l] + w[b12 + l] + w[b13 + l];
    }
  }
  h = { prevLanes: laneTable(prev), context: new ContextSums(w, bits, shapeFlags), words: new WordSums(packedWeights(w), bits) };
  historyCache.set(model, h);
  return h;
}

/**
 * The int8 weights packed four to a 32-bit word for summing several labels per addition
 * (SIMD within a register): row r (the weights of one bucket, label by label) takes the three
 * words from `3 * r`, each weight stored plus 128 as an unsigned byte: bytes 0..3 of the row in
 * the first word, 4..7 in the second, 8 alone in the third. Masking a word with 0x00ff00ff
 * (labels 0 and 2 of it) or its shift by 8 (labels 1 and 3) gives two 16-bit lanes that add
 * without carrying into each other for up to 257 features (257 * 255 < 2^16); `tag` adds at most
 * `MAX_WORD_FEATURES` plus one rows per token to its history, context and own-word sums (see the
 * bound there), so no sum leaves the int32 range. Three loads and a few masks per feature instead
 * of nine byte loads, each with its own bounds check: about half the time of the innermost loop.
 */
const packedCache = new WeakMap<Int8Array, Int32Array>();

function packedWeights(w: Int8Array): Int32Array {
  let p = packedCache.get(w);
  if (p) return p;
  const rows = w.length / NUM_LABELS;
  p = new Int32Array(rows * 3);
  for (let r = 0; r < rows; r++) {
    const b = r * NUM_LABELS;
    const o = r * 3;
    p[o] = (w[b] + 128) | ((w[b + 1] + 128) << 8) | ((w[b + 2] + 128) << 16) | ((w[b + 3] + 128) << 24);
    p[o + 1] = (w[b + 4] + 128) | ((w[b + 5] + 128) << 8) | ((w[b + 6] + 128) << 16) | ((w[b + 7] + 128) << 24);
    p[o + 2] = w[b + 8] + 128;
  }
  packedCache.set(w, p);
  return p;
}

/** The model `tag` last ran with, its packed weights and its tables (see `packedWeights`, `historyTables`). */
let lastUse: { readonly model: TaggerModel; readonly packed: Int32Array; readonly tables: HistoryTables } | undefined;

/** Tags every candidate token of the text greedily, left to right. */
export function tag(model: TaggerModel, fi: FeatureInput, scratch?: Scratch): TagResult {
  const weights = model.weights;
  // Int16 and float weights (the trainer's) take the general path: exact for integers too.
  if (!(weights instanceof Int8Array)) return tagGeneric(model, fi, scratch);
  // The last call's model and its tables: one comparison per text instead of two `WeakMap` lookups.
  let use = lastUse;
  if (use === undefined || use.model !== model) use = lastUse = { model, packed: packedWeights(weights), tables: historyTables(model, weights) };
  const w = use.packed;
  const n = fi.tokens.count;
  const labels = scratch ? scratch.uint8(Slot.Labels, n) : new Uint8Array(n);
  const margin = scratch ? scratch.float32(Slot.Margin, n) : new Float32Array(n);
  const feats = FEATS;
  const { prevLanes, context, words } = use.tables;
  const wordTable = words.table;
  const exact = fi.tokens.hash;
  const ctxIndex = context.index;
  const ctx = context.entries;
  const bits = model.bits;
  const cand = fi.candidate;
  const flags = fi.tokens.flags;
  const lower = fi.tokens.lower;
  const shape = fi.shape;
  const gaz = fi.gaz;
  const doc = fi.doc;
  const scale = model.scale;
  // The candidate run around each token, kept as the loop goes (see `candidateRun`): the
  // candidates right before the token, and the end of the run it belongs to (found once per run).
  let before = 0;
  let runEnd = 0;
  for (let i = 0; i < n; i++) {
    if (!cand[i]) { before = 0; continue; }
    if (i >= runEnd) { runEnd = i + 1; while (runEnd < n && cand[runEnd]) runEnd++; }
    const run = (before < 4 ? before : 4) * 8 + (runEnd - i - 1 < 4 ? runEnd - i - 1 : 4);
    before++;
    const f = flags[i];
    const sh = shape[i];
    // A name never continues across a line break (headline, caption and body are separate lines).
    const lineStart = (f & TokenFlag.LineStart) !== 0;
    const prev = i > 0 && !lineStart ? labels[i - 1] : 0;
    const prev2 = i > 1 && !lineStart ? labels[i - 2] : 0;
    // The features that read the words around the token, and the one history feature that depends
    // on the word; the others come from the small tables and caches.
    let k = wordFeatures(fi, i, bits, feats);
    feats[k++] = bucket(HIST_PREV_WORD, Math.imul(lower[i], 17) + prev, bits);
    const ph = ((prev2 * NUM_LABELS + prev) * 16 + sh) * 5;
    // The entry of the token's context (see `ContextSums`): probed here, summed there when new.
    const k0 = contextKey0(gaz[i], i > 0 ? gaz[i - 1] : 0);
    const k1 = contextKey1(i + 1 < n ? gaz[i + 1] : 0, doc[i], sh);
    const k2 = contextKey2(i > 0 ? shape[i - 1] : 15, i + 1 < n ? shape[i + 1] : 15, run, f);
    let slot = contextSlot(k0, k1, k2);
    let c = ctxIndex[slot];
    while (c !== 0 && (ctx[c + 2] !== k2 || ctx[c] !== k0 || ctx[c + 1] !== k1)) { slot = nextContextSlot(slot); c = ctxIndex[slot]; }
    if (c === 0) c = context.fill(k0, k1, k2);
    c += 3;
    // The entry of the token's own word (see `WordSums`): its lower-case, exact and suffix
    // templates, found again for a recent word.
    const h = exact[i];
    const lw = lower[i];
    const wk = wordKey2(suffix3(fi.tokens, i));
    let e = wordEntry(h, lw, wk);
    if (wordTable[e + 2] !== wk || wordTable[e] !== h || wordTable[e + 1] !== lw) e = words.fill(h, lw, wk, e);
    // Two labels per 16-bit lane pair (see `packedWeights`), starting from the history, context
    // and own-word sums in the same lanes (see `laneTable`, `ContextSums`, `WordSums`); a bucket
    // index b is 9 * row, so its first word 3 * row is b / 3, exact as a product with the inverse
    // of 3 modulo 2^32. A lane ends below (41 + OWN_WORD_ROWS) * 255 + 1020 + 255 *
    // (MAX_CONTEXT_FEATURES + 4) < 2^15 (at most 41 features here: 8 word ones, 2 per phrase class
    // and the history word), a positive int32.
    let a0 = prevLanes[ph] + ctx[c] + wordTable[e + 3];
    let a1 = prevLanes[ph + 1] + ctx[c + 1] + wordTable[e + 4];
    let a2 = prevLanes[ph + 2] + ctx[c + 2] + wordTable[e + 5];
    let a3 = prevLanes[ph + 3] + ctx[c + 3] + wordTable[e + 6];
    let a4 = prevLanes[ph + 4] + ctx[c + 4] + wordTable[e + 7];
    for (let j = 0; j < k; j++) {
      const r = Math.imul(feats[j], 0xaaaaaaab);
      const x = w[r];
      const y = w[r + 1];
      a0 += x & 0xff00ff; a1 += (x >>> 8) & 0xff00ff; a2 += y & 0xff00ff; a3 += (y >>> 8) & 0xff00ff; a4 += w[r + 2];
    }
    const bias = 128 * (k + OWN_WORD_ROWS) + LANE_BIAS + CONTEXT_BIAS;
    const s0 = (a0 & 0xffff) - bias;
    const s1 = (a1 & 0xffff) - bias;
    const s2 = (a0 >>> 16) - bias;
    const s3 = (a1 >>> 16) - bias;
    const s4 = (a2 & 0xffff) - bias;
    const s5 = (a3 & 0xffff) - bias;
    const s6 = (a2 >>> 16) - bias;
    const s7 = (a3 >>> 16) - bias;
    const s8 = a4 - bias;
    // Best and runner-up among the labels BIO allows after `prev`, in label order (O and
    // B-* always; I-X only after B-X or I-X), written out: this is the innermost decision.
    let best = 0;
    let bestScore = s0;
    let second = -Infinity;
    if (s1 > bestScore) { second = bestScore; bestScore = s1; best = 1; } else if (s1 > second) second = s1;
    if (prev === 1 || prev === 2) { if (s2 > bestScore) { second = bestScore; bestScore = s2; best = 2; } else if (s2 > second) second = s2; }
    if (s3 > bestScore) { second = bestScore; bestScore = s3; best = 3; } else if (s3 > second) second = s3;
    if (prev === 3 || prev === 4) { if (s4 > bestScore) { second = bestScore; bestScore = s4; best = 4; } else if (s4 > second) second = s4; }
    if (s5 > bestScore) { second = bestScore; bestScore = s5; best = 5; } else if (s5 > second) second = s5;
    if (prev === 5 || prev === 6) { if (s6 > bestScore) { second = bestScore; bestScore = s6; best = 6; } else if (s6 > second) second = s6; }
    if (s7 > bestScore) { second = bestScore; bestScore = s7; best = 7; } else if (s7 > second) second = s7;
    if (prev === 7 || prev === 8) { if (s8 > bestScore) { second = bestScore; bestScore = s8; best = 8; } else if (s8 > second) second = s8; }
    labels[i] = best;
    margin[i] = (bestScore - second) * scale;
  }
  return { labels, margin };
}

/** Feature buffer of `tag` (tagging runs to completion, one text at a time). */
const FEATS = new Int32Array(MAX_WORD_FEATURES + 1);


/** `tag` for real-valued weights (the trainer's): the original summation order, label by label. */
function tagGeneric(model: TaggerModel, fi: FeatureInput, scratch?: Scratch): TagResult {
  const n = fi.tokens.count;
  const labels = scratch ? scratch.uint8(Slot.Labels, n) : new Uint8Array(n);
  const margin = scratch ? scratch.float32(Slot.Margin, n) : new Float32Array(n);
  const feats = new Int32Array(MAX_STATIC_FEATURES + 8);
  const scores = new Float64Array(NUM_LABELS);
  const w = model.weights;
  const bits = model.bits;
  const cand = fi.candidate;
  for (let i = 0; i < n; i++) {
    if (!cand[i]) continue;
    const lineStart = (fi.tokens.flags[i] & TokenFlag.LineStart) !== 0;
    const prev = i > 0 && !lineStart ? labels[i - 1] : 0;
    const prev2 = i > 1 && !lineStart ? labels[i - 2] : 0;
    let k = staticFeatures(fi, i, bits, feats);
    k = historyFeatures(fi, i, prev, prev2, bits, feats, k);
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (let j = 0; j < k; j++) {
      const b = feats[j];
      s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
      s5 += w[b + 5]; s6 += w[b + 6]; s7 += w[b + 7]; s8 += w[b + 8];
    }
    scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4;
    scores[5] = s5; scores[6] = s6; scores[7] = s7; scores[8] = s8;
    let best = -1;
    let bestScore = -Infinity;
    let second = -Infinity;
    for (let l = 0; l < NUM_LABELS; l++) {
      if (!allowed(prev, l)) continue;
      const s = scores[l];
      if (s > bestScore) { second = bestScore; bestScore = s; best = l; } else if (s > second) second = s;
    }
    labels[i] = best;
    margin[i] = (bestScore - second) * model.scale;
  }
  return { labels, margin };
}

/** Scores of every label for token i under the given history (used by the trainer). */
export function scoreToken(weights: Float32Array, bits: number, fi: FeatureInput, i: number, prev: number, prev2: number, feats: Int32Array, scores: Float64Array): number {
  let k = staticFeatures(fi, i, bits, feats);
  k = historyFeatures(fi, i, prev, prev2, bits, feats, k);
  scores.fill(0);
  for (let j = 0; j < k; j++) {
    const b = feats[j];
    for (let l = 0; l < NUM_LABELS; l++) scores[l] += weights[b + l];
  }
  return k;
}
