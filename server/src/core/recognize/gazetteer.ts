import gazetteerData from './data/gazetteer.json';
import { LOCATION_SUFFIXES, MISC_SUFFIXES, NAME_CONNECTORS, ORG_SUFFIXES, PERSON_TITLES } from './lexicon';
import { buildIntTable, intTableGet, type IntTable } from './hashTable';
import { hashJoin, hashLower, tokenize, TokenKind, type Tokens } from './tokenize';
import { Slot, type Scratch } from './scratch';

/** Word-class bits a token can carry (several at once: "Georgia" is a first name and a country). */
export const enum Gaz {
  First = 1 << 0,
  Last = 1 << 1,
  Country = 1 << 2,
  City = 1 << 3,
  Region = 1 << 4,
  Demonym = 1 << 5,
  Organization = 1 << 6,
  Person = 1 << 7,
  Title = 1 << 8,
  Month = 1 << 9,
  Weekday = 1 << 10,
  Common = 1 << 11,
  OrgSuffix = 1 << 12,
  LocSuffix = 1 << 13,
  Connector = 1 << 14,
  MiscSuffix = 1 << 15,
}

/** Marks, in `Gazetteer.tokenTable`, a word that begins a multi-token entry (above the 16 `Gaz` bits). */
const PHRASE_START = 1 << 16;

/** Marks, in `Gazetteer.phraseTable`, the first words of a longer multi-token entry (above the 16 `Gaz` bits). */
const PHRASE_GOES_ON = 1 << 16;

/** Number of distinct `Gaz` bits (for feature templates). */
export const GAZ_BITS = 16;

/** A multi-token gazetteer entry begins at a token, with its length and classes. */
export interface PhraseMatch {
  readonly length: number;
  readonly classes: number;
}

/** Lookup tables built once from the shipped word lists. */
export interface Gazetteer {
  /** Classes of a single token, keyed by its lower-case hash (0 when unknown). */
  readonly words: IntTable;
  /** Classes of multi-token entries keyed by joined hash, and their lengths. */
  readonly phrases: ReadonlyMap<number, number>;
  readonly maxPhraseTokens: number;
  /** Lower hashes of the first tokens of multi-token entries: only these start a phrase scan. */
  readonly phraseStarts: ReadonlySet<number>;
  /**
   * `phrases` as an integer table (the per-token lookups, without `Map` hashing of heap numbers),
   * with `PHRASE_GOES_ON` added on the joined hashes of the first two or more words of a longer
   * entry: a scan stops where no entry goes on ("the" starts a scan at every occurrence, and
   * "the" with the next word rarely begins an entry).
   */
  readonly phraseTable: IntTable;
  /**
   * `words` with `PHRASE_START` added on the first words of multi-token entries: one
   * lookup per token answers both questions.
   */
  readonly tokenTable: IntTable;
  /** Finite verb forms (lower hash), kept apart from the tagger's classes: for phrase boundaries only. */
  readonly verbs: IntTable;
}

interface GazetteerJson {
  readonly [key: string]: unknown;
}

let cached: Gazetteer | undefined;

/** The shipped gazetteer (built on first use, then shared). */
export function defaultGazetteer(): Gazetteer {
  cached ??= buildGazetteer(gazetteerData as GazetteerJson);
  return cached;
}

/** Builds lookup tables from word lists (lower-case strings, possibly multi-word). */
export function buildGazetteer(data: GazetteerJson): Gazetteer {
  const words = new Map<number, number>();
  const phrases = new Map<number, number>();
  const phraseStarts = new Set<number>();
  const phrasePrefixes = new Set<number>();
  let maxPhraseTokens = 1;
  const add = (entry: string, cls: number): void => {
    // Most entries are one plain word: hash it directly instead of running the tokenizer (startup time).
    if (/^[a-z]+$/.test(entry)) {
      const h = hashLower(entry);
      words.set(h, (words.get(h) ?? 0) | cls);
      return;
    }
    const t = tokenize(entry);
    if (t.count === 0) return;
    if (t.count === 1) {
      words.set(t.lower[0], (words.get(t.lower[0]) ?? 0) | cls);
      return;
    }
    let h = t.lower[0];
    for (let i = 1; i < t.count; i++) {
      h = hashJoin(h, t.lower[i]);
      if (i < t.count - 1) phrasePrefixes.add(h);
    }
    phrases.set(h, (phrases.get(h) ?? 0) | cls);
    phraseStarts.add(t.lower[0]);
    if (t.count > maxPhraseTokens) maxPhraseTokens = t.count;
  };
  const list = (key: string): readonly string[] => {
    const v = data[key];
    return Array.isArray(v) ? (v as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  };
  const table: [string, number][] = [
    ['first', Gaz.First], ['last', Gaz.Last], ['country', Gaz.Country], ['city', Gaz.City], ['region', Gaz.Region],
    ['demonym', Gaz.Demonym], ['organization', Gaz.Organization], ['person', Gaz.Person], ['honorific', Gaz.Title],
    ['month', Gaz.Month], ['weekday', Gaz.Weekday], ['common', Gaz.Common],
  ];
  for (const [key, cls] of table) for (const w of list(key)) add(w, cls);
  for (const w of PERSON_TITLES) add(w, Gaz.Title);
  for (const w of ORG_SUFFIXES) add(w, Gaz.OrgSuffix);
  for (const w of LOCATION_SUFFIXES) add(w, Gaz.LocSuffix);
  for (const w of NAME_CONNECTORS) add(w, Gaz.Connector);
  for (const w of MISC_SUFFIXES) add(w, Gaz.MiscSuffix);
  const verbs = new Map<number, number>();
  for (const w of list('verb')) verbs.set(hashLower(w), 1);
  const tokenInfo = new Map(words);
  for (const h of phraseStarts) tokenInfo.set(h, (tokenInfo.get(h) ?? 0) | PHRASE_START);
  const phraseInfo = new Map(phrases);
  for (const h of phrasePrefixes) phraseInfo.set(h, (phraseInfo.get(h) ?? 0) | PHRASE_GOES_ON);
  return {
    words: buildIntTable(words), phrases, maxPhraseTokens, phraseStarts,
    phraseTable: buildIntTable(phraseInfo), tokenTable: buildIntTable(tokenInfo), verbs: buildIntTable(verbs),
  };
}

/** Looks up a single lower-cased word (as hashed by the tokenizer). */
export function wordClasses(g: Gazetteer, lowerHash: number): number {
  return intTableGet(g.words, lowerHash);
}

/**
 * Classes of every token, with the longest multi-token entry starting at each
 * token spread over its tokens (`phraseB` marks the first, `phraseI` the rest).
 */
export function annotateTokens(g: Gazetteer, t: Tokens, scratch?: Scratch): { word: Uint16Array; phraseB: Uint16Array; phraseI: Uint16Array } {
  // Every token's classes are written below (0 for a number): the view needs no fill first.
  const word = scratch ? scratch.uint16Unfilled(Slot.Word, t.count) : new Uint16Array(t.count);
  const phraseB = scratch ? scratch.uint16(Slot.PhraseB, t.count) : new Uint16Array(t.count);
  const phraseI = scratch ? scratch.uint16(Slot.PhraseI, t.count) : new Uint16Array(t.count);
  const table = g.tokenTable;
  const phrases = g.phraseTable;
  const scanPhrases = g.maxPhraseTokens > 1;
  // Most tokens are a text's frequent words: asked of the small cache first (see `RECENT`).
  const recent = RECENT;
  if (recentOf !== table) { recent.fill(0); recentOf = table; }
  const n = t.count;
  const kind = t.kind;
  const lower = t.lower;
  const maxPhrase = g.maxPhraseTokens;
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    if (k === TokenKind.Number) { word[i] = 0; continue; }
    const key = lower[i];
    const at = 2 * (key & RECENT_MASK);
    let v: number;
    if (recent[at + 1] !== 0 && recent[at] === key) v = recent[at + 1] & ~CACHED;
    else {
      v = intTableGet(table, key);
      recent[at] = key;
      recent[at + 1] = v | CACHED;
    }
    word[i] = v & 0xffff;
    // Longest multi-token entry starting here (only words that begin one start a scan, and it
    // stops where no entry goes on: every word sequence that ends in an entry has each of its
    // beginnings marked, so only a 32-bit hash collision with an entry could have been found later).
    if (!scanPhrases || k !== TokenKind.Word || (v & PHRASE_START) === 0) continue;
    let h = key;
    let best = 0;
    let bestCls = 0;
    const lim = Math.min(n, i + maxPhrase);
    for (let j = i + 1; j < lim; j++) {
      h = hashJoin(h, lower[j]);
      const found = intTableGet(phrases, h);
      const cls = found & 0xffff;
      if (cls !== 0) { best = j - i + 1; bestCls = cls; }
      if ((found & PHRASE_GOES_ON) === 0) break;
    }
    if (best > 0) {
      phraseB[i] |= bestCls;
      for (let j = i + 1; j < i + best; j++) phraseI[j] |= bestCls;
    }
  }
  return { word, phraseB, phraseI };
}

/**
 * The answers of the token table for words seen recently, direct-mapped by the low bits of the
 * hash (key and value side by side; `CACHED` marks a filled entry, as the answer may be 0). A
 * text's frequent words then hit a 64 KB table that stays in cache instead of the 256 KB one.
 */
const RECENT_MASK = 8191;
const RECENT = new Int32Array(2 * (RECENT_MASK + 1));
const CACHED = 1 << 30;
let recentOf: IntTable | undefined;

/** Classes of a free-text word or phrase (allocates; for rules and tests). */
export function classesOf(g: Gazetteer, text: string): number {
  const t = tokenize(text);
  if (t.count === 1) return intTableGet(g.words, t.lower[0]);
  if (t.count === 0) return 0;
  let h = t.lower[0];
  for (let i = 1; i < t.count; i++) h = hashJoin(h, t.lower[i]);
  return g.phrases.get(h) ?? 0;
}

/** Hash of a lower-cased single word, for callers that hold strings. */
export { hashLower };
