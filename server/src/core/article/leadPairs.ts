/**
 * A cheap necessary condition for the whole-line patterns of `lineKinds.ts`:
 * the first two letters a line may open with. Most lines are prose that no
 * such pattern can match; testing two characters against a table spares the
 * regex call (which alone costs more than the rest of classifying the line).
 */

/** Allowed (lower-cased) ASCII letter pairs at the start of a line, as a 26×26 bit table. */
export type LeadPairs = Uint8Array;

/**
 * The lower-cased two-letter openings an alternative of a case-insensitive
 * whole-line pattern can match, or undefined when it may open otherwise
 * (then the caller must let such lines through by another test). Handles a
 * literal word, a group of literal words (`(?:name|email)`), an optional
 * group in front of another (`(?:additional\s+)?(?:reporting|…)`) and
 * optional leading non-letters (`\(?`, `\d*`, `\s*`), which can only make
 * the line open with a non-letter.
 */
export function leadingPairs(alt: string): string[] | undefined {
  const skip = /^\\[ds()][?*]/.exec(alt);
  if (skip) return leadingPairs(alt.slice(skip[0].length));
  const group = /^\(\?:([^()]*)\)(\?)?/.exec(alt);
  if (group) {
    const words = group[1]!.split('|');
    if (!words.every((w) => /^[a-z]{2}/.test(w))) return undefined;
    const pairs = words.map((w) => w.slice(0, 2));
    if (group[2] === undefined) return pairs;
    const rest = leadingPairs(alt.slice(group[0].length));
    return rest === undefined ? undefined : pairs.concat(rest);
  }
  return /^[a-z]{2}/.test(alt) ? [alt.slice(0, 2)] : undefined;
}

/** Builds the table from lower-case letter pairs (`'sh'`, `'fo'`). */
export function leadPairTable(pairs: readonly string[]): LeadPairs {
  const table = new Uint8Array(26 * 26);
  for (const p of pairs) table[(p.charCodeAt(0) - 97) * 26 + p.charCodeAt(1) - 97] = 1;
  return table;
}

/** True for an ASCII letter. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The table index of the (lower-cased) two ASCII letters `line` opens with, or
 * -1 when it does not open with two ASCII letters. For callers that test one
 * line against several tables.
 */
export function pairIndex(line: string): number {
  // Length first: reading past the end (NaN) would deoptimise the compiled callers.
  if (line.length < 2) return -1;
  const c0 = line.charCodeAt(0);
  const c1 = line.charCodeAt(1);
  if (!isAsciiLetter(c0) || !isAsciiLetter(c1)) return -1;
  return ((c0 | 0x20) - 97) * 26 + (c1 | 0x20) - 97;
}

/**
 * True when `line` opens with two ASCII letters whose lower-cased pair is in
 * `table`. (A case-insensitive non-Unicode regex matches an ASCII letter
 * only with an ASCII letter, so folding ASCII case is enough.)
 */
export function opensWithPair(table: LeadPairs, line: string): boolean {
  if (line.length < 2) return false;
  const c0 = line.charCodeAt(0);
  const c1 = line.charCodeAt(1);
  if (!isAsciiLetter(c0) || !isAsciiLetter(c1)) return false;
  return table[((c0 | 0x20) - 97) * 26 + (c1 | 0x20) - 97] === 1;
}
