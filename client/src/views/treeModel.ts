import type { IndexChangedParams, TreeWorkspaceState } from '../../../server/src/protocol';
import type { ServerApi } from '../serverApi';
// The core's emitter: pure, so the tree models stay testable without an editor.
import { Emitter, type Event } from '../../../server/src/core/index/emitter';
import { NodeStore, type ChangedNodes, type NodeSpec } from './nodeStore';
import type { ViewNode } from './treeItemData';

/** What the VS Code provider (and the tests) need from a tree model. */
export interface TreeModel {
  /** The view id in package.json (`dossier.entities`…). */
  readonly viewId: string;
  /** Fires the nodes to refresh; `undefined` refreshes the whole tree. */
  readonly onDidChange: Event<readonly ViewNode[] | undefined>;
  /** The root's children (no parent) or a node's, fetched from the server when needed. */
  children(parent?: ViewNode): Promise<readonly ViewNode[]>;
  /**
   * Fetches again after an index change and fires only the nodes that
   * changed; without a change (the Refresh command) everything is reloaded.
   */
  refresh(change?: IndexChangedParams): Promise<void>;
  /** Workspace facts from the last answer; undefined before the first. */
  readonly workspace: TreeWorkspaceState | undefined;
  /** A loaded node by id. */
  node(id: string): ViewNode | undefined;
  /** Text for the view's message area (e.g. "No entity matches …"), if any. */
  message(): string | undefined;
  /** Text for the view's description (next to its title), if any. */
  description(): string | undefined;
  dispose(): void;
}

/**
 * The shared machinery of the three trees: stable nodes, serialized root
 * fetches (a refresh never interleaves with another), lazily loaded levels,
 * and targeted change events.
 */
export abstract class BaseTreeModel<R extends TreeWorkspaceState> implements TreeModel {
  protected readonly store = new NodeStore();
  private readonly changes = new Emitter<readonly ViewNode[] | undefined>();
  readonly onDidChange = this.changes.event;
  protected rootData: R | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** How many times each lazy node was unloaded, to discard answers that predate the last time. */
  private readonly unloads = new WeakMap<ViewNode, number>();
  /** Lazy nodes whose children are being fetched. */
  private readonly inFlight = new Set<ViewNode>();

  constructor(
    readonly viewId: string,
    protected readonly server: ServerApi,
  ) {}

  get workspace(): TreeWorkspaceState | undefined {
    return this.rootData && { articleCount: this.rootData.articleCount, indexReady: this.rootData.indexReady };
  }

  /** Fetches the view's root data. */
  protected abstract fetchRoot(): Promise<R>;
  /** Turns the root data into nodes (with every level that came with it). */
  protected abstract rootSpecs(data: R): NodeSpec[];
  /** Loads the children of a node whose spec had none; undefined for a leaf. */
  protected fetchChildren(_node: ViewNode): Promise<NodeSpec[]> | undefined {
    return undefined;
  }
  /** Whether an index change can affect this view at all. */
  protected affects(_change: IndexChangedParams): boolean {
    return true;
  }
  /** Lazily loaded nodes whose children an index change made stale. */
  protected staleLoaded(_change: IndexChangedParams, _changed: ReadonlySet<ViewNode>): ViewNode[] {
    return [];
  }

  node(id: string): ViewNode | undefined {
    return this.store.get(id);
  }

  message(): string | undefined {
    return undefined;
  }

  description(): string | undefined {
    return undefined;
  }

  async children(parent?: ViewNode): Promise<readonly ViewNode[]> {
    if (!parent) {
      if (!this.store.rootChildren()) await this.enqueue(() => (this.store.rootChildren() ? undefined : this.load()));
      const nodes = this.store.rootChildren() ?? [];
      this.store.markServed(nodes);
      return nodes;
    }
    let nodes = this.store.childrenOf(parent);
    if (!nodes) {
      const generation = this.unloads.get(parent) ?? 0;
      const pending = this.fetchChildren(parent);
      if (!pending) return [];
      this.inFlight.add(parent);
      let specs: NodeSpec[];
      try {
        specs = await pending;
      } finally {
        this.inFlight.delete(parent);
      }
      // The parent may have gone while the server answered, or been unloaded by a
      // refresh (then this answer may predate the change: ask again).
      if (this.store.get(parent.id) !== parent) return [];
      if ((this.unloads.get(parent) ?? 0) !== generation) return this.children(parent);
      const { refresh } = this.store.reconcile(parent, specs);
      nodes = this.store.childrenOf(parent) ?? [];
      this.store.markServed(nodes);
      this.fire(refresh);
      return nodes;
    }
    this.store.markServed(nodes);
    return nodes;
  }

  async refresh(change?: IndexChangedParams): Promise<void> {
    if (change && !this.affects(change)) return;
    await this.enqueue(async () => {
      if (!this.store.rootChildren()) return; // Never shown: the first getChildren fetches fresh data.
      if (!change) {
        for (const n of [...this.store.all().filter((x) => this.isLoadedLazy(x)), ...this.inFlight]) this.unload(n);
        await this.load();
        this.fire('root');
        return;
      }
      // A load under way may answer from before this change: its answer will be discarded.
      for (const n of this.inFlight) this.unload(n);
      const { refresh, changed } = await this.load();
      const stale = this.staleLoaded(change, changed).filter((n) => this.store.isLoaded(n));
      for (const n of stale) this.unload(n);
      this.fire(refresh === 'root' ? 'root' : this.store.topmost([...refresh, ...stale]));
    });
  }

  /** Fetches the root again (new sort or filter) and fires what changed. */
  protected async requery(): Promise<void> {
    await this.enqueue(async () => {
      if (!this.store.rootChildren()) {
        this.fire('root');
        return;
      }
      const { refresh } = await this.load();
      this.fire(refresh);
    });
  }

  dispose(): void {
    this.changes.dispose();
  }

  private isLoadedLazy(node: ViewNode): boolean {
    return this.store.isLoaded(node) && this.isLazy(node);
  }

  /** Forgets a lazy node's children; a load of them already under way is discarded. */
  private unload(node: ViewNode): void {
    this.unloads.set(node, (this.unloads.get(node) ?? 0) + 1);
    this.store.unload(node);
  }

  /** True for nodes whose children come from `fetchChildren` rather than with the root. */
  protected isLazy(_node: ViewNode): boolean {
    return false;
  }

  private async load(): Promise<ReturnType<NodeStore['reconcile']>> {
    const data = await this.fetchRoot();
    this.rootData = data;
    return this.store.reconcile(undefined, this.rootSpecs(data));
  }

  private enqueue<T>(work: () => Promise<T> | T | undefined): Promise<T | undefined> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private fire(refresh: ChangedNodes): void {
    if (refresh === 'root') this.changes.fire(undefined);
    else if (refresh.length) this.changes.fire(refresh);
  }
}
