import type { IndexSnapshot } from './workspaceIndex';

/**
 * The cache snapshot as JSON text for a file, in pure ASCII (every other
 * character written as a `\uXXXX` escape). V8 keeps an ASCII file read as
 * UTF-8 in a one-byte string, which halves its memory and makes
 * `JSON.parse` on a warm start markedly faster than on a two-byte string
 * (which one curly quote in one headline would otherwise cause).
 */
export function snapshotJson(snapshot: IndexSnapshot): string {
  return JSON.stringify(snapshot).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
