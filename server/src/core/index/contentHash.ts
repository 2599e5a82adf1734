/**
 * A fast 64-bit content hash of a text, in pure JS: two independent 32-bit
 * lanes (FNV-1a and a multiply-xorshift lane with another seed) over pairs
 * of UTF-16 code units, plus the length. It identifies a document's content
 * for the analysis cache; it is not a cryptographic hash, and a collision
 * would only serve a stale analysis, so 64 bits over a workspace of
 * thousands of files is ample. Reading two code units per step halves the
 * multiplications: hashing is most of a warm start's CPU time.
 */
export function contentHash(text: string): string {
  const n = text.length;
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ n;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const w = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x5bd1e995);
    b ^= b >>> 15;
  }
  if (i < n) {
    const w = text.charCodeAt(i);
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x5bd1e995);
  }
  // Final avalanche so that short texts differing in one unit spread over all bits.
  a ^= a >>> 13;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 16;
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return hex8(a) + hex8(b) + '-' + n.toString(36);
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
