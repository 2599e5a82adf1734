import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import search from 'approx-string-match';
import fc from 'fast-check';
import { createAnchor, reanchor, reanchorAfterChanges, type AnchorResolution } from '../../core/annotations/anchor';
import type { Anchor } from '../../core/annotations/model';
import { mapSpanThroughChanges, type TextChange } from '../../core/annotations/textChange';
import { editDistance } from './editDistance';

/**
 * Property: over random edit sequences applied to the real fixture articles, no
 * annotation is lost. Each one either lands on text equal to its quote
 * (exact/moved), on text within the fuzzy bound of it (fuzzy), or is reported
 * orphaned, and orphaned only when nothing within the bound is left. Run count: DOSSIER_FUZZ_RUNS (default 10,000 sequences); seed:
 * DOSSIER_FUZZ_SEED.
 */

const articlesDir = path.resolve(__dirname, '../../../../test-fixtures/articles');
const articles = fs.readdirSync(articlesDir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(articlesDir, f), 'utf8'));
const runs = Number(process.env['DOSSIER_FUZZ_RUNS'] ?? 10_000);
const seed = process.env['DOSSIER_FUZZ_SEED'] === undefined ? undefined : Number(process.env['DOSSIER_FUZZ_SEED']);

/** One random edit, positions as fractions of the current length so they fit whatever the text became. */
interface EditSpec {
  readonly at: number;
  readonly deleteLength: number;
  /** Inserted text: random characters, or a copy of a piece of the article (which creates repeated quotes). */
  readonly insert: { readonly kind: 'chars'; readonly text: string } | { readonly kind: 'copy'; readonly from: number; readonly length: number };
}

const editArb: fc.Arbitrary<EditSpec> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  // Mostly typing-sized edits, sometimes a deleted passage.
  deleteLength: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 6 }) },
    { weight: 1, arbitrary: fc.integer({ min: 7, max: 200 }) },
  ),
  insert: fc.oneof(
    fc.record({ kind: fc.constant('chars' as const), text: fc.string({ unit: fc.constantFrom('a', 'e', ' ', '\n', 'K', 'h', 'n', '.', 'é', '’'), maxLength: 12 }) }),
    fc.record({ kind: fc.constant('copy' as const), from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 120 }) }),
  ),
});

const caseArb = fc.record({
  article: fc.integer({ min: 0, max: articles.length - 1 }),
  spans: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 90 }) }), { minLength: 1, maxLength: 6 }),
  edits: fc.array(editArb, { minLength: 1, maxLength: 12 }),
});

function applyEdits(text: string, specs: readonly EditSpec[]): { text: string; changes: TextChange[] } {
  const changes: TextChange[] = [];
  for (const spec of specs) {
    const offset = Math.min(text.length, Math.floor(spec.at * text.length));
    const deleteLength = Math.min(spec.deleteLength, text.length - offset);
    let insertText: string;
    if (spec.insert.kind === 'chars') insertText = spec.insert.text;
    else {
      const from = Math.floor(spec.insert.from * text.length);
      insertText = text.slice(from, from + spec.insert.length);
    }
    changes.push({ offset, deleteLength, insertText });
    text = text.slice(0, offset) + insertText + text.slice(offset + deleteLength);
  }
  return { text, changes };
}

let orphansSeen = 0;

/** Why a resolution breaks the "nothing lost" contract, or undefined when it keeps it. */
function violation(anchor: Anchor, r: AnchorResolution, text: string): string | undefined {
  const { exact } = anchor.quote;
  if (r.status === 'orphaned') {
    if (r.start !== undefined || r.end !== undefined) return 'orphaned with a span';
    // Orphaned only when neither the quote nor anything within the error bound is left anywhere.
    if (text.includes(exact)) return 'orphaned although the quote is in the text';
    // The whole-text fuzzy search is the costly part of this check: run it on every 4th orphan.
    const bound = Math.floor(exact.length * 0.2);
    if (orphansSeen++ % 4 === 0 && bound > 0 && search(text, exact, bound).length > 0) return 'orphaned although a fuzzy match exists';
    return undefined;
  }
  if (r.start === undefined || r.end === undefined || r.start < 0 || r.end > text.length || r.end <= r.start) return `bad span ${r.start}..${r.end}`;
  const found = text.slice(r.start, r.end);
  if (r.status === 'exact' || r.status === 'moved') return found === exact ? undefined : `${r.status} on ${JSON.stringify(found)} != ${JSON.stringify(exact)}`;
  if (text.includes(exact)) return 'fuzzy although the exact quote is in the text';
  const bound = Math.floor(exact.length * 0.2);
  const distance = editDistance(found, exact);
  if (r.errors === undefined || r.errors > bound) return `fuzzy errors ${r.errors} above bound ${bound}`;
  return distance <= r.errors ? undefined : `fuzzy text ${JSON.stringify(found)} is ${distance} edits from ${JSON.stringify(exact)}, reported ${r.errors}`;
}

describe('annotation anchoring under random edits (fast-check)', function () {
  this.timeout(600_000);

  it(`keeps every annotation over ${runs} random edit sequences on the real articles`, () => {
    const counts = { sequences: 0, annotations: 0, lost: 0, exact: 0, moved: 0, fuzzy: 0, orphaned: 0, untouchedChecked: 0 };
    const failures: string[] = [];
    fc.assert(
      fc.property(caseArb, ({ article, spans, edits }) => {
        counts.sequences++;
        const original = articles[article]!;
        const anchors = spans.map((s) => {
          const start = Math.floor(s.at * (original.length - 1));
          return createAnchor(original, start, Math.min(original.length, start + s.length));
        });
        const { text, changes } = applyEdits(original, edits);
        for (const anchor of anchors) {
          counts.annotations++;
          const full = reanchor(anchor, text);
          const incremental = reanchorAfterChanges(anchor, changes, text);
          counts[full.status]++;
          for (const [name, r] of [['search', full], ['incremental', incremental]] as const) {
            const why = violation(anchor, r, text);
            if (why) {
              counts.lost++;
              failures.push(`${name}: ${why}`);
              return false;
            }
          }
          // When no edit came near the quote or its context, both paths must find the quote exactly.
          const { prefix, suffix } = anchor.quote;
          const guard = { start: Math.max(0, anchor.position.start - prefix.length), end: anchor.position.end + suffix.length };
          const mapped = mapSpanThroughChanges(guard, changes);
          if (!mapped.touched && guard.end > guard.start) {
            counts.untouchedChecked++;
            const expectedStart = mapSpanThroughChanges(anchor.position, changes).start;
            if (incremental.status !== 'exact' || incremental.start !== expectedStart) {
              failures.push(`incremental lost an untouched quote: ${JSON.stringify(incremental)} expected start ${expectedStart}`);
              return false;
            }
            if (full.status !== 'exact' && full.status !== 'moved') {
              failures.push(`search missed an untouched quote: ${JSON.stringify(full)}`);
              return false;
            }
          }
        }
        return true;
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
    );
    console.log(`      fuzz: ${counts.sequences} edit sequences, ${counts.annotations} annotations ` +
      `(exact ${counts.exact}, moved ${counts.moved}, fuzzy ${counts.fuzzy}, orphaned ${counts.orphaned}; ` +
      `${counts.untouchedChecked} untouched checked), lost ${counts.lost}`);
    assert.deepEqual(failures, []);
    assert.ok(counts.sequences >= runs);
  });
});
