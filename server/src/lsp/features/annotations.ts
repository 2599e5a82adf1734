import { hasAnnotationService, registerAnnotationHandlers } from '../annotations/handlers';
import type { Feature } from '../feature';

/**
 * Analyst annotations: the sidecar-backed commands, anchoring that follows
 * edits, orphan and sidecar diagnostics, and the Confirm / Reject / Re-attach
 * code actions. The service itself is built by the composition root (the
 * index needs it as its annotations provider) and handed over in Services.
 */
export const annotationsFeature: Feature = (services) => {
  if (!hasAnnotationService(services)) throw new Error('The annotations feature needs the AnnotationService in Services (see startServer).');
  return registerAnnotationHandlers(services);
};
