import * as assert from 'node:assert/strict';
import { storyCodeLenses } from '../../core/features/codeLens';
import { findDefinition } from '../../core/features/definition';
import { documentHighlights } from '../../core/features/documentHighlights';
import { findReferences } from '../../core/features/references';
import { workspaceSymbols } from '../../core/features/workspaceSymbols';
import { A, B, sampleIndex, TEXT_A, TEXT_B } from './sample';

const all = (text: string, word: string): number[] => [...text.matchAll(new RegExp(word, 'g'))].map((m) => m.index);

describe('navigation features', () => {
  it('references of an entity span every story and file, under every name', () => {
    const index = sampleIndex();
    const refs = findReferences(index, B, TEXT_B.indexOf('Iran') + 1);
    assert.deepEqual(refs, [
      ...all(TEXT_A, 'Iran').map((s) => ({ uri: A, start: s, end: s + 4 })),
      ...all(TEXT_B, 'Iran').map((s) => ({ uri: B, start: s, end: s + 4 })),
    ]);
    const kakar = findReferences(index, A, TEXT_A.indexOf('Kakar left'), { includeDeclaration: false });
    assert.equal(kakar.length, 3);
    assert.ok(!kakar.some((r) => r.uri === A && r.start === TEXT_A.indexOf('Kakar left')));
    assert.deepEqual(findReferences(index, A, TEXT_A.indexOf('called')), []);
  });

  it('references of a date list the same day elsewhere', () => {
    const index = sampleIndex();
    const refs = findReferences(index, A, TEXT_A.indexOf('on Friday'));
    assert.deepEqual(refs.map((r) => r.start), all(TEXT_A, 'on Friday'));
  });

  it('definition is the first mention in the oldest story, or the analyst note', () => {
    const index = sampleIndex();
    const first = TEXT_A.indexOf('Anwaar-ul-Haq Kakar');
    assert.deepEqual(findDefinition(index, B, TEXT_B.indexOf('Kakar')), { uri: A, start: first, end: first + 19 });
    const k = TEXT_A.indexOf('Kakar left');
    index.setAnnotations(A, [{ id: 'a-1', start: k, end: k + 5, type: 'person', entity: 'Anwaar-ul-Haq Kakar', note: 'Caretaker PM', status: 'exact' }]);
    assert.deepEqual(findDefinition(index, B, TEXT_B.indexOf('Kakar')), { uri: A, start: k, end: k + 5 });
    assert.equal(findDefinition(index, B, 0), undefined);
  });

  it('highlights the other mentions of the entity in the document', () => {
    const index = sampleIndex();
    const hs = documentHighlights(index, A, TEXT_A.indexOf('Kakar left'));
    assert.deepEqual(hs.map((h) => TEXT_A.slice(h.start, h.end)), ['Anwaar-ul-Haq Kakar', 'Kakar', 'Anwaar-ul-Haq Kakar']);
    assert.deepEqual(documentHighlights(index, A, TEXT_A.indexOf('on Friday')).length, 2);
  });

  it('finds entities and stories as workspace symbols', () => {
    const index = sampleIndex();
    const syms = workspaceSymbols(index, 'kakar');
    assert.equal(syms[0]?.name, 'Anwaar-ul-Haq Kakar');
    assert.equal(syms[0]?.kind, 'entity');
    assert.match(syms[0]?.detail ?? '', /^person · 3 stories · also Kakar/);
    const stories = workspaceSymbols(index, 'ties restored');
    assert.deepEqual(stories.map((s) => [s.kind, s.name, s.detail]), [['story', 'Ties restored', '2024-01-19']]);
    assert.ok(workspaceSymbols(index, '').length > 0);
  });

  it('puts a code lens on each story headline with its date and entity counts', () => {
    const index = sampleIndex();
    const lenses = storyCodeLenses(index, B);
    assert.deepEqual(lenses.map((l) => l.title), [
      '2024-01-20 (Saturday) · 2 people · 1 place',
      '2026-01-07 (Wednesday) · 3 people',
    ]);
    assert.deepEqual(lenses[0]?.span, { start: 2, end: 16 });
    assert.deepEqual(storyCodeLenses(index, 'file:///none'), []);
  });
});
