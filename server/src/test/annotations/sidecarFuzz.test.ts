import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../core/annotations/model';
import type { AnnotationChanges } from '../../core/annotations/sidecarNodes';
import { applySidecarEdits, parseSidecar, type SidecarEdit } from '../../core/annotations/sidecarYaml';

/**
 * Property: any sequence of add/update/remove edits, with values full of YAML's
 * awkward characters, reads back from the written text exactly as a plain model
 * of the edits says: no annotation lost, none resurrected, no field altered,
 * blocks ordered by position. Run count: DOSSIER_FUZZ_SIDECAR_RUNS (default 400).
 */

const runs = Number(process.env['DOSSIER_FUZZ_SIDECAR_RUNS'] ?? 400);
const seed = process.env['DOSSIER_FUZZ_SEED'] === undefined ? undefined : Number(process.env['DOSSIER_FUZZ_SEED']);

const awkward = fc.constantFrom(
  'a', 'Z', ' ', '  ', '\n', '\t', '\r\n', '#', ': ', '- ', '"', "'", '\\', '{', '}', '[', ']', ',', '*', '&', '!', '%', '@', '`', '|', '>', '?',
  '\u00a0', '\u2028', '\u0085', '\ufeff', 'é', '’', '😀', 'yes', 'no', 'null', '~', '0x1F', '1e3', '2019', '---', '...', '\u0007', '\u0000',
);
const text = (minLength = 0): fc.Arbitrary<string> => fc.array(awkward, { minLength, maxLength: 8 }).map((parts) => parts.join(''));
const nonEmpty = text(1).filter((s) => s.length > 0);

const annotationArb = (id: string): fc.Arbitrary<Annotation> =>
  fc.record({
    type: fc.oneof(fc.constantFrom('person', 'organization', 'claim'), nonEmpty),
    quote: nonEmpty,
    entity: fc.option(text(), { nil: undefined }),
    note: fc.option(text(), { nil: undefined }),
    tags: fc.option(fc.array(text(), { maxLength: 3 }), { nil: undefined }),
    author: fc.option(text(), { nil: undefined }),
    origin: fc.option(fc.constantFrom('analyst' as const, 'confirmed' as const), { nil: undefined }),
    status: fc.option(fc.constantFrom('active' as const, 'orphaned' as const), { nil: undefined }),
    prefix: text(),
    suffix: text(),
    start: fc.integer({ min: 0, max: 5000 }),
    length: fc.integer({ min: 0, max: 200 }),
  }).map((r) => {
    const a: Record<string, unknown> = { id, type: r.type };
    if (r.entity !== undefined) a['entity'] = r.entity;
    if (r.note !== undefined) a['note'] = r.note;
    if (r.tags !== undefined) a['tags'] = r.tags;
    if (r.author !== undefined) a['author'] = r.author;
    a['created'] = '2026-11-23T09:00:00.000Z';
    a['updated'] = '2026-11-23T09:00:00.000Z';
    if (r.origin !== undefined) a['origin'] = r.origin;
    if (r.status !== undefined) a['status'] = r.status;
    a['anchor'] = { quote: { exact: r.quote, prefix: r.prefix, suffix: r.suffix }, position: { start: r.start, end: r.start + r.length } };
    return a as unknown as Annotation;
  });

type Op =
  | { kind: 'add'; annotation: Annotation }
  | { kind: 'update'; pick: number; changes: AnnotationChanges }
  | { kind: 'remove'; pick: number };

const changesArb: fc.Arbitrary<AnnotationChanges> = fc.record(
  {
    type: nonEmpty,
    entity: fc.option(text(), { nil: null }),
    note: fc.option(text(), { nil: null }),
    tags: fc.option(fc.array(text(), { maxLength: 3 }), { nil: null }),
    status: fc.option(fc.constantFrom('active' as const, 'orphaned' as const), { nil: null }),
    anchor: annotationArb('x').map((a) => a.anchor),
  },
  { requiredKeys: [] },
);

const opsArb: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.nat(1_000_000).chain((n) => annotationArb(`a-${n.toString(36)}`)).map((annotation): Op => ({ kind: 'add', annotation })) },
    { weight: 2, arbitrary: fc.record({ pick: fc.nat(), changes: changesArb }).map((r): Op => ({ kind: 'update', ...r })) },
    { weight: 1, arbitrary: fc.nat().map((pick): Op => ({ kind: 'remove', pick })) },
  ),
  { minLength: 1, maxLength: 10 },
);

/** What an update does to a record, per the documented semantics (`null` removes a field). */
function applyChanges(a: Annotation, changes: AnnotationChanges, updated: string): Annotation {
  const out: Record<string, unknown> = { ...a, updated };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = value;
  }
  return out as unknown as Annotation;
}

describe('sidecar YAML under random edits (fast-check)', function () {
  this.timeout(600_000);

  it(`reads back exactly what ${runs} random edit sequences wrote`, () => {
    const counts = { sequences: 0, edits: 0, lost: 0 };
    fc.assert(
      fc.property(opsArb, (ops) => {
        counts.sequences++;
        const model = new Map<string, Annotation>();
        let file: string | undefined;
        for (const [i, op] of ops.entries()) {
          counts.edits++;
          const ids = [...model.keys()];
          let edit: SidecarEdit;
          if (op.kind === 'add') {
            if (model.has(op.annotation.id)) continue;
            edit = op;
            model.set(op.annotation.id, op.annotation);
          } else if (op.kind === 'update') {
            const id = ids.length > 0 ? ids[op.pick % ids.length]! : 'a-missing';
            const updated = `2026-11-24T00:00:${String(i).padStart(2, '0')}.000Z`;
            edit = { kind: 'update', id, changes: op.changes, updated };
            const before = model.get(id);
            if (before) model.set(id, applyChanges(before, op.changes, updated));
          } else {
            const id = ids.length > 0 ? ids[op.pick % ids.length]! : 'a-missing';
            edit = { kind: 'remove', id };
            model.delete(id);
          }
          const result = applySidecarEdits(file, [edit]);
          assert.deepEqual(result.problems, []);
          assert.equal(result.value.writable, true);
          file = result.value.text;
          assert.equal(file === undefined, model.size === 0, 'a file exactly when there is something to keep');
          const read = parseSidecar(file ?? '');
          assert.deepEqual(read.problems, [], file);
          const byId = new Map(read.value.annotations.map((a) => [a.id, a]));
          counts.lost += [...model.keys()].filter((id) => !byId.has(id)).length;
          assert.deepEqual(byId, model, file);
          const positions = read.value.annotations.map((a) => a.anchor.position);
          for (let k = 1; k < positions.length; k++) {
            const [p, q] = [positions[k - 1]!, positions[k]!];
            assert.ok(p.start < q.start || (p.start === q.start && p.end <= q.end), `ordered by position:\n${file}`);
          }
        }
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
    );
    console.log(`      fuzz: ${counts.sequences} sidecar edit sequences, ${counts.edits} edits, lost ${counts.lost}`);
    assert.equal(counts.lost, 0);
  });
});
