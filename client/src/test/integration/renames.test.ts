import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { activateDossier, waitFor, workspaceFile } from './helpers';

async function exists(relative: string): Promise<boolean> {
  return fsp.access(workspaceFile(relative).fsPath).then(() => true, () => false);
}

describe('sidecars follow their articles', () => {
  before(activateDossier);

  it('moves the sidecar when the article is renamed in the editor', async () => {
    await fsp.mkdir(workspaceFile('renames').fsPath, { recursive: true });
    const sidecar = '# kept by the analyst\ndossier: 1\nannotations: []\n';
    await fsp.writeFile(workspaceFile('renames/draft.article').fsPath, 'Headline\n\nUpdated 19 January 2024\n\nISLAMABAD: Body text.\n');
    await fsp.writeFile(workspaceFile('renames/draft.article.annotations.yaml').fsPath, sidecar);

    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceFile('renames/draft.article'), workspaceFile('renames/final.article'));
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename applies');

    await waitFor(() => exists('renames/final.article.annotations.yaml'), 'the sidecar under the new name');
    assert.equal(await exists('renames/draft.article.annotations.yaml'), false, 'no sidecar left under the old name');
    assert.equal(await fsp.readFile(workspaceFile('renames/final.article.annotations.yaml').fsPath, 'utf8'), sidecar, 'content and comment kept');
  });

  it('never overwrites an existing sidecar of the new name', async () => {
    await fsp.writeFile(workspaceFile('renames/one.article').fsPath, 'One\n\nBody.\n');
    await fsp.writeFile(workspaceFile('renames/one.article.annotations.yaml').fsPath, 'dossier: 1\nannotations: []\n# one\n');
    await fsp.writeFile(workspaceFile('renames/two.article.annotations.yaml').fsPath, 'dossier: 1\nannotations: []\n# two\n');

    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceFile('renames/one.article'), workspaceFile('renames/two.article'));
    assert.ok(await vscode.workspace.applyEdit(edit));

    await waitFor(() => exists('renames/two.article'), 'the renamed article');
    assert.match(await fsp.readFile(workspaceFile('renames/two.article.annotations.yaml').fsPath, 'utf8'), /# two/);
    assert.equal(await exists('renames/one.article.annotations.yaml'), true, 'the old sidecar stays where it was');
  });
});
