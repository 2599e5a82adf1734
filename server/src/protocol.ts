/**
 * The custom messages between the Dossier client and server, declared once
 * and used by both sides. Each has a literal method string; the params and
 * result types ride along as phantom types so both ends stay in step.
 * Plain objects (not vscode-jsonrpc classes) keep this file free of either
 * side's library.
 */

/** A request from the client to the server. */
export interface RequestDef<P, R> {
  readonly method: string;
  /** Never set: carries the param and result types. */
  readonly __types?: (p: P) => R;
}

/** A notification from the server to the client. */
export interface NotificationDef<P> {
  readonly method: string;
  readonly __types?: (p: P) => void;
}

/** What the server reports about itself. */
export interface ServerStatus {
  readonly version: string;
  /** Article documents the server holds open right now. */
  readonly openDocuments: number;
  /** Article files in the workspace index. */
  readonly indexedFiles: number;
  /** True once the first full index of the workspace has finished. */
  readonly indexReady: boolean;
}

/** Asks the server for its status; also the client's proof that the server answers. */
export const StatusRequest: RequestDef<void, ServerStatus> = { method: 'dossier/status' };
