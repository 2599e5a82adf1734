import type { ViewName } from './commandIds';
import type { EntitiesModel } from './entitiesModel';
import type { TreeModel } from './treeModel';
import { toPlain, type PlainTreeItem, type ViewNode } from './treeItemData';

/** The three tree models. */
export interface DossierViewModels {
  readonly entities: EntitiesModel;
  readonly annotations: TreeModel;
  readonly timeline: TreeModel;
}

/**
 * The tree views as the extension's API exposes them (`DossierApi.views`):
 * integration tests read the trees as plain data and drive sort and filter
 * without clicking.
 */
export interface DossierViewsApi {
  /** The children of a node (by id; the root without one), as plain data. Loads them when needed. */
  children(view: ViewName, parentId?: string): Promise<PlainTreeItem[]>;
  /** The node with an id, once loaded: pass it to the view commands (`dossier.renameEntity`…). */
  node(view: ViewName, id: string): ViewNode | undefined;
  /** Reloads a view (every view without one) and waits for it. */
  refresh(view?: ViewName): Promise<void>;
  /** The Entities view's model: sort and filter. */
  readonly entities: Pick<EntitiesModel, 'setSort' | 'setFilter' | 'setTypes' | 'clearFilter' | 'current'>;
}

/** Hooks of the API. */
export interface ViewsApiOptions {
  /** Runs before a view is read (applies index changes held back while the view was hidden). */
  readonly beforeRead?: (view: ViewName) => Promise<void>;
}

/** Builds the API over the models. */
export function createViewsApi(models: DossierViewModels, options: ViewsApiOptions = {}): DossierViewsApi {
  const model = (view: ViewName): TreeModel => {
    const m = models[view];
    if (!m) throw new Error(`no Dossier view named ${String(view)}`);
    return m;
  };
  return {
    async children(view, parentId) {
      const m = model(view);
      await options.beforeRead?.(view);
      let parent: ViewNode | undefined;
      if (parentId !== undefined) {
        parent = m.node(parentId);
        if (!parent) throw new Error(`${view}: no node ${parentId} (load its parent first)`);
      }
      return (await m.children(parent)).map(toPlain);
    },
    node: (view, id) => model(view).node(id),
    async refresh(view) {
      const views: ViewName[] = view ? [view] : ['entities', 'annotations', 'timeline'];
      await Promise.all(views.map((v) => model(v).refresh()));
    },
    entities: models.entities,
  };
}
