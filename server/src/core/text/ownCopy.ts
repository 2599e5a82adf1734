/**
 * A copy of `s` that holds its own characters. V8 makes a substring of 13 or
 * more characters a "sliced string" pointing into its parent: a name sliced
 * from an article and kept as a memo key or an index entry would keep the
 * whole article alive. Short strings are copies already and are returned as they are.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : s.split('').join('');
}
