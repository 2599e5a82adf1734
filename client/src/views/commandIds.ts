/**
 * Ids of the commands the tree views contribute (see package.json). Kept in
 * one place so items, menus and the registration agree.
 */
export const ViewCommands = {
  revealRange: 'dossier.views.revealRange',
  entitiesRefresh: 'dossier.entities.refresh',
  entitiesSortBy: 'dossier.entities.sortBy',
  entitiesSortByCount: 'dossier.entities.sortByCount',
  entitiesSortByName: 'dossier.entities.sortByName',
  entitiesSortByLatest: 'dossier.entities.sortByLatest',
  entitiesFilter: 'dossier.entities.filter',
  entitiesFilterByType: 'dossier.entities.filterByType',
  entitiesClearFilter: 'dossier.entities.clearFilter',
  annotationsRefresh: 'dossier.annotations.refresh',
  timelineRefresh: 'dossier.timeline.refresh',
  renameEntity: 'dossier.renameEntity',
  mergeEntities: 'dossier.mergeEntities',
  copyName: 'dossier.copyName',
  revealInExplorer: 'dossier.revealInExplorer',
  removeAnnotation: 'dossier.removeAnnotation',
} as const;

/** The view ids in package.json. */
export const ViewIds = {
  entities: 'dossier.entities',
  annotations: 'dossier.annotations',
  timeline: 'dossier.timeline',
} as const;

/** One of the three views, as the extension API names them. */
export type ViewName = keyof typeof ViewIds;
