import type { IndexSnapshot } from './workspaceIndex';

/**
 * JSON text in pure ASCII: every other character written as a `\uXXXX` escape
 * (the same value when parsed). V8 keeps an ASCII string in one byte a
 * character; one curly quote makes a whole string two-byte. The index keeps
 * each document's encoded analysis as JSON text until it is needed, so this
 * halves what a warm start holds, and `JSON.parse` runs markedly faster on it.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * The cache snapshot as JSON text for a file, in pure ASCII: a file read as
 * UTF-8 is then a one-byte string too. The analyses inside are ASCII JSON
 * texts themselves (see `DocEntry`), so they stay one-byte strings after the
 * file is parsed.
 */
export function snapshotJson(snapshot: IndexSnapshot): string {
  return asciiJson(snapshot);
}
