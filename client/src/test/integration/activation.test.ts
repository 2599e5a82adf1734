import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateDossier, EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('activates and its language server answers the status request', async () => {
    const api = await activateDossier();
    const status = await api.status();
    assert.match(status.version, /^\d+\.\d+\.\d+$/);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    await activateDossier();
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('runs the Show Output command', async () => {
    await activateDossier();
    await vscode.commands.executeCommand('dossier.showOutput');
  });
});
