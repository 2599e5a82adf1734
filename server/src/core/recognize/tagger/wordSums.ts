/**
 * The integer tagger's sums of the templates of a token's own word (its lower-case and exact
 * hashes and its suffix), kept for recent words in a direct-mapped cache.
 *
 * A word's three rows sit in three cache lines of the 3 MB weight table; a name or a frequent
 * capitalised word comes back within a story and from story to story, and its entry (one line,
 * the three rows summed in `tag`'s lanes) is more likely to be still in cache than its rows.
 */
import { NUM_LABELS, ownWordFeatures } from './features';

/** Entries of the cache (a power of two). */
const ENTRIES = 16384;
/** Words per entry: the key (exact hash, lower-case hash, suffix), then the five lane words. */
export const WORD_ENTRY_WORDS = 8;
/** Set in every key's third word: an empty entry's is 0. */
const TAKEN = 1 << 30;
/** The rows every entry counts (a word without a suffix counts a row of zeros in its place). */
export const OWN_WORD_ROWS = 3;

/** Third key word of a word: its suffix (`suffix3`, below 2^17) and the taken mark. */
export function wordKey2(suffix: number): number {
  return suffix | TAKEN;
}

/** Where a word's entry would be: its first word in `WordSums.table`. */
export function wordEntry(exact: number, lower: number, k2: number): number {
  let h = Math.imul(exact ^ Math.imul(lower, 0x9e3779b1) ^ k2, 0x85ebca6b);
  h ^= h >>> 15;
  return (h & (ENTRIES - 1)) * WORD_ENTRY_WORDS;
}

/**
 * The cache of one model: entry `e` (from `wordEntry`) holds the key in words 0..2 and the lane
 * words in 3..7 (`tag`'s layout: labels (0, 2), (1, 3), (4, 6), (5, 7), 8, each the sum of the
 * packed rows' biased bytes as `tag` adds them, `OWN_WORD_ROWS` rows). A new word overwrites the
 * entry it maps to: what the cache holds never changes a result, only how soon it is found.
 */
export class WordSums {
  /** The entries (read by `tag`; written by `fill`). */
  readonly table = new Int32Array(ENTRIES * WORD_ENTRY_WORDS);
  private readonly feats = new Int32Array(OWN_WORD_ROWS);

  /**
   * @param packed the model's packed weights (see `packedWeights` in `tagger.ts`)
   * @param bits the model's table size
   */
  constructor(private readonly packed: Int32Array, private readonly bits: number) {}

  /** Sums and stores the entry of a word at `e` (its `wordEntry`); returns `e`. */
  fill(exact: number, lower: number, k2: number, e: number): number {
    const feats = this.feats;
    const k = ownWordFeatures(lower, exact, k2 & ~TAKEN, this.bits, feats);
    const w = this.packed;
    // A missing suffix counts as a row of zero weights: 128 in each lane.
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0;
    for (let j = k; j < OWN_WORD_ROWS; j++) { a0 += 0x800080; a1 += 0x800080; a2 += 0x800080; a3 += 0x800080; a4 += 128; }
    for (let j = 0; j < k; j++) {
      const r = (feats[j] / NUM_LABELS) * 3;
      const x = w[r];
      const y = w[r + 1];
      a0 += x & 0xff00ff; a1 += (x >>> 8) & 0xff00ff; a2 += y & 0xff00ff; a3 += (y >>> 8) & 0xff00ff; a4 += w[r + 2];
    }
    const t = this.table;
    t[e] = exact;
    t[e + 1] = lower;
    t[e + 2] = k2;
    t[e + 3] = a0;
    t[e + 4] = a1;
    t[e + 5] = a2;
    t[e + 6] = a3;
    t[e + 7] = a4;
    return e;
  }
}
