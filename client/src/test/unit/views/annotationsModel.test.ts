import * as assert from 'node:assert/strict';
import { AnnotationsTreeRequest, type AnnotationsTreeResult, type TreeAnnotation } from '../../../../../server/src/protocol';
import { AnnotationsModel } from '../../../views/annotationsModel';
import type { ViewNode } from '../../../views/treeItemData';
import { FakeServer } from './fakeServer';

function ann(uri: string, id: string, start: number, extra: Partial<TreeAnnotation> = {}): TreeAnnotation {
  return { id, uri, type: 'person', quote: 'Kakar', start, end: start + 5, status: 'exact', ...extra };
}

function setup(files: AnnotationsTreeResult['files']) {
  const state = { files };
  const server = new FakeServer().on(AnnotationsTreeRequest, () => ({ articleCount: 2, indexReady: true, files: state.files }));
  const model = new AnnotationsModel(server);
  const events: Array<readonly ViewNode[] | undefined> = [];
  model.onDidChange((e) => events.push(e));
  return { state, server, model, events };
}

describe('AnnotationsModel', () => {
  it('lists files by path, then their annotations in document order with type, entity and note', async () => {
    const { model } = setup([
      { uri: 'file:///w/b.txt', annotations: [ann('file:///w/b.txt', 'a-2', 50, { type: 'claim', quote: 'ties restored', note: 'check' }), ann('file:///w/b.txt', 'a-1', 10, { entity: 'Anwaar-ul-Haq Kakar' })] },
      { uri: 'file:///w/a.txt', annotations: [ann('file:///w/a.txt', 'a-3', 0, { status: 'fuzzy' })] },
    ]);
    const root = await model.children();
    assert.deepEqual(root.map((n) => [n.id, n.item.label, n.item.description, n.item.contextValue]), [
      ['file:file:///w/a.txt', 'a.txt', '1 annotation', 'annotationFile'],
      ['file:file:///w/b.txt', 'b.txt', '2 annotations', 'annotationFile'],
    ]);
    const b = await model.children(root[1]);
    assert.deepEqual(b.map((n) => [n.item.label, n.item.description, n.item.icon?.id]), [
      ['“Kakar”', 'person · → Anwaar-ul-Haq Kakar', 'person'],
      ['“ties restored”', 'claim · check', 'comment-discussion'],
    ]);
    assert.deepEqual(b[0]!.item.command?.arguments, ['file:///w/b.txt', 10, 15]);
    const a = await model.children(root[0]);
    assert.equal(a[0]!.item.description, 'person · text changed');
  });

  it('puts orphaned annotations first, in their own group, with the re-attach context', async () => {
    const { model } = setup([
      { uri: 'file:///w/a.txt', annotations: [ann('file:///w/a.txt', 'a-1', 0, { status: 'orphaned', quote: 'gone text', note: 'n' })] },
      { uri: 'file:///w/b.txt', annotations: [ann('file:///w/b.txt', 'a-2', 0)] },
    ]);
    const root = await model.children();
    assert.deepEqual(root.map((n) => [n.id, n.item.label, n.item.description]), [
      ['orphans', 'Orphaned', '1 · text no longer found'],
      ['file:file:///w/b.txt', 'b.txt', '1 annotation'],
    ]);
    const orphans = await model.children(root[0]);
    assert.equal(orphans[0]!.item.contextValue, 'annotation.orphaned');
    assert.equal(orphans[0]!.item.label, '“gone text”');
    assert.equal(orphans[0]!.item.description, 'person · n · a.txt');
    assert.equal(orphans[0]!.item.command, undefined, 'an orphan has no place to reveal');
    assert.match(orphans[0]!.item.tooltip!, /Orphaned/);
  });

  it('when an annotation is orphaned, refreshes the root (a group appears) and forgets its old node', async () => {
    const { model, state, events } = setup([{ uri: 'file:///w/a.txt', annotations: [ann('file:///w/a.txt', 'a-1', 0), ann('file:///w/a.txt', 'a-2', 9)] }]);
    const root = await model.children();
    await model.children(root[0]);
    state.files = [{ uri: 'file:///w/a.txt', annotations: [ann('file:///w/a.txt', 'a-1', 0), ann('file:///w/a.txt', 'a-2', 9, { status: 'orphaned' })] }];
    await model.refresh({ uris: ['file:///w/a.txt'], entitiesChanged: false, annotationsChanged: true });
    assert.deepEqual(events, [undefined]);
    assert.equal(model.node('ann:file:///w/a.txt#a-2'), undefined);
    assert.ok(model.node('orphan:file:///w/a.txt#a-2'));
  });

  it('when a note changes, refreshes that annotation only', async () => {
    const { model, state, events } = setup([{ uri: 'file:///w/a.txt', annotations: [ann('file:///w/a.txt', 'a-1', 0), ann('file:///w/a.txt', 'a-2', 9)] }]);
    const root = await model.children();
    await model.children(root[0]);
    state.files = [{ uri: 'file:///w/a.txt', annotations: [ann('file:///w/a.txt', 'a-1', 0), ann('file:///w/a.txt', 'a-2', 9, { note: 'new' })] }];
    await model.refresh({ uris: [], entitiesChanged: false, annotationsChanged: true });
    assert.deepEqual(events.map((e) => e?.map((n) => n.id)), [['ann:file:///w/a.txt#a-2']]);
  });

  it('escapes quotes and notes in tooltips', async () => {
    const { model } = setup([{ uri: 'file:///w/a.txt', annotations: [ann('file:///w/a.txt', 'a-1', 0, { quote: '<img src=x onerror=alert(1)>', note: '[x](command:y)' })] }]);
    const root = await model.children();
    const [a] = await model.children(root[0]);
    assert.ok(!/(^|[^\\])[<[\]()]/.test(a!.item.tooltip!), a!.item.tooltip);
  });

  it('suggests tagging when articles exist but nothing is annotated', async () => {
    const { model } = setup([]);
    assert.deepEqual(await model.children(), []);
    assert.match(model.message()!, /Tag Selection/);
  });
});
