/**
 * An open-addressing hash table from 32-bit integer keys (token hashes) to
 * small non-zero integer values, in one typed array: several times faster than
 * a `Map` for the one lookup per token the gazetteer needs. Key and value sit
 * side by side, so a lookup touches one cache line, not three arrays.
 */

/** A read-only integer-keyed table (read it with `intTableGet`). */
export interface IntTable {
  readonly size: number;
  readonly mask: number;
  /** Key at `2 * slot`, value at `2 * slot + 1`; a value of 0 marks an empty slot. */
  readonly slots: Int32Array;
}

/** The value for `key`, or 0 when absent. */
export function intTableGet(table: IntTable, key: number): number {
  const { slots, mask } = table;
  let i = mix(key) & mask;
  for (;;) {
    const v = slots[2 * i + 1];
    if (v === 0) return 0;
    if (slots[2 * i] === key) return v;
    i = (i + 1) & mask;
  }
}

/**
 * Builds a table from entries (later entries OR into earlier ones with the same key).
 * Entries whose value is 0 are left out: `intTableGet` answers 0 for them either way.
 */
export function buildIntTable(entries: ReadonlyMap<number, number>): IntTable {
  // Load factor at most 3/4 (about 0.6 for the gazetteer): linear probing stays short, and the
  // gazetteer's token table (one lookup per token, mostly cache misses) takes 256 KB, not 512 KB.
  let cap = 16;
  while (cap * 3 < entries.size * 4) cap <<= 1;
  const mask = cap - 1;
  const slots = new Int32Array(cap * 2);
  for (const [k, v] of entries) {
    if (v === 0) continue;
    let i = mix(k) & mask;
    while (slots[2 * i + 1] !== 0 && slots[2 * i] !== k) i = (i + 1) & mask;
    slots[2 * i] = k;
    slots[2 * i + 1] |= v;
  }
  return { size: entries.size, mask, slots };
}

function mix(k: number): number {
  const h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
