import * as vscode from 'vscode';
import { looksLikeArticle } from '../../server/src/core/features/sniff';

/** How much of a `.txt` file the sniff reads: enough for a headline, a date line and a dateline. */
const SNIFF_CHARS = 4096;
const ARTICLE_LANGUAGE = 'news-article';

/**
 * Gives plain-text documents the `news-article` language when they are
 * articles: `.article` files are claimed by the manifest; `.txt` files are
 * sniffed cheaply (first 4 KB, in the client, no server round trip) or matched
 * against the `dossier.articles.include` globs. Each document is decided once
 * per session, so an analyst who switches a file back to Plain Text keeps it so.
 */
export class ArticleDetection implements vscode.Disposable {
  private readonly decided = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(vscode.workspace.onDidOpenTextDocument((doc) => void this.consider(doc)));
    for (const doc of vscode.workspace.textDocuments) void this.consider(doc);
  }

  /** Marks the document as an article regardless of the sniff ("Treat This File as an Article"). */
  async treatAsArticle(doc: vscode.TextDocument): Promise<void> {
    this.decided.add(doc.uri.toString());
    if (doc.languageId !== ARTICLE_LANGUAGE) await vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
    await rememberInclude(doc.uri);
  }

  private async consider(doc: vscode.TextDocument): Promise<void> {
    if (doc.languageId !== 'plaintext') return;
    const key = doc.uri.toString();
    if (this.decided.has(key)) return;
    this.decided.add(key);
    const why = matchesInclude(doc) ? 'it matches dossier.articles.include' : sniffReason(doc);
    if (!why) return;
    this.log.info(`Treating ${vscode.workspace.asRelativePath(doc.uri)} as an article: ${why}`);
    await vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function matchesInclude(doc: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration('dossier', doc.uri).get<string[]>('articles.include', []);
  return globs.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
}

function sniffReason(doc: vscode.TextDocument): string | undefined {
  if (!/\.txt$/i.test(doc.uri.path)) return undefined;
  const head = doc.getText(new vscode.Range(0, 0, doc.positionAt(SNIFF_CHARS).line + 1, 0)).slice(0, SNIFF_CHARS);
  const sniff = looksLikeArticle(head);
  return sniff.isArticle ? `it looks like one (${sniff.reasons.join(', ')})` : undefined;
}

/** Adds the file to the workspace folder's `dossier.articles.include`, so the choice survives a restart. */
async function rememberInclude(uri: vscode.Uri): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return;
  const config = vscode.workspace.getConfiguration('dossier', uri);
  const relative = vscode.workspace.asRelativePath(uri, false);
  const current = config.get<string[]>('articles.include', []);
  if (current.includes(relative)) return;
  await config.update('articles.include', [...current, relative], vscode.ConfigurationTarget.WorkspaceFolder);
}
