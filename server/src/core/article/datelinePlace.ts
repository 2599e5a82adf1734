import { MONTH_PATTERN } from './dates';

/**
 * The place that opens a story's body: `ISLAMABAD:`, `KARACHI, Pakistan —`,
 * `WASHINGTON (Reuters) -`, `NEW YORK, Jan 19 (Reuters) -`, `SÃO PAULO (AP) —`.
 */
export interface DatelinePlaceMatch {
  /** Length of the whole dateline including its separator and the space after it. */
  readonly length: number;
  /** Length up to and including the separator (`ISLAMABAD:`), the part's span. */
  readonly partLength: number;
  /** `ISLAMABAD`, `KARACHI, Pakistan`. */
  readonly place: string;
  readonly placeLength: number;
  /** Month and day (and maybe year) when the dateline carries them (`Jan 19`). */
  readonly dateText?: string;
  /** Offset of `dateText` from the start of the line. */
  readonly dateIndex?: number;
}

const CAPS_WORD = "\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]*";
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}.'’\\-]*";
const DATELINE_RE = new RegExp(
  `^(${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,3})` + // city in capitals
  `(,\\s+(?!${MONTH_PATTERN}\\s+\\d)${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})?` + // , Country
  `(?:,\\s+(${MONTH_PATTERN}\\s+\\d{1,2}(?:,?\\s+\\d{4})?))?` + // , Jan 19
  `(?:\\s*\\((?:[\\p{L}\\s.&/-]{1,30})\\))?` + // (Reuters)
  `\\s*(:|—|–|--?)\\s+(?=\\S)`,
  'u',
);

// Capitalised labels that open a line like a dateline but name no place.
const NOT_PLACES = new Set(['BREAKING', 'UPDATE', 'UPDATED', 'EXCLUSIVE', 'WATCH', 'LIVE', 'ANALYSIS', 'OPINION',
  'EDITORIAL', 'NOTE', 'PHOTO', 'PHOTOS', 'VIDEO', 'READ', 'ALSO', 'RELATED', 'SOURCE', 'SOURCES', 'EDITOR’S NOTE',
  "EDITOR'S NOTE", 'FILE', 'CORRECTION', 'FACT CHECK', 'Q', 'A']);

/**
 * True when `s` holds two ASCII capitals: then it has two `\p{Lu}` code points, and
 * the count by a Unicode replace (a new string per dateline) is not needed.
 */
function hasTwoAsciiCapitals(s: string): boolean {
  let capitals = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90 && ++capitals === 2) return true;
  }
  return false;
}

/** Matches a dateline at the start of a trimmed body line, or returns undefined. */
export function matchDatelinePlace(line: string): DatelinePlaceMatch | undefined {
  const c = line.charCodeAt(0);
  // Cheap reject: a dateline starts with a capital letter (ASCII or beyond).
  if (!((c >= 65 && c <= 90) || c > 0xbf)) return undefined;
  // …and so is its second letter: this rejects nearly every prose line at once.
  const c1 = line.charCodeAt(1);
  if (c1 >= 97 && c1 <= 122) return undefined;
  const m = DATELINE_RE.exec(line.slice(0, 140));
  if (!m) return undefined;
  const city = m[1]!;
  if (NOT_PLACES.has(city)) return undefined;
  // At least two capital letters, and the city really is in capitals (not `The:`).
  if (!hasTwoAsciiCapitals(city) && city.replace(/[^\p{Lu}]/gu, '').length < 2) return undefined;
  if (/\p{Ll}/u.test(city)) return undefined;
  const place = city + (m[2] ?? '');
  const sepEnd = m.index + m[0].trimEnd().length;
  const length = m[0].length;
  const name = place.replace(/^,\s*/, '');
  // Two literals rather than a spread of the optional date: same objects, cheaper to build.
  return m[3] !== undefined
    ? { length, partLength: sepEnd, place: name, placeLength: place.length, dateText: m[3], dateIndex: line.indexOf(m[3], place.length) }
    : { length, partLength: sepEnd, place: name, placeLength: place.length };
}
