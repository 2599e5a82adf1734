import * as os from 'node:os';
import * as vscode from 'vscode';

/** The annotation types offered when the setting is missing or empty. */
export const DEFAULT_ANNOTATION_TYPES: readonly string[] = ['person', 'organization', 'location', 'group', 'event', 'claim'];

/** The author written into new annotations: `dossier.annotations.author`, else the OS user name. */
export function annotationAuthor(): string | undefined {
  const configured = vscode.workspace.getConfiguration('dossier').get<string>('annotations.author', '').trim();
  if (configured) return configured;
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined; // no user database entry (some containers): leave the author out
  }
}

/** The annotation types from `dossier.annotations.types` (non-empty strings, first occurrence kept). */
export function annotationTypes(): string[] {
  const raw = vscode.workspace.getConfiguration('dossier').get<unknown>('annotations.types');
  const list = Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim()) : [];
  return [...new Set(list.length > 0 ? list : DEFAULT_ANNOTATION_TYPES)];
}
