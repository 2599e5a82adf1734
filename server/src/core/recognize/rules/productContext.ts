/**
 * Products and market indices named without a model number: "MacBook Air
 * laptops", "the Mac OS X operating system", "Falcon and Territory vehicles",
 * "the Dow Jones industrial average", "iPod Nano", "Boeing 787 Dreamliner".
 * The tagger learned brand names as organisations, and a product or an index
 * is not the company that makes it. The evidence is the phrase around the
 * name, which is general English, not a list of products:
 *  - the name modifies a lower-case class noun ("laptops", "operating system", "index");
 *  - the name continues a product ("iPod Nano": after a camel-case brand word,
 *    "787 Dreamliner": after a model number that follows a name).
 * Places, demonyms, full person names, lone acronyms ("PIA aircraft") and names
 * ending in an organisation head word ("Ford Motor Company vehicles") are left alone.
 */
import type { Analysis } from '../analysis';
import { proposalList, reshaped, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { buildIntTable, intTableGet } from '../hashTable';
import { hashLower, TokenFlag, TokenKind, type Tokens } from '../tokenize';

/** Lower-case nouns naming a kind of product: a name right before one is that product's name. */
const PRODUCT_NOUNS: readonly string[] = [
  'laptop', 'laptops', 'notebook', 'notebooks', 'computer', 'computers', 'desktop', 'desktops', 'tablet', 'tablets',
  'phone', 'phones', 'smartphone', 'smartphones', 'handset', 'handsets', 'device', 'devices', 'console', 'consoles',
  'player', 'players', 'software', 'browser', 'app', 'apps', 'processor', 'processors', 'chip', 'chips',
  'aircraft', 'airliner', 'airliners', 'jet', 'jets', 'jetliner', 'jetliners', 'plane', 'planes', 'helicopter', 'helicopters',
  'vehicle', 'vehicles', 'car', 'cars', 'sedan', 'sedans', 'truck', 'trucks', 'suv', 'suvs', 'minivan', 'minivans',
  'engine', 'engines', 'missile', 'missiles', 'rifle', 'rifles', 'drone', 'drones', 'tank', 'tanks', 'fighter', 'fighters',
  'nameplate', 'nameplates', 'lineup', 'model', 'models', 'version', 'versions',
];
/** Lower-case nouns naming a market index ("the Nikkei index", "the Dow Jones industrial average"). */
const INDEX_NOUNS: readonly string[] = ['index', 'indices', 'indexes', 'average', 'averages', 'futures'];
/** Words between a name and its class noun ("operating system", "industrial average"). */
const CLASS_MODIFIERS: readonly string[] = ['operating', 'industrial', 'composite', 'stock', 'share', 'digital', 'music', 'media', 'portable', 'mobile', 'web', 'passenger', 'cargo', 'commercial'];

const NOUNS = buildIntTable(new Map<number, number>([
  ...PRODUCT_NOUNS.map((w): [number, number] => [hashLower(w), 1]),
  ...INDEX_NOUNS.map((w): [number, number] => [hashLower(w), 2]),
  ...['system', 'systems'].map((w): [number, number] => [hashLower(w), 3]),
  ...CLASS_MODIFIERS.map((w): [number, number] => [hashLower(w), 4]),
]));

/** Kind of the lower-case word at i: 1 product noun, 2 index noun, 3 "system(s)", 4 modifier, 0 none. */
function nounKind(t: Tokens, i: number): number {
  if (i >= t.count || t.kind[i] !== TokenKind.Word || (t.flags[i] & (TokenFlag.Cap | TokenFlag.AllCaps | TokenFlag.LineStart))) return 0;
  return intTableGet(NOUNS, t.lower[i]);
}

/** What the words after a proposal make of it: 'product', 'index', or undefined. */
function classAfter(t: Tokens, last: number): 'product' | 'index' | undefined {
  let j = last + 1;
  // Directly after the name, on the same line ("Airbus jets", not "Airbus. Jets").
  if (j >= t.count) return undefined;
  let k = nounKind(t, j);
  if (k === 4) { j++; k = nounKind(t, j); }
  if (k === 1) return 'product';
  if (k === 2) return 'index';
  // "operating system", "trading system": only after a modifier (a name before "system" is often an organisation).
  if (k === 3 && j > last + 1) return 'product';
  return undefined;
}

/** A camel-case brand word in lower case first ("iPod", "iTunes", "iPhone"). */
function isCamelBrand(t: Tokens, i: number): boolean {
  if (i < 0 || t.kind[i] !== TokenKind.Word || (t.flags[i] & TokenFlag.Cap)) return false;
  const s = t.text;
  for (let c = t.start[i] + 1; c < t.end[i]; c++) {
    const ch = s.charCodeAt(c);
    if (ch >= 65 && ch <= 90) return true;
  }
  return false;
}

/** Gazetteer classes that rule a name out as a product or an index: places, peoples, head words, dates. */
const NEVER = Gaz.Country | Gaz.City | Gaz.Region | Gaz.Demonym | Gaz.OrgSuffix | Gaz.LocSuffix | Gaz.Month | Gaz.Weekday;

/**
 * Whether the proposal may name a product or an index at all: not a place ("US car makers"),
 * a people, a person's full name, or a name ending in an organisation's head word. A known
 * organisation may name an index ("the Dow Jones industrial average") but before a product
 * noun it is the maker ("Intel processors").
 */
function mayBe(a: Analysis, p: Proposal, kind: 'product' | 'index'): boolean {
  if (!mayBeAny(p)) return false;
  // An acronym before aircraft or vehicles owns them ("PIA aircraft", "NATO jets"); indices may be acronyms ("the FTSE index").
  if (kind === 'product' && p.first === p.last && (a.tokens.flags[p.first] & TokenFlag.AllCaps)) return false;
  const never = kind === 'product' ? NEVER | Gaz.Organization : NEVER;
  for (let i = p.first; i <= p.last; i++) if ((a.gaz[i] | a.phraseB[i] | a.phraseI[i]) & never) return false;
  return true;
}

/** The part of `mayBe` that does not depend on the kind: a weak proposal, no place, nationality or full person name. */
function mayBeAny(p: Proposal): boolean {
  if (p.source !== 'tagger' && p.source !== 'gazetteer' && p.source !== 'consistency') return false;
  return !(p.type === 'location' || (p.type === 'misc' && p.subtype) || (p.type === 'person' && p.last > p.first));
}

/** Whether a product already found ends at token i ("Boeing 787", by the model-number rule): rare, so a plain scan. */
function productEndsAt(proposals: readonly Proposal[], i: number): boolean {
  for (let k = 0; k < proposals.length; k++) if (proposals[k].last === i && proposals[k].subtype === 'product') return true;
  return false;
}

/** Retypes weak proposals that name products or indices as miscellaneous mentions (the list itself when none is). */
export function applyProductContext(a: Analysis, proposals: readonly Proposal[]): Proposal[] {
  const t = a.tokens;
  // (Copied at the first retyped proposal: most stories have none.)
  let out: Proposal[] | undefined;
  for (let k = 0; k < proposals.length; k++) {
    const p = proposals[k];
    // (What follows or precedes a proposal that may be neither product nor index does not matter: asked only for the others.)
    if (!mayBeAny(p)) continue;
    const before = p.first - 1;
    const kind = classAfter(t, p.last)
      ?? (before >= 0 && t.start[p.first] - t.end[before] === 1 && !(t.flags[p.first] & TokenFlag.LineStart) && (isCamelBrand(t, before) || ((t.flags[before] & TokenFlag.HasDigit) !== 0 && productEndsAt(proposals, before))) ? 'product' : undefined);
    if (!kind || !mayBe(a, p, kind)) continue;
    if (out === undefined) {
      out = proposalList();
      for (let j = 0; j < proposals.length; j++) out.push(proposals[j]);
    }
    out[k] = reshaped(p, p.first, p.last, 'misc', Math.min(p.confidence, 0.7), kind);
  }
  return out ?? (proposals as Proposal[]);
}
