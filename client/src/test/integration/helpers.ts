import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DossierApi } from '../../extension';

/** The extension's id as VS Code knows it (publisher.name). */
export const EXTENSION_ID = 'dossier.dossier';

/** Activates Dossier and waits until its language server has answered. */
export async function activateDossier(): Promise<DossierApi> {
  const ext = vscode.extensions.getExtension<DossierApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  await api.ready;
  return api;
}

/** The URI of a file of the test workspace (a sandbox copy of test-fixtures/workspace). */
export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Opens a workspace file in an editor and waits until it has the article language. */
export async function openArticle(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(relative));
  const editor = await vscode.window.showTextDocument(doc);
  await waitFor(() => editor.document.languageId === 'news-article', `${relative} to be recognized as an article`);
  return editor;
}

/**
 * Polls a condition until it holds: tests await readiness instead of sleeping
 * a fixed time. The wait ends with a clear message when it never holds.
 */
export async function waitFor<T>(probe: () => T | undefined | false | PromiseLike<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
