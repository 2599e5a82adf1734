import * as assert from 'node:assert/strict';
import { NodeStore, type ChangedNodes, type NodeSpec } from '../../../views/nodeStore';
import type { TreeItemData } from '../../../views/treeItemData';

function spec(id: string, label = id, children?: NodeSpec[]): NodeSpec {
  const item: TreeItemData = { id, label, collapsible: children ? 'collapsed' : 'none' };
  return children ? { item, data: { label }, children } : { item, data: { label } };
}

/** The ids of a refresh (fails on a root refresh). */
function ids(refresh: ChangedNodes): string[] {
  assert.notEqual(refresh, 'root');
  return (refresh as Exclude<ChangedNodes, 'root'>).map((n) => n.id);
}

/** Loads the root and marks every node as shown, like an expanded tree in VS Code. */
function shown(store: NodeStore, specs: NodeSpec[]): void {
  store.reconcile(undefined, specs);
  const walk = (nodes: ReturnType<NodeStore['all']>): void => {
    store.markServed(nodes);
    for (const n of nodes) walk(store.childrenOf(n) ?? []);
  };
  walk(store.rootChildren() ?? []);
}

describe('NodeStore', () => {
  it('the first load refreshes nothing; a new root list refreshes the root', () => {
    const store = new NodeStore();
    assert.deepEqual(store.reconcile(undefined, [spec('a'), spec('b')]).refresh, []);
    assert.equal(store.reconcile(undefined, [spec('b'), spec('a')]).refresh, 'root');
  });

  it('refreshes only the changed node, and keeps its object', () => {
    const store = new NodeStore();
    shown(store, [spec('g', 'G', [spec('x'), spec('y')])]);
    const y = store.get('y');
    const { refresh, changed } = store.reconcile(undefined, [spec('g', 'G', [spec('x'), spec('y', 'Y!')])]);
    assert.deepEqual(refresh, [y]);
    assert.equal(store.get('y'), y);
    assert.equal(y!.item.label, 'Y!');
    assert.deepEqual([...changed].map((n) => n.id), ['y']);
  });

  it('refreshes a parent whose children changed, not also the children under it', () => {
    const store = new NodeStore();
    shown(store, [spec('g', 'G', [spec('x'), spec('y')])]);
    const { refresh } = store.reconcile(undefined, [spec('g', 'G', [spec('x', 'X!'), spec('z')])]);
    assert.deepEqual(ids(refresh), ['g']);
    assert.equal(store.get('y'), undefined, 'a removed node is forgotten');
  });

  it('moves a node between parents without losing it', () => {
    const store = new NodeStore();
    shown(store, [spec('p', 'P', [spec('e')]), spec('q', 'Q', [])]);
    const e = store.get('e');
    const { refresh } = store.reconcile(undefined, [spec('p', 'P', []), spec('q', 'Q', [spec('e')])]);
    assert.deepEqual(ids(refresh).sort(), ['p', 'q']);
    assert.equal(store.get('e'), e);
    assert.equal(e!.parent, store.get('q'));
  });

  it('does not refresh nodes VS Code has not been given', () => {
    const store = new NodeStore();
    store.reconcile(undefined, [spec('g', 'G', [spec('x')])]);
    store.markServed(store.rootChildren()!);
    const { refresh, changed } = store.reconcile(undefined, [spec('g', 'G', [spec('x', 'X!')])]);
    assert.deepEqual(refresh, []);
    assert.equal(changed.size, 1);
  });

  it('unload forgets the descendants so that they load again', () => {
    const store = new NodeStore();
    shown(store, [spec('g', 'G', [spec('x', 'X', [spec('m')])])]);
    const x = store.get('x')!;
    store.unload(x);
    assert.equal(store.isLoaded(x), false);
    assert.equal(store.get('m'), undefined);
    assert.ok(store.get('x'));
  });
});
