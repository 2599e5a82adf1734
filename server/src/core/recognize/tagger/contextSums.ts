/**
 * The integer tagger's sums of the few-valued templates, memoized per distinct context.
 *
 * Most of a token's features are word features (a weight row each, mostly cache misses); the
 * rest have few values and do not depend on the word itself: the shape trigram, the gazetteer
 * classes of the token and its neighbours, the candidate run, the document evidence and the
 * shape-and-flags templates (bias, shape, sentence position, hyphens). All of them are determined
 * by a small context key, and the bench corpus's 380,000 candidate tokens show about 2,600
 * distinct keys. Int8 weights sum exactly in any order, so the weights of all those templates
 * (about ten rows a token, one per set class bit) are summed once per key, into an entry laid
 * out in `tag`'s 16-bit lanes: a token adds one entry instead of each row.
 */
import { TokenFlag } from '../tokenize';
import { contextFeatures, DOC_BITS, MAX_CONTEXT_FEATURES, NUM_LABELS, SHAPE_FLAGS, shapeFlagsKey } from './features';

/**
 * Added to every label's sum in an entry: an entry sums at most `MAX_CONTEXT_FEATURES` rows and
 * the four shape-and-flags templates, so the biased value lies in 0..255 * (MAX_CONTEXT_FEATURES + 4)
 * (below 2^15 for 16 gazetteer classes and 9 evidence bits) and adds to a lane without borrowing.
 */
export const CONTEXT_BIAS = 128 * (MAX_CONTEXT_FEATURES + 4);

/** Slots of the index (entries kept before it is cleared: three quarters of them). */
const SLOTS = 8192;
/** Most entries kept. */
const MAX_ENTRIES = (SLOTS * 3) / 4;
/** Words per entry: the three key words, then the five lane words (see `laneTable` in `tagger.ts`). */
export const ENTRY_WORDS = 8;
/** Set in every key's third word. */
const TAKEN = 1 << 30;

/**
 * First key word of token i's context: its gazetteer classes and the previous token's
 * (`gm1`, 0 at the start).
 */
export function contextKey0(g0: number, gm1: number): number {
  return g0 | (gm1 << 16);
}

/** Second key word: the next token's classes (0 at the end), the document evidence and the shape. */
export function contextKey1(gp1: number, doc: number, s0: number): number {
  return gp1 | ((doc & ((1 << DOC_BITS) - 1)) << 16) | (s0 << 25);
}

/**
 * Third key word: the neighbours' shapes (15 past either end), the candidate run (below 40) and the
 * flags the shape-and-flags templates read (`SHAPE_FLAGS`, below 128; the sentence start among them).
 */
export function contextKey2(sm1: number, sp1: number, run: number, flags: number): number {
  return sm1 | (sp1 << 4) | (run << 8) | ((flags & SHAPE_FLAGS) << 14) | TAKEN;
}

/** Mixes the three key words into a slot of the index. */
export function contextSlot(k0: number, k1: number, k2: number): number {
  let h = Math.imul(k0 ^ Math.imul(k1, 0x9e3779b1) ^ Math.imul(k2, 0x85ebca6b), 0xc2b2ae35);
  h ^= h >>> 15;
  return h & (SLOTS - 1);
}

/** The slot after `slot` (linear probing). */
export function nextContextSlot(slot: number): number {
  return (slot + 1) & (SLOTS - 1);
}

/**
 * The memo of one model. `index[slot]` (open addressing, linear probing from `contextSlot`) holds
 * where an entry starts in `entries` (0: empty slot; entry 0 is never used), and the entry holds
 * the key's three words, then its five lane words. Entries are dense in the order they were first
 * seen, so the frequent contexts, met early, share a few cache lines (a table of whole entries
 * spread by the hash touched a line per context: its probe was a quarter of `tag`'s time).
 * Cleared when three quarters of the slots are taken, so it never grows; what it holds never
 * changes a result, only how soon it is found.
 */
export class ContextSums {
  /** Start of each slot's entry in `entries`, 0 for none (read by `tag`'s probe; written by `fill`). */
  readonly index = new Int32Array(SLOTS);
  /** `ENTRY_WORDS` words per entry. */
  readonly entries = new Int32Array((MAX_ENTRIES + 1) * ENTRY_WORDS);
  private used = 0;
  private readonly feats = new Int32Array(MAX_CONTEXT_FEATURES);
  private readonly sums = new Int32Array(NUM_LABELS);

  /**
   * @param weights the model's int8 weights, `NUM_LABELS` per bucket
   * @param bits the model's table size
   * @param shapeFlags the shape-and-flags sums per `shapeFlagsKey`, `NUM_LABELS` per key
   */
  constructor(private readonly weights: Int8Array, private readonly bits: number, private readonly shapeFlags: Int32Array) {}

  /**
   * Sums the entry of a key `tag`'s probe did not find, stores it and returns where it starts in
   * `entries`. Not inlined into the probe: it runs for about one token in a hundred.
   */
  fill(k0: number, k1: number, k2: number): number {
    const index = this.index;
    if (this.used >= MAX_ENTRIES) { index.fill(0); this.used = 0; }
    let slot = contextSlot(k0, k1, k2);
    while (index[slot] !== 0) slot = nextContextSlot(slot);
    this.used++;
    const at = this.used * ENTRY_WORDS;
    index[slot] = at;
    const s0 = (k1 >>> 25) & 7;
    const flags = (k2 >>> 14) & 127;
    const feats = this.feats;
    const k = contextFeatures(k0 & 0xffff, k0 >>> 16, k1 & 0xffff, s0, (flags & TokenFlag.SentStart) !== 0 ? 1 : 0,
      k2 & 15, (k2 >>> 4) & 15, (k2 >>> 8) & 63, (k1 >>> 16) & ((1 << DOC_BITS) - 1), this.bits, feats);
    const w = this.weights;
    const sf = shapeFlagsKey(flags, s0) * NUM_LABELS;
    const sums = this.sums;
    for (let l = 0; l < NUM_LABELS; l++) {
      let s = this.shapeFlags[sf + l];
      for (let j = 0; j < k; j++) s += w[feats[j] + l];
      sums[l] = s + CONTEXT_BIAS;
    }
    const table = this.entries;
    table[at] = k0;
    table[at + 1] = k1;
    table[at + 2] = k2;
    // Labels (0, 2), (1, 3), (4, 6), (5, 7) in the low and high lanes of four words, 8 alone.
    table[at + 3] = sums[0] | (sums[2] << 16);
    table[at + 4] = sums[1] | (sums[3] << 16);
    table[at + 5] = sums[4] | (sums[6] << 16);
    table[at + 6] = sums[5] | (sums[7] << 16);
    table[at + 7] = sums[8];
    return at;
  }
}
