import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createAnchor } from '../../core/annotations/anchor';
import type { Annotation } from '../../core/annotations/model';
import { applySidecarEdits, parseSidecar } from '../../core/annotations/sidecarYaml';

/**
 * Property: whatever the text of a sidecar (YAML-ish noise, or a real sidecar
 * with random damage), parsing never throws and locates its problems inside the
 * text; and when the result says `writable`, an edit keeps every annotation the
 * file held and adds the new one. Runs: DOSSIER_FUZZ_PARSE_RUNS (default 1,500 per property).
 */

const runs = Number(process.env['DOSSIER_FUZZ_PARSE_RUNS'] ?? 1_500);
const seed = process.env['DOSSIER_FUZZ_SEED'] === undefined ? undefined : Number(process.env['DOSSIER_FUZZ_SEED']);
const fixture = fs.readFileSync(path.resolve(__dirname, '../../../../test-fixtures/annotations/commented.txt.annotations.yaml'), 'utf8');

const fragment = fc.constantFrom(
  'dossier: 1\n', 'dossier: 2\n', 'annotations:\n', 'rejections:\n', '  - id: a-1\n', '  - id: a-2\n', '    type: person\n',
  '    quote: Iraq\n', '    created: x\n', '    updated: y\n', '    anchor:\n', '      start: 3\n', '      end: 7\n',
  '      prefix: ""\n', '    tags: [a, b]\n', '    note: |\n      text\n', '# c\n', '&a ', '*a', '[', ']', '{', '}', ': ', '- ',
  '\t', '"', "'", '|', '>', '\n', '  ', '? ', '!!str ', '%YAML 1.2\n', '---\n', '...\n', '\u0000', '\ufeff', '😀', '\r\n',
);
const noise = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

/** The fixture with a few random cuts and insertions. */
const damaged = fc.array(
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(12), insert: fc.oneof(fc.constant(''), fragment) }),
  { minLength: 1, maxLength: 4 },
).map((edits) => {
  let text = fixture;
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
  }
  return text;
});

const added: Annotation = {
  id: 'a-fuzzadded', type: 'person', created: '2026-11-23T09:00:00.000Z', updated: '2026-11-23T09:00:00.000Z',
  anchor: createAnchor('a quoted name here', 2, 13),
};

function check(text: string, counts: { inputs: number; writable: number; lost: number }): void {
  counts.inputs++;
  const parsed = parseSidecar(text);
  for (const p of parsed.problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, JSON.stringify(p));
  if (parsed.problems.some((p) => p.severity === 'error')) assert.equal(parsed.value.writable, false);
  const edited = applySidecarEdits(text, [{ kind: 'add', annotation: added }]);
  if (!parsed.value.writable) {
    assert.equal(edited.value.text, undefined);
    return;
  }
  counts.writable++;
  assert.ok(edited.value.text !== undefined, 'a writable sidecar takes an edit');
  const after = parseSidecar(edited.value.text);
  assert.equal(after.value.writable, true, edited.value.text);
  const ids = new Set(after.value.annotations.map((a) => a.id));
  const missing = parsed.value.annotations.filter((a) => !ids.has(a.id));
  counts.lost += missing.length;
  assert.deepEqual(missing, []);
  assert.ok(ids.has(added.id));
  assert.deepEqual(after.value.rejections, parsed.value.rejections);
}

describe('sidecar parsing of arbitrary text (fast-check)', function () {
  this.timeout(600_000);

  for (const [name, arb] of [['YAML-ish noise', noise], ['a damaged real sidecar', damaged]] as const) {
    it(`never throws, and never loses an annotation from a writable file: ${name}`, () => {
      const counts = { inputs: 0, writable: 0, lost: 0 };
      fc.assert(fc.property(arb, (text) => check(text, counts)), { numRuns: runs, ...(seed === undefined ? {} : { seed }) });
      console.log(`      fuzz: ${counts.inputs} ${name} inputs, ${counts.writable} writable, lost ${counts.lost}`);
      assert.equal(counts.lost, 0);
    });
  }
});
