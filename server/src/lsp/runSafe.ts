import type { CancellationToken } from 'vscode-languageserver';
import { ResponseError, LSPErrorCodes } from 'vscode-languageserver';

/** Where runSafe reports failures; the connection's console in the server. */
export interface ErrorLogger {
  error(message: string): void;
}

/**
 * Runs a request handler so that an exception becomes an empty result and one
 * log line instead of an error popup: a hover that fails should show nothing,
 * not break the editor. Cancellation is honoured before and after the work.
 */
export async function runSafe<T>(
  logger: ErrorLogger,
  what: string,
  empty: T,
  token: CancellationToken | undefined,
  work: () => T | Promise<T>,
): Promise<T> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await work();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (err) {
    logger.error(`Error while computing ${what}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return empty;
  }
}

function cancelled<T>(): T {
  throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
