import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  changeAnnotation, confirmSuggestion, reattachAnnotation, refreshAnchors, rejectSuggestion, removeAnnotation, tagSelection,
} from '../../core/annotations/edits';
import type { AnnotationEnvironment } from '../../core/annotations/model';
import type { AnnotationInfo } from '../../core/index/documentAnalysis';
import { annotationProblems, flattenResolved, resolveAnnotations } from '../../core/annotations/resolve';
import { applySidecarEdits, parseSidecar, type SidecarEdit } from '../../core/annotations/sidecarYaml';

const original = fs.readFileSync(path.resolve(__dirname, '../../../../test-fixtures/articles/000_7d1f51ccce8b1f59.txt'), 'utf8');

function makeEnv(): AnnotationEnvironment & { tick(): void } {
  let n = 0;
  let minute = 0;
  return {
    ids: (p) => `${p}-cmd${String(n++).padStart(7, '0')}`,
    clock: () => new Date(Date.UTC(2026, 10, 23, 9, minute)),
    tick: () => { minute++; },
  };
}

function span(text: string, quote: string): [number, number] {
  const s = text.indexOf(quote);
  assert.ok(s >= 0, quote);
  return [s, s + quote.length];
}

function apply(file: string | undefined, edits: SidecarEdit[]): string {
  const r = applySidecarEdits(file, edits);
  assert.deepEqual(r.problems, []);
  return r.value.text!;
}

describe('annotation commands as sidecar edits', () => {
  it('tags a multi-line selection, links an entity, edits and clears a note, confirms, rejects and removes', () => {
    const env = makeEnv();
    const ms = original.indexOf('Pakistan has been expressing');
    const me = original.indexOf('US-Iran tensions', ms) + 'US-Iran tensions'.length;
    const tag = tagSelection(original, ms, me, { type: 'claim', note: 'Two paragraphs.\nCheck the source.', author: 'alice' }, env);
    const confirm = confirmSuggestion(original, ...span(original, 'Imran Khan'), { type: 'person' }, env);
    const rejectHere = rejectSuggestion(original, ...span(original, 'Short Url'), { type: 'organization', scope: 'here' }, env);
    const rejectAll = rejectSuggestion(original, ...span(original, 'Follow'), { scope: 'everywhere' }, env);
    let file = apply(undefined, [tag, confirm, rejectHere, rejectAll]);
    let sidecar = parseSidecar(file).value;
    const claim = sidecar.annotations.find((a) => a.type === 'claim')!;
    assert.ok(claim.anchor.quote.exact.includes('\n'));
    assert.equal(claim.note, 'Two paragraphs.\nCheck the source.');
    assert.equal(sidecar.annotations.find((a) => a.type === 'person')?.origin, 'confirmed');
    assert.deepEqual(sidecar.rejections.map((r) => [r.text, r.scope, r.anchor !== undefined]), [['Short Url', 'here', true], ['Follow', 'everywhere', false]]);

    env.tick();
    file = apply(file, [changeAnnotation(claim, { entity: 'Pakistan', note: 'Edited.' }, env)]);
    const edited = parseSidecar(file).value.annotations.find((a) => a.id === claim.id)!;
    assert.deepEqual([edited.entity, edited.note, edited.created, edited.updated], ['Pakistan', 'Edited.', claim.created, '2026-11-23T09:01:00.000Z']);
    file = apply(file, [changeAnnotation(edited, { note: null }, env)]);
    assert.equal(parseSidecar(file).value.annotations.find((a) => a.id === claim.id)?.note, undefined);

    file = apply(file, [removeAnnotation(claim)]);
    sidecar = parseSidecar(file).value;
    assert.deepEqual(sidecar.annotations.map((a) => a.type), ['person']);
  });

  it('keeps stored anchors current on save: moved and fuzzy refreshed, orphaned marked, then nothing to do', () => {
    const env = makeEnv();
    const edits = ['Mohamed Ali Alhakim', 'Shah Mahmood Qureshi', 'Gen. Qasim Soleimani'].map((q) => tagSelection(original, ...span(original, q), { type: 'person' }, env));
    let file = apply(undefined, edits);
    const text = ('Desk note.\n' + original).replace('Shah Mahmood Qureshi', 'Shah Mehmood Qureshi').replace('Gen. Qasim Soleimani', 'a commander');
    const annotations = parseSidecar(file).value.annotations;
    const resolved = resolveAnnotations(annotations, text);
    assert.deepEqual(resolved.map((r) => r.resolution.status), ['fuzzy', 'moved', 'orphaned']);

    const problems = annotationProblems(resolved, text);
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.annotationId]), [
      ['annotation.fuzzy', 'info', annotations[0]!.id],
      ['annotation.orphaned', 'warning', annotations[2]!.id],
    ]);
    const orphanLine = problems[1]!;
    assert.ok(orphanLine.end > orphanLine.start && !text.slice(orphanLine.start, orphanLine.end).includes('\n'));

    const flat = flattenResolved(resolved, text.length);
    assert.deepEqual(flat.map((f) => [f.status, text.slice(f.start, f.end), f.quote]), [
      ['fuzzy', 'Shah Mehmood Qureshi', 'Shah Mahmood Qureshi'],
      ['moved', 'Mohamed Ali Alhakim', 'Mohamed Ali Alhakim'],
      ['orphaned', '', 'Gen. Qasim Soleimani'],
    ]);
    // The flat shape is what the workspace index takes (checked by the compiler).
    const forIndex: readonly AnnotationInfo[] = flat;
    assert.equal(forIndex.length, 3);
    const refresh = refreshAnchors(resolved, text);
    assert.equal(refresh.length, 3);
    file = apply(file, refresh);
    const after = parseSidecar(file).value.annotations;
    assert.deepEqual(after.map((a) => [a.anchor.quote.exact, a.status, a.updated]), [
      ['Shah Mehmood Qureshi', undefined, annotations[0]!.updated],
      ['Mohamed Ali Alhakim', undefined, annotations[1]!.updated],
      ['Gen. Qasim Soleimani', 'orphaned', annotations[2]!.updated],
    ]);
    const again = resolveAnnotations(after, text);
    assert.deepEqual(again.map((r) => r.resolution.status), ['exact', 'exact', 'orphaned']);
    assert.deepEqual(refreshAnchors(again, text), []);

    // The quick fix: re-attach the orphan to what the analyst selects now.
    const orphan = after[2]!;
    file = apply(file, [reattachAnnotation(orphan, text, ...span(text, 'a commander'), env)]);
    const fixed = parseSidecar(file).value.annotations.find((a) => a.id === orphan.id)!;
    assert.deepEqual([fixed.anchor.quote.exact, fixed.status], ['a commander', undefined]);
    assert.equal(resolveAnnotations([fixed], text)[0]!.resolution.status, 'exact');
  });
});
