/**
 * Compact storage for the tagger's hashed weight table: most buckets are
 * zero, so the non-zero int8 weights are stored as (gap varint, int8) pairs,
 * base64-encoded into a JSON string. Decoding is one linear pass.
 */
import type { Result } from '../../text/problem';
import type { TaggerModel } from './tagger';
import { NUM_LABELS } from './features';

/** The JSON shape of a shipped model. */
export interface EncodedModel {
  readonly format: 'dossier-tagger-int8-sparse-v1';
  readonly bits: number;
  readonly labels: number;
  readonly scale: number;
  /** Base64 of the (gap varint, int8) pairs. */
  readonly data: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 encoding without depending on Buffer or btoa (the core is environment-free). */
export function base64Encode(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    chunk += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
    if (chunk.length > 65536) { parts.push(chunk); chunk = ''; }
  }
  parts.push(chunk);
  return parts.join('');
}

const DECODE = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

/** Base64 decoding; returns undefined on a character outside the alphabet. */
export function base64Decode(s: string): Uint8Array | undefined {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array((len * 3) >> 2);
  let o = 0, acc = 0, bitsHeld = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? DECODE[c] : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bitsHeld += 6;
    if (bitsHeld >= 8) { bitsHeld -= 8; out[o++] = (acc >> bitsHeld) & 255; }
  }
  return out.subarray(0, o);
}

/** Quantizes and packs a dense weight table. */
export function encodeModel(weights: Int8Array, bits: number, scale: number): EncodedModel {
  const bytes: number[] = [];
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const v = weights[i];
    if (v === 0) continue;
    let gap = i - last - 1;
    last = i;
    while (gap >= 128) { bytes.push((gap & 127) | 128); gap >>>= 7; }
    bytes.push(gap);
    bytes.push(v & 255);
  }
  return { format: 'dossier-tagger-int8-sparse-v1', bits, labels: NUM_LABELS, scale, data: base64Encode(Uint8Array.from(bytes)) };
}

/** Unpacks a shipped model; a malformed one gives an empty model plus a problem. */
export function decodeModel(m: EncodedModel): Result<TaggerModel> {
  const empty = (message: string): Result<TaggerModel> => ({
    value: { bits: 1, weights: new Int8Array(2 * NUM_LABELS), scale: 1 },
    problems: [{ start: 0, end: 0, severity: 'error', code: 'recognize.model', message }],
  });
  if (m.format !== 'dossier-tagger-int8-sparse-v1' || m.labels !== NUM_LABELS || !(m.bits > 0 && m.bits <= 24)) return empty('The tagger model has an unknown format; entity tagging falls back to rules.');
  const bytes = base64Decode(m.data);
  if (!bytes) return empty('The tagger model data is not valid base64; entity tagging falls back to rules.');
  const weights = new Int8Array((1 << m.bits) * NUM_LABELS);
  let idx = -1;
  let p = 0;
  while (p < bytes.length) {
    let gap = 0, shift = 0, b;
    do { b = bytes[p++]; gap |= (b & 127) << shift; shift += 7; } while (b & 128 && p < bytes.length);
    idx += gap + 1;
    if (idx >= weights.length || p >= bytes.length) return empty('The tagger model data is truncated; entity tagging falls back to rules.');
    weights[idx] = (bytes[p++] << 24) >> 24;
  }
  return { value: { bits: m.bits, weights, scale: m.scale }, problems: [] };
}
