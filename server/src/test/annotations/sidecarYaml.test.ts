import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnnotation } from '../../core/annotations/create';
import type { Annotation, AnnotationEnvironment } from '../../core/annotations/model';
import { applySidecarEdits, parseSidecar, stringifySidecar, MAX_SIDECAR_LENGTH } from '../../core/annotations/sidecarYaml';
import { articleFileNameOf, isSidecarFileName, sidecarFileName } from '../../core/annotations/sidecarName';

const fixtures = path.resolve(__dirname, '../../../../test-fixtures');
const commented = fs.readFileSync(path.join(fixtures, 'annotations/commented.txt.annotations.yaml'), 'utf8');
const article = fs.readFileSync(path.join(fixtures, 'articles/000_7d1f51ccce8b1f59.txt'), 'utf8');

function testEnv(): AnnotationEnvironment {
  let n = 0;
  return { ids: (prefix) => `${prefix}-test${String(n++).padStart(6, '0')}`, clock: () => new Date('2026-11-23T09:00:00.000Z') };
}

function annotate(quote: string, fields: Partial<Annotation> & { type?: string } = {}, occurrence = 0, env = testEnv()): Annotation {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = article.indexOf(quote, start + 1);
  assert.ok(start >= 0, `fixture article contains ${quote}`);
  return { ...createAnnotation(article, start, start + quote.length, { type: fields.type ?? 'person' }, env), ...fields };
}

describe('sidecar names', () => {
  it('names the sidecar from the full article file name', () => {
    assert.equal(sidecarFileName('story.txt'), 'story.txt.annotations.yaml');
    assert.equal(articleFileNameOf('story.txt.annotations.yaml'), 'story.txt');
    assert.equal(isSidecarFileName('.annotations.yaml'), false);
    assert.equal(articleFileNameOf('story.txt'), undefined);
  });
});

describe('sidecar YAML: reading', () => {
  it('reads the commented fixture completely', () => {
    const { value, problems } = parseSidecar(commented);
    assert.deepEqual(problems, []);
    assert.equal(value.writable, true);
    assert.deepEqual(value.annotations.map((a) => a.id), ['a-fm0000001', 'a-iq0000002']);
    const fm = value.annotations[0]!;
    assert.equal(fm.note, 'Foreign Minister of Pakistan.\nCheck the date of the call.\n');
    assert.deepEqual(fm.tags, ['official', 'pk']);
    assert.deepEqual(fm.anchor, {
      quote: { exact: 'Shah Mahmood Qureshi', prefix: 'ISLAMABAD: Foreign Minister ', suffix: ' had a telephonic conversation' },
      position: { start: 502, end: 522 },
    });
    assert.equal(article.slice(502, 522), 'Shah Mahmood Qureshi');
    assert.deepEqual(value.rejections, [{ id: 'r-fo0000003', text: 'Follow', scope: 'everywhere', created: '2026-11-20T10:02:00.000Z' }]);
  });

  it('reads an empty file, or one with only comments, as an empty writable sidecar', () => {
    for (const text of ['', '\n\n', '# nothing yet\n', '---\n']) {
      const { value, problems } = parseSidecar(text);
      assert.deepEqual([value.annotations, value.rejections, value.writable, problems], [[], [], true, []], JSON.stringify(text));
    }
  });

  it('warns about a missing version but stays writable; refuses a newer version', () => {
    const missing = parseSidecar('annotations: []\n');
    assert.equal(missing.value.writable, true);
    assert.deepEqual(missing.problems.map((p) => [p.severity, p.code]), [['warning', 'sidecar.version-missing']]);
    const newer = parseSidecar('dossier: 2\nannotations: []\n');
    assert.equal(newer.value.writable, false);
    assert.deepEqual(newer.problems.map((p) => p.code), ['sidecar.version-unsupported']);
    assert.equal(applySidecarEdits('annotations: []\n', [{ kind: 'add', annotation: annotate('Iraq') }]).value.text?.startsWith('dossier: 1\n'), true);
  });

  it('reads a BOM and CRLF line ends, with offsets into the original text', () => {
    const text = '\uFEFF' + commented.replace(/\n/g, '\r\n').replace('type: person', 'type: 42');
    const { value, problems } = parseSidecar(text);
    assert.equal(value.writable, false);
    assert.equal(problems.length, 1);
    assert.equal(text.slice(problems[0]!.start, problems[0]!.end), '42');
  });
});

describe('sidecar YAML: malformed input never throws, never writable', () => {
  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    'dossier: 1',
    'annotations: *g',
  ].join('\n');
  const huge = 'dossier: 1\nannotations: []\n# ' + 'x'.repeat(10 * 1024 * 1024) + '\n';
  const cases: [string, string, string][] = [
    ['bad YAML syntax', 'dossier: 1\nannotations:\n  - id: a-1\n    type: [person\n', 'sidecar.yaml-syntax'],
    ['an unresolved tag', '!!str\ndossier: 1\nannotations: []\n', 'sidecar.yaml-syntax'],
    ['a custom tag on an entry', commented.replace('  - id: a-iq0000002', '  - !mine\n    id: a-iq0000002'), 'sidecar.yaml-syntax'],
    ['a tab-indented mess', 'dossier: 1\nannotations:\n\t- id: x\n', 'sidecar.yaml-syntax'],
    ['duplicate keys', 'dossier: 1\ndossier: 1\nannotations: []\n', 'sidecar.yaml-syntax'],
    ['a root that is a list', '- a\n- b\n', 'sidecar.not-a-map'],
    ['a root that is a string', 'just some words\n', 'sidecar.not-a-map'],
    ['annotations not a list', 'dossier: 1\nannotations: {id: x}\n', 'sidecar.wrong-type'],
    ['an entry not a map', 'dossier: 1\nannotations:\n  - 12\n', 'sidecar.wrong-type'],
    ['a number where a string belongs', commented.replace('type: person', 'type: 7'), 'sidecar.wrong-type'],
    ['a string offset', commented.replace('start: 502', 'start: "502"'), 'sidecar.wrong-type'],
    ['a negative offset', commented.replace('start: 502', 'start: -3'), 'sidecar.wrong-type'],
    ['end before start', commented.replace('end: 522', 'end: 2'), 'sidecar.invalid-value'],
    ['tags not a list', commented.replace("tags: [official, 'pk']", 'tags: official'), 'sidecar.wrong-type'],
    ['a missing id', commented.replace('  - id: a-iq0000002\n    type', '  - type'), 'sidecar.missing-field'],
    ['a missing quote', commented.replace('    quote: Mohamed Ali Alhakim\n', ''), 'sidecar.missing-field'],
    ['a missing anchor', commented.replace(/ {4}anchor:\n {6}prefix: "tion[^]*?end: 595\n/, ''), 'sidecar.missing-field'],
    ['an unknown origin', commented.replace('    author: alice\n    created: 2026-11-20T10:01', '    origin: guessed\n    author: alice\n    created: 2026-11-20T10:01'), 'sidecar.invalid-value'],
    ['a rejection without scope', commented.replace('    scope: everywhere\n', ''), 'sidecar.missing-field'],
    ['a here-rejection without anchor', commented.replace('scope: everywhere', 'scope: here'), 'sidecar.missing-field'],
    ['duplicate ids', commented.replace('a-iq0000002', 'a-fm0000001'), 'sidecar.duplicate-id'],
    ['an id shared by a rejection', commented.replace('r-fo0000003', 'a-fm0000001'), 'sidecar.duplicate-id'],
    ['an alias bomb', bomb, 'sidecar.alias-bomb'],
    ['a list reached by alias', 'dossier: 1\nkept: &list []\nannotations: *list\n', 'sidecar.alias'],
    ['an entry reached by alias', commented.replace('rejections:\n', 'rejections:\n  - *first\n').replace('  - id: a-fm0000001', '  - &first\n    id: a-fm0000001'), 'sidecar.alias'],
    ['nesting deep enough to overflow the stack', `dossier: 1\nannotations: []\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'sidecar.yaml-syntax'],
    ['a 10 MB file', huge, 'sidecar.too-large'],
    ['binary', 'dossier: 1\nannotations: []\n\u0000\u0001\u0002\u00ff', 'sidecar.binary'],
  ];

  for (const [name, text, code] of cases) {
    it(`${name}: problem ${code}, located, not writable, edits refused`, () => {
      const { value, problems } = parseSidecar(text);
      assert.equal(value.writable, false);
      assert.ok(problems.some((p) => p.code === code && p.severity === 'error'), JSON.stringify(problems));
      for (const p of problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, JSON.stringify(p));
      const edit = applySidecarEdits(text, [{ kind: 'add', annotation: annotate('Iraq') }]);
      assert.equal(edit.value.writable, false);
      assert.equal(edit.value.text, undefined);
      assert.ok(edit.problems.length > 0);
    });
  }

  it('still returns the entries that are sound next to a broken one', () => {
    const { value } = parseSidecar(commented.replace('quote: Mohamed Ali Alhakim', 'quote: [1, 2]'));
    assert.deepEqual(value.annotations.map((a) => a.id), ['a-fm0000001']);
    assert.equal(value.rejections.length, 1);
  });

  it('refuses files over the size limit without parsing them', () => {
    assert.ok(MAX_SIDECAR_LENGTH < 10 * 1024 * 1024);
  });
});

describe('sidecar YAML: editing keeps what others wrote', () => {
  it('round-trips the commented fixture: edits keep every comment, unknown key and untouched value', () => {
    const added = annotate('Baghdad', { type: 'location', note: 'first line\nsecond line' });
    const result = applySidecarEdits(commented, [
      { kind: 'update', id: 'a-iq0000002', changes: { entity: 'Mohamed Ali Alhakim', note: 'Iraqi FM' }, updated: '2026-11-23T10:00:00.000Z' },
      { kind: 'add', annotation: added },
    ]);
    assert.deepEqual(result.problems, []);
    const out = result.value.text!;
    for (const line of commented.split('\n').filter((l) => l.includes('#'))) {
      assert.ok(out.includes(line.replace(/\s+#/, ' #').trim()), `kept: ${line}`);
    }
    assert.match(out, /^reviewer: bob # a key another tool added$/m);
    assert.match(out, /^ {4}x-review: pending # unknown key inside an annotation$/m);
    const reread = parseSidecar(out);
    assert.deepEqual(reread.problems, []);
    assert.deepEqual(reread.value.annotations.map((a) => a.id), ['a-fm0000001', 'a-iq0000002', added.id]);
    assert.deepEqual(reread.value.annotations[2], added);
    const iq = reread.value.annotations[1]!;
    assert.equal(iq.entity, 'Mohamed Ali Alhakim');
    assert.equal(iq.updated, '2026-11-23T10:00:00.000Z');
    // The new key sits at its canonical place, before `author`, not at the end.
    assert.match(out, /quote: Mohamed Ali Alhakim\n {4}entity: Mohamed Ali Alhakim\n {4}note: Iraqi FM\n {4}author: alice/);
    assert.deepEqual(reread.value.annotations[0], parseSidecar(commented).value.annotations[0]);
  });

  it('changes nothing but the touched lines (diff-friendly)', () => {
    const result = applySidecarEdits(commented, [
      { kind: 'update', id: 'a-fm0000001', changes: { tags: ['official', 'pk', 'fm'] }, updated: '2026-11-23T10:00:00.000Z' },
    ]);
    const before = commented.split('\n');
    const after = result.value.text!.split('\n');
    assert.equal(after.length, before.length);
    const changed = before.map((line, i) => [line, after[i]]).filter(([a, b]) => a !== b);
    // Besides the edit, `yaml` normalizes the space before two comments, once.
    assert.deepEqual(changed.map(([, b]) => b), [
      'reviewer: bob # a key another tool added',
      '    tags: [official, pk, fm]',
      '    updated: 2026-11-23T10:00:00.000Z',
      '    x-review: pending # unknown key inside an annotation',
    ]);
    // From then on, a round trip is byte for byte.
    assert.equal(applySidecarEdits(result.value.text, [{ kind: 'remove', id: 'none' }]).value.text, result.value.text);
  });

  it('keeps the blocks ordered by position: on add, and when an update moves an anchor', () => {
    const env = testEnv();
    const late = annotate('Baghdad', {}, 0, env);
    const early = annotate('Pakistan', {}, 0, env);
    const middle = annotate('Qureshi', {}, 0, env);
    let text = applySidecarEdits(undefined, [late, early, middle].map((annotation) => ({ kind: 'add' as const, annotation }))).value.text!;
    assert.deepEqual(parseSidecar(text).value.annotations.map((a) => a.id), [early.id, middle.id, late.id]);
    const moved = annotate('Baghdad', {}, 1, env).anchor;
    text = applySidecarEdits(text, [{ kind: 'update', id: early.id, changes: { anchor: moved }, updated: '2026-11-24T00:00:00.000Z' }]).value.text!;
    assert.deepEqual(parseSidecar(text).value.annotations.map((a) => a.id), [middle.id, late.id, early.id]);
  });

  it('writes a readable block: multi-line note as a literal block, context double-quoted, tags on one line', () => {
    const a = annotate('Shah Mahmood Qureshi', { note: 'Line one.\nLine two.', tags: ['fm', 'pk'], entity: 'Shah Mahmood Qureshi' });
    const text = stringifySidecar({ version: 1, annotations: [a], rejections: [] });
    assert.equal(text, [
      'dossier: 1',
      'annotations:',
      `  - id: ${a.id}`,
      '    type: person',
      '    quote: Shah Mahmood Qureshi',
      '    entity: Shah Mahmood Qureshi',
      '    note: |-',
      '      Line one.',
      '      Line two.',
      '    tags: [fm, pk]',
      '    created: 2026-11-23T09:00:00.000Z',
      '    updated: 2026-11-23T09:00:00.000Z',
      '    anchor:',
      '      prefix: "ce\\n\\nISLAMABAD: Foreign Minister "',
      '      suffix: " had a telephonic conversation w"',
      '      start: 502',
      '      end: 522',
      '',
    ].join('\n'));
  });

  it('reads back awkward values exactly (regressions found by the property test)', () => {
    const awkward = [
      { tags: ['?\na', '- x', 'yes', '2019', 'a ', ' ', ''] },
      { note: ' \n' },
      { note: 'a\n  \nb' },
      { note: 'bell\u0007\nline' },
      { note: 'cr\r\nlf' },
      { entity: '? x\n: y', author: '# not a comment' },
    ];
    for (const fields of awkward) {
      const a = annotate('Baghdad', fields);
      const text = stringifySidecar({ version: 1, annotations: [a], rejections: [] });
      assert.deepEqual(parseSidecar(text).value.annotations, [a], text);
    }
  });

  it('keeps CRLF line ends', () => {
    const crlf = commented.replace(/\n/g, '\r\n');
    const out = applySidecarEdits(crlf, [{ kind: 'remove', id: 'a-iq0000002' }]).value.text!;
    assert.equal(out.split('\r\n').length, out.split('\n').length);
    assert.equal(parseSidecar(out).value.annotations.length, 1);
  });

  it('removes the file when nothing is left, keeps it with `annotations: []` when comments or foreign keys remain', () => {
    const a = annotate('Iraq');
    const plain = applySidecarEdits(undefined, [{ kind: 'add', annotation: a }]).value.text!;
    const emptied = applySidecarEdits(plain, [{ kind: 'remove', id: a.id }]);
    assert.deepEqual([emptied.value.keep, emptied.value.text], [false, undefined]);
    const kept = applySidecarEdits(commented, [
      { kind: 'remove', id: 'a-fm0000001' }, { kind: 'remove', id: 'a-iq0000002' }, { kind: 'removeRejection', id: 'r-fo0000003' },
    ]);
    assert.equal(kept.value.keep, true);
    assert.deepEqual(parseSidecar(kept.value.text!).value, { version: 1, annotations: [], rejections: [], writable: true });
    assert.match(kept.value.text!, /# The foreign minister, first mention\./);
    assert.match(kept.value.text!, /^# Reviewed by bob on 2026-11-20; please keep this header\.$/m);
    const commentOnly = applySidecarEdits('# my notes\n', [{ kind: 'add', annotation: a }, { kind: 'remove', id: a.id }]);
    assert.equal(commentOnly.value.keep, true);
    assert.match(commentOnly.value.text!, /# my notes/);
    assert.equal(applySidecarEdits(undefined, []).value.keep, false);
  });

  it('replays edits onto a changed file without losing either side', () => {
    const a = annotate('Iraq');
    assert.deepEqual(applySidecarEdits(commented, [{ kind: 'remove', id: 'gone' }]).value.outcomes, ['noop']);
    const fallback = parseSidecar(commented).value.annotations[1]!;
    const withoutIq = applySidecarEdits(commented, [{ kind: 'remove', id: 'a-iq0000002' }]).value.text!;
    const readded = applySidecarEdits(withoutIq, [
      { kind: 'update', id: 'a-iq0000002', changes: { note: 'still needed' }, updated: '2026-11-24T00:00:00.000Z', fallback },
      { kind: 'add', annotation: a },
      { kind: 'add', annotation: { ...a, note: 'replayed' } },
    ]);
    assert.deepEqual(readded.value.outcomes, ['readded', 'applied', 'merged']);
    const ids = readded.value.sidecar.annotations.map((x) => x.id);
    assert.deepEqual(new Set(ids), new Set(['a-fm0000001', 'a-iq0000002', a.id]));
    assert.equal(readded.value.sidecar.annotations.find((x) => x.id === 'a-iq0000002')?.note, 'still needed');
    assert.equal(readded.value.sidecar.annotations.find((x) => x.id === a.id)?.note, 'replayed');
  });
});
