import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { StatusRequest, type ServerStatus } from '../protocol';

declare const DOSSIER_VERSION: string | undefined;
const version = typeof DOSSIER_VERSION === 'string' ? DOSSIER_VERSION : 'dev';

/** Wires the language service to a connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
    },
    serverInfo: { name: 'dossier', version },
  }));

  connection.onRequest(StatusRequest.method, (): ServerStatus => ({
    version,
    openDocuments: documents.all().length,
    indexedFiles: 0,
    indexReady: false,
  }));

  documents.listen(connection);
  connection.listen();
}
