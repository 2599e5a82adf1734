import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The id that names the client, its `dossier.trace.server` setting and its trace channel. */
export const CLIENT_ID = 'dossier';

/**
 * Creates (does not start) the language client for the bundled server, which
 * runs in its own Node process over IPC. The log channel is shared with the
 * rest of the extension; wire traces go to their own channel so the log stays quiet.
 */
export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'news-article' }],
    outputChannel: log,
    traceOutputChannel: vscode.window.createOutputChannel('Dossier Language Server Trace', { log: true }),
    synchronize: {
      configurationSection: 'dossier',
      // Articles and sidecars changed outside the editor (git checkout, another tool) reach the index.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,article,annotations.yaml}'),
    },
    initializationOptions: {
      storagePath: context.storageUri?.fsPath ?? context.globalStorageUri.fsPath,
    },
  };
  return new LanguageClient(CLIENT_ID, 'Dossier Language Server', serverOptions, clientOptions);
}
