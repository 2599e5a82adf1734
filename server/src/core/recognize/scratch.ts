/**
 * Reusable typed-array storage for the per-token arrays of one analysis.
 * Allocating a dozen fresh typed arrays per story (each with its own
 * off-heap backing store) cost more than filling them; a scratch hands out
 * zeroed views of buffers kept from the previous call instead.
 *
 * A view is valid until the same slot is asked for again, so a scratch must
 * serve only one analysis at a time, whose arrays do not outlive it (the
 * entity pipeline, which returns plain mentions). Callers that keep their
 * arrays simply pass no scratch and get fresh ones.
 *
 * Views are made with the typed-array constructor over the buffer, not `subarray`: the
 * same view, but `subarray` looks up a species constructor first (about twice the cost,
 * three times before V8 optimizes the caller; some 17 views per story).
 */

/** Buffers above this many elements are not kept (a huge text should not pin its memory). */
const MAX_KEPT = 1 << 20;

/** Slots: one buffer per purpose, so that views handed out in one analysis never alias. */
export const enum Slot {
  Start, End, Hash, Lower, Kind, Flags,
  Word, PhraseB, PhraseI,
  Shape, Candidate, Doc,
  Labels, Margin,
  DocKeys, DocVals, DocSlot, DocLower,
  Count,
}

/** Typed-array storage reused from one call to the next (see the module comment). */
export class Scratch {
  private readonly i32: (Int32Array | undefined)[] = new Array(Slot.Count);
  private readonly u16: (Uint16Array | undefined)[] = new Array(Slot.Count);
  private readonly u8: (Uint8Array | undefined)[] = new Array(Slot.Count);
  private readonly f32: (Float32Array | undefined)[] = new Array(Slot.Count);

  /** A zeroed Int32Array of length n. */
  int32(slot: Slot, n: number): Int32Array {
    const b = this.i32[slot];
    if (b !== undefined && b.length >= n) { b.fill(0, 0, n); return new Int32Array(b.buffer, 0, n); }
    const fresh = new Int32Array(n <= MAX_KEPT ? grown(n) : n);
    if (n <= MAX_KEPT) this.i32[slot] = fresh;
    return new Int32Array(fresh.buffer, 0, n);
  }

  /**
   * An Int32Array of length n whose contents are left from earlier use: for callers that write
   * every element before reading it (or zero the rest themselves), which saves the fill.
   */
  int32Unfilled(slot: Slot, n: number): Int32Array {
    const b = this.i32[slot];
    if (b !== undefined && b.length >= n) return new Int32Array(b.buffer, 0, n);
    return this.int32(slot, n);
  }

  /**
   * The slot's whole buffer (at least n elements, contents left from earlier use), not a view:
   * for a caller's own working arrays, whose length it never reads (a view costs about as much
   * as filling a few hundred elements).
   */
  int32Buffer(slot: Slot, n: number): Int32Array {
    const b = this.i32[slot];
    if (b !== undefined && b.length >= n) return b;
    const fresh = new Int32Array(n <= MAX_KEPT ? grown(n) : n);
    if (n <= MAX_KEPT) this.i32[slot] = fresh;
    return fresh;
  }

  /** `int32Unfilled` for a Uint8Array. */
  uint8Unfilled(slot: Slot, n: number): Uint8Array {
    const b = this.u8[slot];
    if (b !== undefined && b.length >= n) return new Uint8Array(b.buffer, 0, n);
    return this.uint8(slot, n);
  }

  /** `int32Unfilled` for a Uint16Array. */
  uint16Unfilled(slot: Slot, n: number): Uint16Array {
    const b = this.u16[slot];
    if (b !== undefined && b.length >= n) return new Uint16Array(b.buffer, 0, n);
    return this.uint16(slot, n);
  }

  /** A zeroed Uint16Array of length n. */
  uint16(slot: Slot, n: number): Uint16Array {
    const b = this.u16[slot];
    if (b !== undefined && b.length >= n) { b.fill(0, 0, n); return new Uint16Array(b.buffer, 0, n); }
    const fresh = new Uint16Array(n <= MAX_KEPT ? grown(n) : n);
    if (n <= MAX_KEPT) this.u16[slot] = fresh;
    return new Uint16Array(fresh.buffer, 0, n);
  }

  /** A zeroed Uint8Array of length n. */
  uint8(slot: Slot, n: number): Uint8Array {
    const b = this.u8[slot];
    if (b !== undefined && b.length >= n) { b.fill(0, 0, n); return new Uint8Array(b.buffer, 0, n); }
    const fresh = new Uint8Array(n <= MAX_KEPT ? grown(n) : n);
    if (n <= MAX_KEPT) this.u8[slot] = fresh;
    return new Uint8Array(fresh.buffer, 0, n);
  }

  /** A zeroed Float32Array of length n. */
  float32(slot: Slot, n: number): Float32Array {
    const b = this.f32[slot];
    if (b !== undefined && b.length >= n) { b.fill(0, 0, n); return new Float32Array(b.buffer, 0, n); }
    const fresh = new Float32Array(n <= MAX_KEPT ? grown(n) : n);
    if (n <= MAX_KEPT) this.f32[slot] = fresh;
    return new Float32Array(fresh.buffer, 0, n);
  }
}

/**
 * Smallest buffer: room for a story of about 30,000 characters (the tokenizer asks for one
 * slot per four characters). Nearly every story fits, so the buffers are allocated once: a
 * buffer growing in the middle of a run sends every function that inlined its growth path
 * (tokenizer, gazetteer, features, tagger) back to unoptimized code at once (about 1 MB of
 * text ran several times slower while V8 re-optimized them). Costs about 330 KB per process.
 */
const MIN_CAPACITY = 8192;

/** Room for somewhat longer texts than this one, so that a growing sequence of stories reallocates rarely. */
function grown(n: number): number {
  return n < MIN_CAPACITY ? MIN_CAPACITY : n + (n >> 1);
}
