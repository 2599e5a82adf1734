import type { LanguageClient } from 'vscode-languageclient/node';
import type { NotificationDef, RequestDef } from '../../server/src/protocol';

/**
 * The one typed door to the server's custom messages: views and commands go
 * through it and never call `sendRequest` with a bare string.
 */
export interface ServerApi {
  request<P, R>(def: RequestDef<P, R>, params: P): Promise<R>;
  onNotification<P>(def: NotificationDef<P>, handler: (params: P) => void): { dispose(): void };
}

/** Wraps a started language client. */
export function createServerApi(client: LanguageClient): ServerApi {
  return {
    request: <P, R>(def: RequestDef<P, R>, params: P) => client.sendRequest<R>(def.method, params),
    onNotification: <P>(def: NotificationDef<P>, handler: (params: P) => void) =>
      client.onNotification(def.method, handler),
  };
}
