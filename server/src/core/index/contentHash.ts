/**
 * A fast 64-bit content hash of a text, in pure JS: two independent 32-bit
 * lanes (FNV-1a and a multiply-xorshift lane with another seed) over the
 * UTF-16 code units, plus the length. It identifies a document's content for
 * the analysis cache; it is not a cryptographic hash, and a collision would
 * only serve a stale analysis, so 64 bits over a workspace of thousands of
 * files is ample.
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Final avalanche so that short texts differing in one unit spread over all bits.
  a ^= a >>> 13;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 16;
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return hex8(a) + hex8(b) + '-' + text.length.toString(36);
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
