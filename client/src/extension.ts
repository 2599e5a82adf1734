import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReindexRequest, StatusRequest, type ServerStatus } from '../../server/src/protocol';
import { registerAnnotations, type AnnotationsApi } from './annotations/registerAnnotations';
import { sidecarsFollowRenames } from './annotations/sidecarsFollowRenames';
import { ArticleDetection } from './articleDetection';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { createServerApi, type ServerApi } from './serverApi';
import { registerDossierViews, type DossierViewsApi } from './views/registerDossierViews';

/** What the extension returns from activate(); integration tests drive it. */
export interface DossierApi {
  /** Resolves when the language server has started and answered. */
  readonly ready: Promise<void>;
  readonly server: ServerApi;
  /** The Dossier tree views (Entities, Annotations, Timeline) as plain data. */
  readonly views: DossierViewsApi;
  /** Analyst annotations of articles, as the editor shows them. */
  readonly annotations: AnnotationsApi;
  status(): Promise<ServerStatus>;
}

let client: LanguageClient | undefined;

/** The composition root: every service is created here and every disposable registered. */
export function activate(context: vscode.ExtensionContext): DossierApi {
  const log = vscode.window.createOutputChannel('Dossier', { log: true });
  context.subscriptions.push(log);
  client = createLanguageClient(context, log);
  const languageClient = client;
  const server = createServerApi(languageClient);

  const ready = languageClient.start().then(async () => {
    const status = await server.request(StatusRequest, undefined);
    log.info(`Dossier language server ${status.version} is ready`);
  });
  ready.catch((err: unknown) => log.error(`The Dossier language server failed to start: ${String(err)}`));

  const views = registerDossierViews(context, server, { ready, log });
  const annotations = registerAnnotations(context, server, { ready, log });
  context.subscriptions.push(sidecarsFollowRenames(log));
  const detection = new ArticleDetection(log);
  context.subscriptions.push(detection);

  registerCommands(context, {
    'dossier.treatAsArticle': async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage('Open a text file first, then run "Dossier: Treat This File as an Article".');
        return;
      }
      await detection.treatAsArticle(doc);
    },
    'dossier.reindexWorkspace': async () => {
      const status = await server.request(ReindexRequest, undefined);
      log.info(`Re-indexed: ${status.indexedFiles} article files`);
    },
    'dossier.showOutput': () => log.show(true),
    'dossier.restartServer': async () => {
      await languageClient.restart();
      log.info('Dossier language server restarted');
    },
  });

  return { ready, server, views, annotations, status: () => server.request(StatusRequest, undefined) };
}

/** Stops the language server; VS Code awaits the returned promise. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
