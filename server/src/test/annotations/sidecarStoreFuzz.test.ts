import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { createAnchor } from '../../core/annotations/anchor';
import type { Annotation } from '../../core/annotations/model';
import { applySidecarEdits, parseSidecar, type SidecarEdit } from '../../core/annotations/sidecarYaml';
import { nodeSidecarFileOps, SidecarStore } from '../../node/sidecarStore';

/**
 * Property: the store's own edits, issued concurrently, interleaved with
 * another writer changing the file at every moment the store touches the disk,
 * lose nothing. Once the other writer stops and pending edits are retried, the
 * file holds exactly both sides' annotations. Runs: DOSSIER_FUZZ_STORE_RUNS
 * (default 60).
 */

const runs = Number(process.env['DOSSIER_FUZZ_STORE_RUNS'] ?? 60);
const seed = process.env['DOSSIER_FUZZ_SEED'] === undefined ? undefined : Number(process.env['DOSSIER_FUZZ_SEED']);
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(40);

function annotation(id: string, at: number): Annotation {
  const start = at % (text.length - 10);
  return { id, type: 'person', created: '2026-11-23T09:00:00.000Z', updated: '2026-11-23T09:00:00.000Z', anchor: createAnchor(text, start, start + 9) };
}

interface Step {
  readonly who: 'ours' | 'theirs';
  readonly remove: boolean;
  readonly at: number;
}

const stepsArb = fc.array(
  fc.record({ who: fc.constantFrom('ours' as const, 'theirs' as const), remove: fc.boolean(), at: fc.nat(10_000) }),
  { minLength: 1, maxLength: 14 },
);

describe('sidecar store under concurrent writers (fast-check)', function () {
  this.timeout(600_000);

  it(`loses nothing over ${runs} random interleavings`, async () => {
    let sequences = 0;
    let lost = 0;
    await fc.assert(
      fc.asyncProperty(stepsArb, async (steps: Step[]) => {
        sequences++;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-store-fuzz-'));
        try {
          const file = path.join(dir, 'story.txt.annotations.yaml');
          const expected = new Set<string>();
          const ours: SidecarEdit[] = [];
          const theirs: SidecarEdit[] = [];
          const alive = { ours: [] as string[], theirs: [] as string[] };
          steps.forEach((step, i) => {
            const mine = alive[step.who];
            let edit: SidecarEdit;
            if (step.remove && mine.length > 0) {
              const id = mine.splice(step.at % mine.length, 1)[0]!;
              expected.delete(id);
              edit = { kind: 'remove', id };
            } else {
              const id = `a-${step.who}${i}`;
              mine.push(id);
              expected.add(id);
              edit = { kind: 'add', annotation: annotation(id, step.at) };
            }
            (step.who === 'ours' ? ours : theirs).push(edit);
          });
          // The other writer acts whenever the store reads the file: the worst moments for a lost update.
          const store = new SidecarStore({
            fileOps: {
              async readBytes(f) {
                const next = theirs.shift();
                if (next) {
                  const current = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined;
                  const result = applySidecarEdits(current, [next]).value;
                  if (result.text === undefined) fs.rmSync(f, { force: true });
                  else fs.writeFileSync(f, result.text);
                }
                return nodeSidecarFileOps.readBytes(f);
              },
            },
          });
          await Promise.all(ours.map((edit) => store.edit(file, [edit])));
          // The other writer may still have edits left (the store read less often than it wrote): play them out.
          while (theirs.length > 0) await store.read(file);
          await store.retry(file);
          const onDisk = fs.existsSync(file) ? parseSidecar(fs.readFileSync(file, 'utf8')).value.annotations.map((a) => a.id) : [];
          lost += [...expected].filter((id) => !onDisk.includes(id)).length;
          assert.deepEqual(new Set(onDisk), expected);
          assert.deepEqual(store.pending(file), []);
          assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
    );
    console.log(`      fuzz: ${sequences} concurrent store sequences, lost ${lost}`);
    assert.equal(lost, 0);
  });
});
