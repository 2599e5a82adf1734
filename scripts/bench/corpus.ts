// Shared material for the benchmark sections: the repository root, the fixture
// folders generated corpora are varied from, and a seeded PRNG so runs compare.
import path from 'node:path';

/** The repository root (sections run from their bundle next to their source). */
export const ROOT = path.resolve(__dirname, '../..');

/** Folders of real and written articles that generated corpora vary. */
export const FIXTURE_DIRS = [
  path.join(ROOT, 'test-fixtures/articles'),
  path.join(ROOT, 'test-fixtures/workspace/standoff'),
  path.join(ROOT, 'test-fixtures/workspace/politics'),
];

/** Month names for rewritten date lines. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A small deterministic PRNG (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
