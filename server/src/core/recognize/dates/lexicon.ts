/**
 * Words of the date grammar: month and weekday names with their abbreviations,
 * number words. Kept as data so the patterns and the resolver agree on one list.
 */

/** Month name (lower case, full or abbreviated, without the dot) to month number 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1],
  ['february', 2], ['feb', 2],
  ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4],
  ['may', 5],
  ['june', 6], ['jun', 6],
  ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8],
  ['september', 9], ['sept', 9], ['sep', 9],
  ['october', 10], ['oct', 10],
  ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]);

/** Weekday name (lower case) to 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3],
  ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/** Small counts written as words, as in "two weeks ago". */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11],
  ['twelve', 12], ['several', 3], ['a few', 3], ['a couple of', 2],
]);

/** Ordinals naming a quarter. `final`/`last` mean the fourth when a year is given. */
export const QUARTER_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['1st', 1], ['second', 2], ['2nd', 2], ['third', 3], ['3rd', 3],
  ['fourth', 4], ['4th', 4], ['final', 4], ['last', 4],
]);

/** Month number of a (possibly dotted, any case) month token; undefined if it is not one. */
export function monthNumber(token: string): number | undefined {
  const length = token.charCodeAt(token.length - 1) === 46 ? token.length - 1 : token.length;
  return nameNumber(MONTH_NAMES, MONTH_NUMBERS, token, length);
}

/** Weekday number of a weekday token; undefined if it is not one. */
export function weekdayNumber(token: string): number | undefined {
  return nameNumber(WEEKDAY_NAMES, WEEKDAY_NUMBERS, token, token.length);
}

/**
 * {@link MONTHS} and {@link WEEKDAYS} as lists: the resolver looks a name up for
 * nearly every match, and comparing char codes in place spares the lower-cased
 * copy and the hashing of a `Map` lookup.
 */
const MONTH_NAMES: readonly string[] = [...MONTHS.keys()];
const MONTH_NUMBERS: Int8Array = Int8Array.from(MONTHS.values());
const WEEKDAY_NAMES: readonly string[] = [...WEEKDAYS.keys()];
const WEEKDAY_NUMBERS: Int8Array = Int8Array.from(WEEKDAYS.values());

/**
 * The number (`numbers[i]`) of the name `names[i]` (lower case ASCII) that `token`'s first
 * `length` characters spell in any case, as `toLowerCase` and a lookup would
 * find it (`| 32` lower-cases an ASCII letter and turns no other character
 * into one).
 */
function nameNumber(names: readonly string[], numbers: Int8Array, token: string, length: number): number | undefined {
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    if (name.length !== length) continue;
    let k = 0;
    while (k < length && (token.charCodeAt(k) | 32) === name.charCodeAt(k)) k++;
    if (k === length) return numbers[i];
  }
  return undefined;
}

/** Value of a count written in digits or words; undefined if unknown. */
export function countValue(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  return NUMBER_WORDS.get(token.toLowerCase().replace(/\s+/g, ' '));
}

/** Holidays on a fixed day of the year, lower case without apostrophes: [month, day]. */
export const FIXED_HOLIDAYS: ReadonlyMap<string, readonly [number, number]> = new Map<string, readonly [number, number]>([
  ['christmas', [12, 25]], ['christmas day', [12, 25]], ['christmas eve', [12, 24]],
  ['new years day', [1, 1]], ['new year day', [1, 1]], ['new years eve', [12, 31]], ['new year eve', [12, 31]],
  ['valentines day', [2, 14]], ['halloween', [10, 31]], ['boxing day', [12, 26]],
]);

/** The day of a fixed holiday as written ("New Year's Day", "Hallowe'en"); undefined if unknown. */
export function holidayDay(name: string): readonly [number, number] | undefined {
  return FIXED_HOLIDAYS.get(name.toLowerCase().replace(/['’]/g, '').replace(/\s+/g, ' '));
}
