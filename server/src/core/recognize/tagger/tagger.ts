/**
 * Greedy BIO decoding with an averaged-perceptron model over hashed
 * features. Only candidate tokens (see `computeCandidates`) are scored.
 */
import { TokenFlag } from '../tokenize';
import { Slot, type Scratch } from '../scratch';
import { allowed, historyFeatures, MAX_STATIC_FEATURES, NUM_LABELS, staticFeatures, type FeatureInput } from './features';

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

/** Tags every candidate token of the text greedily, left to right. */
export function tag(model: TaggerModel, fi: FeatureInput, scratch?: Scratch): TagResult {
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
    // A name never continues across a line break (headline, caption and body are separate lines).
    const lineStart = (fi.tokens.flags[i] & TokenFlag.LineStart) !== 0;
    const prev = i > 0 && !lineStart ? labels[i - 1] : 0;
    const prev2 = i > 1 && !lineStart ? labels[i - 2] : 0;
    let k = staticFeatures(fi, i, bits, feats);
    k = historyFeatures(fi, i, prev, prev2, bits, feats, k);
    // Nine labels summed in locals: no array writes in the innermost loop.
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
