/**
 * An open-addressing hash table from 32-bit integer keys (token hashes) to
 * small integer values, in typed arrays: several times faster than a `Map`
 * for the one lookup per token the gazetteer needs.
 */

/** A read-only integer-keyed table (read it with `intTableGet`). */
export interface IntTable {
  readonly size: number;
  readonly mask: number;
  readonly keys: Int32Array;
  readonly vals: Int32Array;
  readonly used: Uint8Array;
}

/** The value for `key`, or 0 when absent. */
export function intTableGet(table: IntTable, key: number): number {
  const { keys, used, mask } = table;
  let i = mix(key) & mask;
  while (used[i]) {
    if (keys[i] === key) return table.vals[i];
    i = (i + 1) & mask;
  }
  return 0;
}

/** Builds a table from entries (later entries OR into earlier ones with the same key). */
export function buildIntTable(entries: ReadonlyMap<number, number>): IntTable {
  let cap = 16;
  while (cap < entries.size * 2) cap <<= 1;
  const mask = cap - 1;
  const keys = new Int32Array(cap);
  const vals = new Int32Array(cap);
  const used = new Uint8Array(cap);
  for (const [k, v] of entries) {
    let i = mix(k) & mask;
    while (used[i] && keys[i] !== k) i = (i + 1) & mask;
    used[i] = 1;
    keys[i] = k;
    vals[i] |= v;
  }
  return { size: entries.size, mask, keys, vals, used };
}

function mix(k: number): number {
  const h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
