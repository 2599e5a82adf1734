import * as vscode from 'vscode';

/** Sidecar suffix: `story.txt` keeps its annotations in `story.txt.annotations.yaml`. */
const SIDECAR_SUFFIX = '.annotations.yaml';

/**
 * Moves an article's sidecar with the article when the analyst renames or
 * moves it in the editor, so its annotations stay attached. A sidecar is never
 * moved onto an existing file (that would overwrite someone's annotations);
 * the log says so instead. Deleting an article leaves its sidecar alone.
 */
export function sidecarsFollowRenames(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.workspace.onDidRenameFiles(async (event) => {
    for (const { oldUri, newUri } of event.files) {
      if (oldUri.path.endsWith(SIDECAR_SUFFIX)) continue;
      const from = oldUri.with({ path: oldUri.path + SIDECAR_SUFFIX });
      const to = newUri.with({ path: newUri.path + SIDECAR_SUFFIX });
      if (!(await exists(from))) continue;
      if (await exists(to)) {
        log.warn(`Not moving ${vscode.workspace.asRelativePath(from)}: ${vscode.workspace.asRelativePath(to)} already exists`);
        void vscode.window.showWarningMessage(`Dossier kept the annotations of ${vscode.workspace.asRelativePath(oldUri)} in ${vscode.workspace.asRelativePath(from)}: a sidecar for the new name already exists.`);
        continue;
      }
      try {
        await vscode.workspace.fs.rename(from, to, { overwrite: false });
        log.info(`Moved annotations ${vscode.workspace.asRelativePath(from)} -> ${vscode.workspace.asRelativePath(to)}`);
      } catch (err) {
        log.error(`Could not move ${from.toString()} to ${to.toString()}: ${String(err)}`);
      }
    }
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
