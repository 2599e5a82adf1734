/**
 * The annotations library: the sidecar model, its YAML format, anchoring that
 * survives edits, and the analyst's commands as sidecar edits. Pure: the file
 * system side is `server/src/node/sidecarStore.ts`.
 */

export * from './model';
export * from './anchor';
export * from './textChange';
export * from './create';
export * from './edits';
export * from './resolve';
export * from './knowledge';
export * from './sidecarName';
export { applySidecarEdits, parseSidecar, parseSidecarDocument, stringifySidecar, MAX_ALIAS_COUNT, MAX_SIDECAR_LENGTH } from './sidecarYaml';
export type { SidecarDocument, SidecarEdit, SidecarEditOutcome, SidecarEditResult } from './sidecarYaml';
export type { AnnotationChanges } from './sidecarNodes';
