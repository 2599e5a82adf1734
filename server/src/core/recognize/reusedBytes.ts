/**
 * A byte array reused from one story to the next by a step that runs to
 * completion before it is called again (token occupancy, coverage): no
 * allocation per story, and a view of exactly the asked length, so indices past
 * the end read `undefined` as in a fresh array.
 */
export class ReusedBytes {
  private store = new Uint8Array(8192);

  /** A zeroed view of `length` bytes, valid until the next call. */
  zeroed(length: number): Uint8Array {
    if (length > 1 << 20) return new Uint8Array(length); // a huge text does not pin its memory
    if (this.store.length < length) this.store = new Uint8Array(length + (length >> 1));
    this.store.fill(0, 0, length);
    // The constructor over the buffer, not subarray (which looks up a species constructor each call).
    return new Uint8Array(this.store.buffer, 0, length);
  }
}
