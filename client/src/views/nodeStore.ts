import type { TreeItemData, ViewNode } from './treeItemData';

/** What a model wants a node to be after a fetch. */
export interface NodeSpec<D = unknown> {
  readonly item: TreeItemData;
  readonly data: D;
  /** Known children (fetched with the parent), or absent for a leaf or a node whose children load lazily. */
  readonly children?: readonly NodeSpec[];
}

/** Nodes to refresh: `'root'` for the whole tree, else the topmost changed nodes VS Code has shown. */
export type ChangedNodes = 'root' | readonly ViewNode[];

/** What a reconcile changed. */
export interface ReconcileResult {
  /** What to fire `onDidChangeTreeData` with. */
  readonly refresh: ChangedNodes;
  /** Every node whose rendering or data changed (also those under a refreshed node). */
  readonly changed: ReadonlySet<ViewNode>;
}

interface Entry {
  readonly node: ViewNode;
  /** Child ids once known; undefined while a lazy node's children were never loaded. */
  childIds: string[] | undefined;
  signature: string;
  /** True once VS Code received the node from getChildren: only such nodes can be refreshed. */
  served: boolean;
}

/**
 * Keeps one object per node id across refreshes and works out which nodes a
 * new fetch changed. VS Code's tree keys its elements by object identity and
 * by `id`: reusing the same object for the same id keeps expansion and
 * selection, and firing only the changed nodes avoids the flicker of
 * rebuilding the whole tree.
 */
export class NodeStore {
  private readonly entries = new Map<string, Entry>();
  private rootIds: string[] | undefined;

  /** The root's children, or undefined before the first reconcile. */
  rootChildren(): ViewNode[] | undefined {
    return this.rootIds?.map((id) => this.entries.get(id)!.node);
  }

  /** A node's known children, or undefined when they were never loaded. */
  childrenOf(node: ViewNode): ViewNode[] | undefined {
    return this.entries.get(node.id)?.childIds?.map((id) => this.entries.get(id)!.node);
  }

  /** The node with an id, when the store holds it. */
  get(id: string): ViewNode | undefined {
    return this.entries.get(id)?.node;
  }

  /** Every node currently held. */
  all(): ViewNode[] {
    return [...this.entries.values()].map((e) => e.node);
  }

  /** Records that VS Code has been given these nodes. */
  markServed(nodes: readonly ViewNode[]): void {
    for (const n of nodes) {
      const e = this.entries.get(n.id);
      if (e) e.served = true;
    }
  }

  /** True when the node's children are loaded. */
  isLoaded(node: ViewNode): boolean {
    return this.entries.get(node.id)?.childIds !== undefined;
  }

  /** Forgets a node's descendants so that its children load again; the node itself stays. */
  unload(node: ViewNode): void {
    const e = this.entries.get(node.id);
    if (!e?.childIds) return;
    for (const id of e.childIds) this.remove(id);
    e.childIds = undefined;
  }

  /** Forgets everything (a new filter, say); returns nothing to fire: the caller refreshes the root. */
  clear(): void {
    this.entries.clear();
    this.rootIds = undefined;
  }

  /**
   * Replaces the children of `parent` (the root when undefined) with `specs`,
   * recursively for the children the specs carry, and returns the nodes to
   * refresh. The first load of a level refreshes nothing (VS Code asked for it).
   */
  reconcile(parent: ViewNode | undefined, specs: readonly NodeSpec[]): ReconcileResult {
    const changed = new Set<ViewNode | 'root'>();
    const touched = new Set<string>();
    const dropped = new Set<string>();
    this.apply(parent, specs, changed, touched, dropped);
    for (const id of dropped) if (!touched.has(id)) this.remove(id);
    const nodes = [...changed].filter((n): n is ViewNode => n !== 'root' && this.entries.has(n.id));
    return { refresh: changed.has('root') ? 'root' : this.topmost(nodes), changed: new Set(nodes) };
  }

  private apply(
    parent: ViewNode | undefined,
    specs: readonly NodeSpec[],
    changed: Set<ViewNode | 'root'>,
    touched: Set<string>,
    dropped: Set<string>,
  ): void {
    const parentEntry = parent ? this.entries.get(parent.id) : undefined;
    const oldIds = parent ? parentEntry?.childIds : this.rootIds;
    const newIds = specs.map((s) => s.item.id);
    if (oldIds !== undefined && !sameList(oldIds, newIds)) changed.add(parent ?? 'root');
    if (oldIds) for (const id of oldIds) if (!newIds.includes(id)) dropped.add(id);
    if (parent) {
      if (parentEntry) parentEntry.childIds = newIds;
    } else {
      this.rootIds = newIds;
    }
    for (const spec of specs) {
      const id = spec.item.id;
      touched.add(id);
      const signature = JSON.stringify([spec.item, spec.data]);
      let entry = this.entries.get(id);
      if (!entry) {
        entry = { node: { id, item: spec.item, data: spec.data, parent }, childIds: undefined, signature, served: false };
        this.entries.set(id, entry);
      } else {
        if (entry.signature !== signature) changed.add(entry.node);
        if (entry.node.parent !== parent) {
          // Moved (an entity whose type changed): both parents' lists changed already.
          entry.node.parent = parent;
        }
        entry.node.item = spec.item;
        entry.node.data = spec.data;
        entry.signature = signature;
      }
      if (spec.children) this.apply(entry.node, spec.children, changed, touched, dropped);
    }
  }

  private remove(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    for (const c of e.childIds ?? []) this.remove(c);
  }

  /** Keeps only nodes VS Code has seen and still held, and drops those under another refreshed node. */
  topmost(candidates: Iterable<ViewNode>): ViewNode[] {
    const nodes = [...new Set(candidates)].filter((n) => this.entries.get(n.id)?.node === n && this.entries.get(n.id)?.served);
    const set = new Set(nodes);
    return nodes.filter((n) => {
      for (let p = n.parent; p; p = p.parent) if (set.has(p)) return false;
      return true;
    });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
