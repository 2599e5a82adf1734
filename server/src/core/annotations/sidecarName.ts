/**
 * Sidecar naming: the sidecar is named from the article's full file name, so
 * `story.txt` and `story.article` never share one.
 */

/** Suffix appended to an article's file name to name its sidecar. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** `story.txt` -> `story.txt.annotations.yaml`. Takes a bare file name, not a path. */
export function sidecarFileName(articleFileName: string): string {
  return `${articleFileName}${SIDECAR_SUFFIX}`;
}

/** True for a file name (or path) that names a sidecar. */
export function isSidecarFileName(name: string): boolean {
  return name.endsWith(SIDECAR_SUFFIX) && name.length > SIDECAR_SUFFIX.length;
}

/** The article file name a sidecar belongs to, or undefined when `name` is not a sidecar name. */
export function articleFileNameOf(sidecarName: string): string | undefined {
  return isSidecarFileName(sidecarName) ? sidecarName.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}
