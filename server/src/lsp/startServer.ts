import { TextDocuments, TextDocumentSyncKind, FileChangeType, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { parseArticle } from '../core/article/parseArticle';
import { createArticleAnalyzer } from '../core/index/articleAnalyzer';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import { createRecognizer } from '../core/recognize/recognizer';
import { ReindexRequest, StatusRequest, type ServerStatus } from '../protocol';
import { features } from './features';
import { ParsedArticles } from './parsedArticles';
import { Settings } from './settings';
import { WorkspaceIndexer } from './workspaceIndexer';
import { AnnotationService } from './annotations/annotationService';
import type { AnnotationServices } from './annotations/handlers';

declare const DOSSIER_VERSION: string | undefined;
const version = typeof DOSSIER_VERSION === 'string' ? DOSSIER_VERSION : 'dev';
declare const DOSSIER_ANALYZER: string | undefined;
/** The index cache's key: the build's analysis code and data (see esbuild.mjs), not just the package version. */
const analyzerVersion = typeof DOSSIER_ANALYZER === 'string' ? DOSSIER_ANALYZER : version;

/** Wires the language service to a connection and starts listening. */
export function startServer(connection: Connection): void {
  const log = (message: string) => connection.console.log(message);
  const documents = new TextDocuments(TextDocument);
  const settings = new Settings(connection);
  let storagePath: string | undefined;
  // The annotation service supplies the index's annotations and swaps in a recognizer that knows the analyst's confirmations.
  const annotations = new AnnotationService({ recognizer: createRecognizer(), storageDir: () => storagePath });
  const index = new WorkspaceIndex({
    analyze: annotations.knowledge.wrap(createArticleAnalyzer({
      parse: parseArticle,
      recognize: (text, options) => annotations.knowledge.recognizer.recognize(text, options),
      fileDate: (uri) => indexer.fileDay(uri),
    })),
    annotations: annotations.provide,
    hash: annotations.knowledge.hash,
    analyzerVersion,
  });
  const indexer: WorkspaceIndexer = new WorkspaceIndexer({
    connection,
    index,
    include: () => settings.include,
    isOpen: (uri) => documents.get(uri) !== undefined,
    get storagePath() { return storagePath; },
    log,
    // The cold scan analyses in worker threads with the knowledge in force.
    knowledge: annotations.knowledge,
  });
  const services: AnnotationServices = { connection, documents, index, indexer, parsed: new ParsedArticles(), settings, log, annotations, sidecars: annotations.store };
  const capabilities: ServerCapabilities = features.reduce<ServerCapabilities>((caps, feature) => ({ ...caps, ...feature(services) }), {});
  let folders: string[] = [];

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    storagePath = (params.initializationOptions as { storagePath?: string } | undefined)?.storagePath;
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...capabilities,
      },
      serverInfo: { name: 'dossier', version },
    };
  });

  let folderEvents = false;
  connection.onInitialized(async () => {
    // Only a client that announced folder-change support may be asked for the events.
    if (folderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => URI.parse(f.uri).fsPath));
      for (const uri of index.uris()) {
        const p = URI.parse(uri).fsPath;
        if ([...removed].some((f) => p.startsWith(f))) index.delete(uri);
      }
      folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => URI.parse(f.uri).fsPath)];
      void indexer.start(folders);
    });
    }
    await settings.refresh();
    // Open documents are already in the index (didOpen comes first); the scan fills in the rest.
    void indexer.start(folders);
  });

  connection.onDidChangeConfiguration(async () => {
    const before = JSON.stringify(settings.value.articles.include);
    await settings.refresh();
    if (JSON.stringify(settings.value.articles.include) !== before) void indexer.scan();
  });

  documents.onDidChangeContent((e) => {
    index.set(e.document.uri, e.document.getText(), e.document.version);
  });
  documents.onDidClose((e) => {
    services.parsed.delete(e.document.uri);
    void indexer.documentClosed(e.document.uri);
  });

  connection.onDidChangeWatchedFiles(async (e) => {
    for (const change of e.changes) {
      if (/\.(txt|article)$/i.test(change.uri)) await indexer.fileChanged(change.uri, change.type === FileChangeType.Deleted);
      else if (change.uri.endsWith('.annotations.yaml')) await annotations.sidecarChanged(change.uri);
    }
  });

  const status = (): ServerStatus => ({
    version,
    openDocuments: documents.all().length,
    indexedFiles: index.uris().length,
    indexReady: indexer.isReady,
  });
  connection.onRequest(StatusRequest.method, status);
  connection.onRequest(ReindexRequest.method, async () => {
    await indexer.scan();
    return status();
  });

  connection.onShutdown(() => indexer.writeCache());

  documents.listen(connection);
  connection.listen();
}
