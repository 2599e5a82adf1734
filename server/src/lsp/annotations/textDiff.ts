import type { TextChange } from '../../core/annotations/textChange';

/**
 * The one change that turns `before` into `after`: the common prefix and
 * suffix are kept, the middle is replaced. `TextDocuments` does not hand its
 * content changes to listeners, and one keystroke is one such change, so this
 * linear scan is what lets annotations follow an edit without searching.
 * Returns an empty list when the texts are equal.
 */
export function diffAsChange(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return [{ offset: prefix, deleteLength: before.length - prefix - suffix, insertText: after.slice(prefix, after.length - suffix) }];
}
