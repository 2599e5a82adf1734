import * as assert from 'node:assert/strict';
import type { EntityHit } from '../../core/index/indexTypes';
import { annotationCodeActions, AnnotationCommands } from '../../lsp/annotations/codeActions';
import type { EditorAnnotation } from '../../protocol';

const URI = 'file:///w/story.txt';

function hit(confirmed: boolean): EntityHit {
  return { uri: URI, mention: { start: 10, end: 15, text: 'Kakar', type: 'person', confidence: 0.9, origin: 'recognizer', story: 0, key: 'kakar', confirmed } } as unknown as EntityHit;
}

const orphan: EditorAnnotation = { id: 'a-0000000001', type: 'claim', start: 40, end: 40, status: 'orphaned', quote: 'the country was ready' };
const placed: EditorAnnotation = { id: 'a-0000000002', type: 'person', start: 10, end: 15, status: 'exact', quote: 'Kakar' };

describe('lsp annotations: code actions', () => {
  it('offers Confirm, Reject here and Reject everywhere on an unconfirmed suggestion', () => {
    const actions = annotationCodeActions(URI, { start: 12, end: 12 }, hit(false), [], []);
    assert.deepEqual(actions.map((a) => a.title), ['Confirm “Kakar” as person', 'Reject “Kakar” here', 'Reject “Kakar” everywhere']);
    assert.deepEqual(actions.map((a) => a.command?.command), [AnnotationCommands.confirm, AnnotationCommands.reject, AnnotationCommands.reject]);
    assert.deepEqual(actions[2]!.command!.arguments, [{ uri: URI, start: 10, end: 15, type: 'person', scope: 'everywhere' }]);
  });

  it('offers nothing on a confirmed mention, or without a mention and a selection', () => {
    assert.deepEqual(annotationCodeActions(URI, { start: 12, end: 12 }, hit(true), [placed], []), []);
    assert.deepEqual(annotationCodeActions(URI, { start: 12, end: 12 }, undefined, [orphan], []), []);
  });

  it('offers to re-attach each orphan to a non-empty selection, tied to its diagnostic', () => {
    const diagnostic = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, message: 'lost', code: 'annotation.orphaned', data: { annotationId: orphan.id } };
    const actions = annotationCodeActions(URI, { start: 50, end: 60 }, undefined, [orphan, placed], [diagnostic]);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.title, 'Re-attach the claim annotation on “the country was ready” to the selection');
    assert.deepEqual(actions[0]!.diagnostics, [diagnostic]);
    assert.deepEqual(actions[0]!.command!.arguments, [{ uri: URI, id: orphan.id, start: 50, end: 60 }]);
  });
});
