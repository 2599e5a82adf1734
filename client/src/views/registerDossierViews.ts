import * as vscode from 'vscode';
import { IndexChangedNotification, RemoveAnnotationRequest, StatusRequest, type IndexChangedParams, type TreeEntitySort, type TreeEntityType } from '../../../server/src/protocol';
import { registerCommands } from '../commands';
import type { ServerApi } from '../serverApi';
import { AnnotationsModel } from './annotationsModel';
import { ViewCommands, ViewIds } from './commandIds';
import { EntitiesModel } from './entitiesModel';
import { mergeEntities, renameEntity, type EntityEditContext } from './entityEdits';
import { ENTITY_TYPE_LABELS, ENTITY_TYPE_ORDER } from './entityPresentation';
import { annotationOf, articleUriOf, nameOf } from './nodeRefs';
import { mergeChanges, RefreshScheduler } from './refreshScheduler';
import { TimelineModel } from './timelineModel';
import { ModelTreeProvider } from './treeProvider';
import type { TreeModel } from './treeModel';
import { createViewsApi, type DossierViewsApi } from './viewsApi';

export type { DossierViewsApi } from './viewsApi';

/** The setting that orders the Entities view. */
export const SORT_SETTING = 'dossier.entities.sortBy';
const SORTS: readonly TreeEntitySort[] = ['count', 'name', 'latest'];
/** How often the views ask whether the first indexing is over. */
const INDEX_POLL_MS = 1000;

/** What the views need from the composition root. */
export interface DossierViewsOptions {
  /** Resolves when the language server answers; the trees wait for it before their first request. */
  readonly ready: Promise<void>;
  readonly log: vscode.LogOutputChannel;
}

function sortSetting(): TreeEntitySort {
  const v = vscode.workspace.getConfiguration().get<string>(SORT_SETTING);
  return SORTS.includes(v as TreeEntitySort) ? (v as TreeEntitySort) : 'count';
}

/**
 * Creates the Dossier views (Entities, Annotations, Timeline), their
 * commands and their refresh on index changes; everything is registered on
 * `context.subscriptions`. Returns the views' part of the extension API.
 */
export function registerDossierViews(context: vscode.ExtensionContext, server: ServerApi, options: DossierViewsOptions): DossierViewsApi {
  const { log } = options;
  // Views may be shown before the server has started: their requests wait for it.
  const gated: ServerApi = {
    request: async (def, params) => {
      await options.ready;
      return server.request(def, params);
    },
    onNotification: (def, handler) => server.onNotification(def, handler),
  };
  const entities = new EntitiesModel(gated, { sort: sortSetting() });
  const annotations = new AnnotationsModel(gated);
  const timeline = new TimelineModel(gated);
  const models: Record<'entities' | 'annotations' | 'timeline', TreeModel> = { entities, annotations, timeline };

  const viewOf = new Map<TreeModel, vscode.TreeView<unknown>>();
  const updateChrome = (model: TreeModel, view: vscode.TreeView<unknown>): void => {
    view.message = model.message();
    view.description = model.description();
    const ws = model.workspace;
    if (ws) void vscode.commands.executeCommand('setContext', 'dossier.noArticles', ws.indexReady && ws.articleCount === 0);
    if (model === entities) void vscode.commands.executeCommand('setContext', 'dossier.entities.filtered', entities.filtered);
  };
  for (const [name, model] of Object.entries(models)) {
    let view: vscode.TreeView<unknown> | undefined;
    const provider = new ModelTreeProvider(model, log, () => view && updateChrome(model, view));
    view = vscode.window.createTreeView(ViewIds[name as keyof typeof ViewIds], {
      treeDataProvider: provider,
      showCollapseAll: true,
      canSelectMany: name === 'entities',
    });
    viewOf.set(model, view);
    context.subscriptions.push(provider, view, { dispose: () => model.dispose() });
  }

  const refreshAll = async (): Promise<void> => {
    await Promise.all(Object.values(models).map((m) => m.refresh()));
  };
  // A hidden view does not refetch on every index change (a cold scan fires many):
  // its changes wait, merged, until it is shown again or read through the API.
  const deferred = new Map<TreeModel, IndexChangedParams>();
  const apply = (model: TreeModel, change: IndexChangedParams): Promise<void> =>
    model.refresh(change).catch((err: unknown) => log.warn(`Dossier ${model.viewId}: refresh failed: ${String(err)}`));
  const flush = async (model: TreeModel): Promise<void> => {
    const change = deferred.get(model);
    if (!change) return;
    deferred.delete(model);
    await apply(model, change);
  };
  const scheduler = new RefreshScheduler((change) => {
    for (const [model, view] of viewOf) {
      if (view.visible) void apply(model, change);
      else {
        const before = deferred.get(model);
        deferred.set(model, before ? mergeChanges(before, change) : change);
      }
    }
  });
  for (const [model, view] of viewOf) {
    context.subscriptions.push(view.onDidChangeVisibility((e) => e.visible && void flush(model)));
  }
  context.subscriptions.push(
    { dispose: () => scheduler.dispose() },
    server.onNotification(IndexChangedNotification, (change) => scheduler.push(change)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SORT_SETTING)) void entities.setSort(sortSetting());
    }),
  );

  // The end of the first scan changes no entity when the workspace is empty, so no index
  // change tells the views; ask until it is over, then refresh once (welcome or full trees).
  let watching = true;
  context.subscriptions.push({ dispose: () => void (watching = false) });
  void (async () => {
    try {
      await options.ready;
      while (watching && !(await server.request(StatusRequest, undefined)).indexReady) {
        await new Promise((resolve) => setTimeout(resolve, INDEX_POLL_MS));
      }
      if (watching) await refreshAll();
    } catch (err) {
      log.warn(`Dossier views: could not follow the first indexing: ${String(err)}`);
    }
  })();

  const setSort = (sort: TreeEntitySort) => vscode.workspace.getConfiguration().update(SORT_SETTING, sort, vscode.ConfigurationTarget.Global);
  const editContext: EntityEditContext = { server: gated, entities, log, afterEdit: refreshAll };

  registerCommands(context, {
    [ViewCommands.revealRange]: (uri: string, start: number, end: number) => revealRange(uri, start, end),
    [ViewCommands.entitiesRefresh]: () => entities.refresh(),
    [ViewCommands.annotationsRefresh]: () => annotations.refresh(),
    [ViewCommands.timelineRefresh]: () => timeline.refresh(),
    [ViewCommands.entitiesSortByCount]: () => setSort('count'),
    [ViewCommands.entitiesSortByName]: () => setSort('name'),
    [ViewCommands.entitiesSortByLatest]: () => setSort('latest'),
    [ViewCommands.entitiesSortBy]: async () => {
      const current = entities.current.sort;
      const items = [
        { label: 'By number of stories', sort: 'count' as const },
        { label: 'By name', sort: 'name' as const },
        { label: 'By latest story', sort: 'latest' as const },
      ].map((i) => ({ ...i, description: i.sort === current ? 'current' : undefined }));
      const pick = await vscode.window.showQuickPick(items, { title: 'Sort entities' });
      if (pick) await setSort(pick.sort);
    },
    [ViewCommands.entitiesFilter]: async () => {
      const text = await vscode.window.showInputBox({
        title: 'Filter entities',
        prompt: 'Show the entities whose name or an alias contains this text (empty shows all).',
        value: entities.current.filter,
      });
      if (text !== undefined) await entities.setFilter(text);
    },
    [ViewCommands.entitiesFilterByType]: async () => {
      const current = entities.current.types;
      const picks = await vscode.window.showQuickPick(
        ENTITY_TYPE_ORDER.map((t) => ({ label: ENTITY_TYPE_LABELS[t].group, type: t as TreeEntityType, picked: current.length === 0 || current.includes(t) })),
        { title: 'Show entity types', canPickMany: true },
      );
      if (!picks) return;
      await entities.setTypes(picks.length === ENTITY_TYPE_ORDER.length ? [] : picks.map((p) => p.type));
    },
    [ViewCommands.entitiesClearFilter]: () => entities.clearFilter(),
    [ViewCommands.renameEntity]: (node: unknown, second?: unknown) => renameEntity(editContext, node, second),
    [ViewCommands.mergeEntities]: (node: unknown, second?: unknown) => mergeEntities(editContext, node, second),
    [ViewCommands.copyName]: async (node: unknown) => {
      const name = nameOf(node);
      if (name) await vscode.env.clipboard.writeText(name);
    },
    [ViewCommands.revealInExplorer]: async (node: unknown) => {
      const uri = articleUriOf(node);
      if (uri) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(uri));
    },
    [ViewCommands.removeAnnotation]: async (node: unknown, options?: { skipConfirmation?: boolean }) => {
      const a = annotationOf(node);
      if (!a) {
        void vscode.window.showInformationMessage('Select an annotation in the Dossier Annotations view to remove it.');
        return undefined;
      }
      if (!options?.skipConfirmation) {
        const answer = await vscode.window.showWarningMessage(
          `Remove the ${a.type} annotation on “${a.quote.length > 60 ? `${a.quote.slice(0, 59)}…` : a.quote}”?`,
          { modal: true, detail: a.note ? 'Its note is removed with it.' : undefined },
          'Remove',
        );
        if (answer !== 'Remove') return undefined;
      }
      const result = await gated.request(RemoveAnnotationRequest, { uri: a.uri, id: a.id });
      if (!result.removed) void vscode.window.showWarningMessage(`The annotation was not removed: ${result.reason ?? 'unknown reason'}.`);
      await annotations.refresh();
      return result;
    },
  });

  return createViewsApi({ entities, annotations, timeline }, { beforeRead: (view) => flush(models[view]) });
}

/** Opens an article and selects a range given as UTF-16 offsets of its text. */
async function revealRange(uri: string, start: number, end: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
}
