import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { ParsedArticles } from './parsedArticles';
import type { Settings } from './settings';
import type { WorkspaceIndexer } from './workspaceIndexer';

/**
 * What every feature's LSP glue may use. Built once in startServer and passed
 * to each `register…` function, so features never construct services themselves.
 */
export interface Services {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly index: WorkspaceIndex;
  readonly indexer: WorkspaceIndexer;
  readonly parsed: ParsedArticles;
  readonly settings: Settings;
  /** One log line to the Dossier output channel. */
  log(message: string): void;
}
