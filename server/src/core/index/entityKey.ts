/**
 * Normalized keys under which the index merges entity names across stories
 * and files. Two names that differ only in case, diacritics, apostrophes,
 * hyphens or spacing, a possessive or a leading title get the same key, so
 * "Anwaar-ul-Haq Kakar", "Anwaar ul-Haq-Kakar" and "PM Anwaar-ul-Haq Kakar's"
 * all become `anwaar ul haq kakar`.
 */

/** Leading titles dropped from keys (already normalized: lower case, single spaces). */
const TITLES = [
  'caretaker prime minister', 'prime minister', 'former prime minister', 'foreign minister', 'president',
  'lt gen', 'lieutenant general', 'maj gen', 'major general', 'gen', 'general', 'secretary general',
  'pm', 'fm', 'dr', 'mr', 'mrs', 'ms', 'sir', 'sheikh', 'the',
].sort((x, y) => y.length - x.length);

/** Memo of {@link entityKey}: names repeat across thousands of documents. Bounded, cleared when full. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 200_000;

/** Normalizes an entity name to its merge key; returns '' when nothing name-like is left. */
export function entityKey(name: string): string {
  let key = memo.get(name);
  if (key === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    key = computeKey(name);
    memo.set(name, key);
  }
  return key;
}

function computeKey(name: string): string {
  let s = foldText(name);
  for (let changed = true; changed;) {
    changed = false;
    for (const t of TITLES) {
      if (s.startsWith(t + ' ')) {
        s = s.slice(t.length + 1);
        changed = true;
      }
    }
  }
  return s;
}

/**
 * Folds a text for matching: lower case, no diacritics, no possessive, and
 * every run of punctuation or space turned into one space ("ul-Haq" = "ul haq").
 */
export function foldText(text: string): string {
  let s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  // Possessives: "Pakistan’s", "Khan's", "Iran’s" (curly or straight apostrophe).
  s = s.replace(/['\u2019\u2018`]s\b/g, '');
  s = s.replace(/['\u2019\u2018`]/g, '');
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Drops a trailing possessive from a display name ("Pakistan’s" → "Pakistan"). */
export function withoutPossessive(name: string): string {
  return name.replace(/['\u2019]s$/u, '');
}

/** The words of a key. */
export function keyTokens(key: string): string[] {
  return key === '' ? [] : key.split(' ');
}
