/**
 * The entity pipeline: tagger, rules, gazetteer and analyst knowledge each
 * propose spans; overlaps are resolved by source priority; document-level
 * consistency fills and harmonises; rejected texts are dropped; aliases are
 * grouped under canonical names.
 */
import { analyze, isPunct, nameGlueLength, type Analysis } from './analysis';
import { proposal, proposalList, reshaped, resolveOverlaps, sourcePriority, type Proposal } from './candidates';
import { capitalsOf, type Capitals } from './capitals';
import { consistentProposals } from './consistency';
import { Gaz, type Gazetteer } from './gazetteer';
import { buildIntTable, intTableGet, type IntTable } from './hashTable';
import { isRejected, knowledgeProposals, type CompiledKnowledge } from './knowledge';
import type { EntityMention, EntityType, MiscSubtype } from './model';
import { findAcronymDefinitions } from './rules/acronyms';
import { joinInitials } from './rules/initials';
import { groupNames, retypeGroup } from './rules/groups';
import { retypeCompanyPairs } from './rules/companyPairs';
import { retypeFacility } from './rules/facilities';
import { placeBeforeRegion, townsBeforeRegions } from './rules/placeApposition';
import { extendLegalForm } from './rules/legalForms';
import { retypeLonePersons } from './rules/lonePersons';
import { retypeBrand } from './rules/miscRetype';
import { productRule } from './rules/products';
import { applyProductContext } from './rules/productContext';
import { gazetteerNames } from './rules/gazetteerNames';
import { suffixNames } from './rules/suffixes';
import { describedOrganizations } from './rules/descriptors';
import { airlineNames } from './rules/airlines';
import { titledPersons } from './rules/titles';
import { isLoneLetter } from './rules/loneLetters';
import type { TaggerModel, TagResult } from './tagger/tagger';
import { hashExact, hashJoin, hashLower, TokenFlag, type Tokens } from './tokenize';
import { UNITS_AND_ZONES } from './lexicon';
import { Scratch } from './scratch';
import { LowerWords } from './tokenWords';
import { beginStory, canonicalsOfFacts, factsByKey, type NameFacts } from './storyAliases';

/** An analyst annotation that marks an entity in this very text. */
export interface AnnotatedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly canonical?: string;
}

/** What the entity pipeline needs besides the text. */
export interface EntityContext {
  readonly gazetteer: Gazetteer;
  readonly model: TaggerModel;
  readonly knowledge: CompiledKnowledge;
  readonly annotations?: readonly AnnotatedSpan[];
}

/** Squashes a tagger margin (perceptron units) into 0..1. */
function confidenceOfMargin(m: number): number {
  // Margins are whole score differences times the model's scale, so few values recur (about 1,100
  // on the bench corpus): they are answered from a small cache keyed by the number's exact bits
  // (`Math.exp` is a call V8 does not inline, once per tagged span). Each margin sits next to its
  // confidence in one array, so a lookup touches one cache line (the tagger's rows have just
  // evicted the cache: three arrays were three misses). Keys start as NaN, equal to no margin.
  MARGIN_BITS_F64[0] = m;
  const slot = (Math.imul(MARGIN_BITS_U32[0] ^ Math.imul(MARGIN_BITS_U32[1], 0x9e3779b1), 0x85ebca6b) >>> 20) & (MARGIN_CACHE_SIZE - 1);
  // (Equal as numbers means the same confidence: only +0 and -0 differ in bits, and both give 0.)
  if (MARGIN_CACHE[2 * slot] === m) return MARGIN_CACHE[2 * slot + 1];
  const c = Math.round((1 - Math.exp(-m / 4)) * 1000) / 1000;
  MARGIN_CACHE[2 * slot] = m;
  MARGIN_CACHE[2 * slot + 1] = c;
  return c;
}

/**
 * The cache of `confidenceOfMargin`: direct-mapped, (margin, confidence) pairs, keyed by the margin's bits.
 * 16 KB: with 4,096 pairs (64 KB) nearly every margin was found, but each lookup was a cache miss right
 * after the tagger (which evicts the caches): the smaller table stays in cache, and its few more
 * conflicts cost less (collect stage about 5 % faster, pipeline cache state, bench corpus).
 */
const MARGIN_CACHE_SIZE = 1024;
const MARGIN_CACHE = new Float64Array(2 * MARGIN_CACHE_SIZE).fill(NaN);
/** A double and its two halves (one buffer): how the margin's bits are read. */
const MARGIN_BITS_F64 = new Float64Array(1);
const MARGIN_BITS_U32 = new Uint32Array(MARGIN_BITS_F64.buffer);

/**
 * Per-token arrays reused from one call to the next: the analysis never leaves this
 * module (mentions are plain objects) and a call runs to completion before the next.
 */
const SCRATCH = new Scratch();

/** Recognizes the entities of one text (a story or any snippet). */
export function recognizeEntities(text: string, ctx: EntityContext): EntityMention[] {
  // The context is unpacked here, in a function too small to matter when V8 re-optimizes it:
  // callers build contexts of different shapes (with or without `annotations`), and the first
  // context of a new shape used to throw the whole optimized pipeline back to slow code.
  return recognizeWith(text, ctx.gazetteer, ctx.model, ctx.knowledge, ctx.annotations);
}

/**
 * The pipeline in three steps of moderate size: V8 optimizes (and, after a deoptimization,
 * re-optimizes) each on its own, which one function inlining all of them made slow.
 */
function recognizeWith(text: string, gazetteer: Gazetteer, model: TaggerModel, knowledge: CompiledKnowledge, annotations: readonly AnnotatedSpan[] | undefined): EntityMention[] {
  const a = analyze(text, gazetteer, model, SCRATCH);
  const titles = TITLES;
  titles.count = 0;
  const caps = capitalsOf(a.tokens);
  const kept = selectProposals(a, caps, collectProposals(a, caps, knowledge, annotations, titles));
  // (Without rejected names, no text need be cut out to ask.)
  const t = a.tokens;
  const named = knowledge.rejected.size > 0 ? kept.filter((p) => !isRejected(knowledge, text.slice(t.start[p.first], t.end[p.last]), p.type) || p.source === 'analyst') : kept;
  return toMentions(a, gazetteer.verbs, named, titles);
}

/** Where each titled person's phrase begins, by its first token (few per story: parallel arrays, no Map). */
interface TitlePhrases {
  readonly first: number[];
  readonly phraseFirst: (number | undefined)[];
  /** Entries in use (the arrays are reused from story to story). */
  count: number;
}

/** The one `TitlePhrases` (the pipeline runs one text at a time, to completion). */
const TITLES: TitlePhrases = { first: [], phraseFirst: [], count: 0 };

/** Every signal's proposals: tagger, titles, head words, gazetteer, acronyms, knowledge, analyst. */
function collectProposals(a: Analysis, caps: Capitals, knowledge: CompiledKnowledge, annotations: readonly AnnotatedSpan[] | undefined, titles: TitlePhrases): Proposal[] {
  const t = a.tokens;
  const proposals = proposalList();
  taggerProposals(t, a.tags, proposals);
  const titled = titledPersons(a);
  for (let i = 0; i < titled.length; i++) {
    const p = titled[i];
    proposals.push(p);
    titles.first[titles.count] = p.first;
    titles.phraseFirst[titles.count] = p.phraseFirst;
    titles.count++;
  }
  // (The rules append to the one list, in this order: none of them reads what it appends to.)
  suffixNames(a, proposals);
  describedOrganizations(a, caps, proposals);
  airlineNames(a, caps, proposals);
  gazetteerNames(a, caps, proposals);
  groupNames(a, caps, proposals);
  // (Acronym definitions read the proposals so far: theirs are appended after.)
  pushAll(proposals, acronymProposals(a, proposals));
  knowledgeProposals(knowledge, t, proposals);
  if (annotations !== undefined) {
    for (let i = 0; i < annotations.length; i++) {
      const an = annotations[i];
      const span = tokenSpan(a, an.start, an.end);
      if (span) proposals.push(proposal(span[0], span[1], an.type, 1, 'analyst', an.canonical));
    }
  }
  return proposals;
}

/** Trims, reshapes and resolves the proposals into non-overlapping names, in text order. */
function selectProposals(a: Analysis, caps: Capitals, proposals: Proposal[]): Proposal[] {
  const n = a.tokens.count;
  // The per-proposal steps run in one loop each (the same steps in the same order as over whole lists).
  // Trimming rewrites the collected list in place (it is this pipeline's own; dropping is rare).
  const trimmed = proposals;
  let w = 0;
  for (let i = 0; i < proposals.length; i++) {
    const q = trimPunctuation(a, proposals[i]);
    const r = q !== undefined ? productRule(a, q) : undefined;
    if (r !== undefined) trimmed[w++] = r;
  }
  if (w < trimmed.length) trimmed.length = w;
  // Product context reads the whole list (a product before a name), so it takes one of its own; so do
  // the rules that look at other proposals (initials, name pairs, lone persons' evidence).
  const contextual = retypeLonePersons(a, retypeCompanyPairs(a, joinInitials(a, applyProductContext(a, trimmed)), caps));
  // Then the retypes of one proposal each (brands, communities, facilities, towns, legal forms) and
  // the filter of empty names, one proposal at a time through all of them: the same steps in the
  // same order as over whole lists, one list instead of six. The towns nothing proposed come last,
  // found against these proposals' spans (which the retypes before them keep).
  const substantive = proposalList();
  for (let i = 0; i < contextual.length; i++) {
    const p = extendLegalForm(a, placeBeforeRegion(a, retypeFacility(a, retypeGroup(a, retypeBrand(a, contextual[i])))));
    if (!isVacuous(a, p) && !isLoneLetter(a, p)) substantive.push(p);
  }
  const towns = townsBeforeRegions(a, contextual, caps);
  if (towns !== undefined) {
    // (A town is a location: no legal form extends it.)
    for (let i = 0; i < towns.length; i++) if (!isVacuous(a, towns[i]) && !isLoneLetter(a, towns[i])) substantive.push(towns[i]);
  }
  const consistent = consistentProposals(a, resolveOverlaps(substantive, n), caps, n);
  // Adjacent names merged (`mergeAdjacent`), each finished name through the last checks as soon as
  // nothing more can merge into it: one loop, no list in between.
  const kept = proposalList();
  let open: Proposal | undefined;
  for (let i = 0; i < consistent.length; i++) {
    const p = consistent[i];
    const m = open !== undefined ? mergedPair(a, open, p) : undefined;
    if (m !== undefined) { open = m; continue; }
    if (open !== undefined) keepChecked(a, open, kept);
    open = p;
  }
  if (open !== undefined) keepChecked(a, open, kept);
  return kept;
}

/** The mentions of the kept proposals, with canonical names and phrase starts. */
function toMentions(a: Analysis, verbs: IntTable, kept: readonly Proposal[], titles: TitlePhrases): EntityMention[] {
  const t = a.tokens;
  const text = t.text;
  // Canonical names: acronym long forms and analyst canonicals seed the grouping.
  const n = kept.length;
  // The facts of a name seen before are found by its tokens' hashes (and its text compared).
  beginStory();
  const hash = t.hash;
  for (let i = 0; i < n; i++) {
    const p = kept[i];
    const start = t.start[p.first];
    const end = t.end[p.last];
    let key = end - start;
    for (let k = p.first; k <= p.last; k++) key = hashJoin(key, hash[k]);
    const facts = factsByKey(text.slice(start, end), key);
    ALIAS_FACTS[i] = facts;
    // The memo's own flat copy of the name, not the slice just cut (the same text): a mention
    // outlives its story (a scan's batch, the index), and V8 allocates mentions in the old
    // generation; a fresh slice stored there is a young object an old one points to (the write
    // barrier's slow path, a remembered slot every scavenge visits, a copy to promote, and a
    // reference to the whole file's text), while the memo's copy is old already and shared by
    // every mention of the name.
    ALIAS_TEXT[i] = facts.text;
    ALIAS_TYPE[i] = p.type;
    ALIAS_START[i] = start;
    ALIAS_GIVEN[i] = p.canonical;
  }
  const canonicalOf = CANONICAL_OF;
  canonicalsOfFacts(ALIAS_FACTS, ALIAS_TEXT, ALIAS_TYPE, ALIAS_START, ALIAS_GIVEN, n, canonicalOf);
  const mentions: EntityMention[] = new Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const p = kept[i];
    const start = t.start[p.first];
    const end = endWithAbbreviationDot(a, p.last);
    const at = p.type === 'person' ? titleAt(titles, p.first) : -1;
    const ps = phraseStartOf(a, verbs, p, at >= 0 ? titles.phraseFirst[at] : undefined);
    const subtype = p.type !== 'misc' ? undefined : p.subtype ?? (isNationality(a, p) ? 'nationality' : undefined);
    // The alias input's text is the mention's unless a closing abbreviation dot joins it.
    const name = end === t.end[p.last] ? ALIAS_TEXT[i] : text.slice(start, end);
    const origin = p.source === 'analyst' ? 'analyst' : 'recognizer';
    mentions[i] = mentionOf(start, end, p.type, name, canonicalOf[i], p.confidence, origin, ps !== undefined && ps < start ? ps : -1, subtype);
  }
  return mentions;
}

/**
 * A mention, born with its final shape: one literal per combination of the optional fields
 * (`phraseStart` when >= 0, `subtype` when given). Adding them to a finished literal made V8
 * walk map transitions and grow an out-of-object property store for most mentions; the
 * fields and their order (what JSON and deep equality see) are the same.
 */
function mentionOf(start: number, end: number, type: EntityType, text: string, canonical: string | undefined, confidence: number,
  origin: EntityMention['origin'], phraseStart: number, subtype: MiscSubtype | undefined): EntityMention {
  if (subtype === undefined) {
    return phraseStart < 0 ? { start, end, type, text, canonical, confidence, origin } : { start, end, type, text, canonical, confidence, origin, phraseStart };
  }
  return phraseStart < 0 ? { start, end, type, text, canonical, confidence, origin, subtype } : { start, end, type, text, canonical, confidence, origin, phraseStart, subtype };
}

/** The first title phrase whose person starts at token `first`, or -1. */
function titleAt(titles: TitlePhrases, first: number): number {
  for (let k = 0; k < titles.count; k++) if (titles.first[k] === first) return k;
  return -1;
}

/** The alias inputs and canonical names of `toMentions`, parallel, reused from story to story. */
const ALIAS_FACTS: NameFacts[] = [];
const ALIAS_TEXT: string[] = [];
const ALIAS_TYPE: EntityType[] = [];
const ALIAS_START: number[] = [];
const ALIAS_GIVEN: (string | undefined)[] = [];
const CANONICAL_OF: (string | undefined)[] = [];

/** Entity type of a span by its label's type index ((label - 1) >> 1: PER, ORG, LOC, MISC). */
const LABEL_TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'misc'];

/**
 * The tagger's spans as proposals: what `spansFromLabels` reads off the labels (an I-X that
 * does not continue a span starts one; confidence from the mean margin), without its span objects.
 */
function taggerProposals(t: Tokens, tags: TagResult, out: Proposal[]): void {
  const labels = tags.labels;
  const margin = tags.margin;
  const n = t.count;
  let i = 0;
  while (i < n) {
    const l = labels[i];
    if (l === 0) { i++; continue; }
    const type = (l - 1) >> 1;
    let j = i + 1;
    let m = margin[i];
    while (j < n && labels[j] !== 0 && (labels[j] & 1) === 0 && ((labels[j] - 1) >> 1) === type) { m += margin[j]; j++; }
    out.push(proposal(i, j - 1, LABEL_TYPES[type], confidenceOfMargin(m / (j - i)), 'tagger'));
    i = j;
  }
}

/** Appends `more` to `out` (a loop: spreading into push copies the array to the stack first). */
function pushAll(out: Proposal[], more: readonly Proposal[]): void {
  for (let i = 0; i < more.length; i++) out.push(more[i]);
}

/**
 * Drops punctuation at the edges of a proposal ("-Quds"), and lower-case words at its end
 * (a tagger span cut before its object: "Embassy of"); undefined when nothing is left.
 */
function trimPunctuation(a: Analysis, p: Proposal): Proposal | undefined {
  const t = a.tokens;
  let first = p.first;
  let last = p.last;
  while (first <= last && t.kind[first] === 2) first++;
  while (last >= first && (t.kind[last] === 2 || (last > first && p.source === 'tagger' && t.kind[last] === 0 && !(t.flags[last] & (TokenFlag.Cap | TokenFlag.AllCaps | TokenFlag.HasDigit))))) last--;
  if (first > last) return undefined;
  return first === p.first && last === p.last ? p : reshaped(p, first, last, p.type, p.confidence);
}

/** A misc span that is a demonym ("Pakistani", "North American"). */
function isNationality(a: Analysis, p: Proposal): boolean {
  if (p.first === p.last) return (a.gaz[p.first] & Gaz.Demonym) !== 0;
  return (a.phraseB[p.first] & Gaz.Demonym) !== 0 || (a.gaz[p.last] & Gaz.Demonym) !== 0;
}

/** A lone capitalised common word at a sentence start ("He", "An", "The"): never a name. */
function isFunctionWord(a: Analysis, p: Proposal): boolean {
  if (p.first !== p.last || p.source === 'analyst' || p.source === 'knowledge') return false;
  const i = p.first;
  return (a.tokens.flags[i] & (TokenFlag.SentStart | TokenFlag.LineStart)) !== 0 && (a.gaz[i] & Gaz.Common) !== 0
    && !(a.tokens.flags[i] & TokenFlag.AllCaps)
    && !(a.gaz[i] & (Gaz.Country | Gaz.City | Gaz.Region | Gaz.First | Gaz.Last | Gaz.Organization | Gaz.Demonym))
    && a.tokens.end[i] - a.tokens.start[i] <= 4 && p.source !== 'acronym';
}

/** "US$ 40": a name glued to a currency sign names no place. */
function beforeCurrencySign(a: Analysis, p: Proposal): boolean {
  const t = a.tokens;
  const n = p.last + 1;
  return n < t.count && t.start[n] === t.end[p.last] && isPunct(t, n, '$') && p.source !== 'analyst';
}

const UNITS: ReadonlySet<string> = new Set(UNITS_AND_ZONES);
/**
 * Lower-case hashes of the units: the units are ASCII, so a token that lower-cases to
 * one has that hash; only on a hash hit is the text compared (no string per proposal).
 */
const UNIT_HASHES = buildIntTable(new Map(UNITS_AND_ZONES.map((u) => [hashLower(u), 1])));

/** Token i lower-cases to a unit or time zone ("UTC", "km"). */
function isUnit(t: Tokens, i: number): boolean {
  return intTableGet(UNIT_HASHES, t.lower[i]) !== 0 && UNITS.has(t.text.slice(t.start[i], t.end[i]).toLowerCase());
}

/** Spans made only of titles, months or weekdays ("Chief Operating", "Monday") name nobody. */
function isVacuous(a: Analysis, p: Proposal): boolean {
  if (p.source === 'analyst' || p.source === 'knowledge') return false;
  if (p.first === p.last && isUnit(a.tokens, p.first)) return true;
  for (let i = p.first; i <= p.last; i++) {
    const g = a.gaz[i] | a.phraseB[i] | a.phraseI[i];
    if (a.tokens.kind[i] !== 0) continue;
    if (!(g & (Gaz.Title | Gaz.Month | Gaz.Weekday))) return false;
  }
  return true;
}

/**
 * Abbreviations whose full stop belongs to the name ("Apple Inc.", "William Ford Jr."), in any
 * case; asked by hash first (every name before a full stop asks: no string cut out for a no).
 */
const NAME_ABBREVIATIONS = new LowerWords(['inc', 'corp', 'ltd', 'co', 'jr', 'sr', 'bros', 'plc', 'llc', 'st', 'mt']);

/** End offset of a name, including the full stop of a closing abbreviation. */
function endWithAbbreviationDot(a: Analysis, last: number): number {
  const t = a.tokens;
  const end = t.end[last];
  if (last + 1 < t.count && t.start[last + 1] === end && isPunct(t, last + 1, '.')) {
    // The dot is the abbreviation's own, also before a capital ("Apple Inc. CEO Steve Jobs") or at a
    // sentence end, where it stands for both (the tokenizer, too, lets no sentence end at "Inc.").
    if (NAME_ABBREVIATIONS.has(t, last)) return end + 1;
  }
  return end;
}

/** Proposals from the statistical or fallback signals, which later rules may reshape. */
function weak(p: Proposal): boolean {
  return p.source === 'tagger' || p.source === 'gazetteer' || p.source === 'consistency';
}

/** A full person name, or an organisation ending in its head word. */
function isCompleteName(a: Analysis, x: Proposal): boolean {
  return (x.type === 'person' && x.last > x.first) || (a.gaz[x.last] & Gaz.OrgSuffix) !== 0;
}

/** Capitalised like a title ("President"), not all capitals ("CEO"). */
function capitalisedTitle(a: Analysis, i: number): boolean {
  return (a.tokens.flags[i] & (TokenFlag.Cap | TokenFlag.AllCaps)) === TokenFlag.Cap;
}

/** Appends a finished name to `kept` unless the last checks drop it (product reading, function word, currency prefix). */
function keepChecked(a: Analysis, merged: Proposal, kept: Proposal[]): void {
  const p = productRule(a, merged);
  if (p !== undefined && !isFunctionWord(a, p) && !beforeCurrencySign(a, p)) kept.push(p);
}

/**
 * Two names the tagger put side by side with nothing between them are one
 * organisation when either part is one ("Northrop" + "Grumman", "EADS" +
 * "North America"): news rarely juxtaposes two separate names. The one name `q`
 * (the names merged so far) and the name after it `p` make, or undefined when they stay apart.
 */
function mergedPair(a: Analysis, q: Proposal, p: Proposal): Proposal | undefined {
  const t = a.tokens;
  // Two parts of one name split at its glue ("Anwaar" + "-ul-" + "Haq Kakar").
  // (Glue is at most three tokens: a wider gap is not asked about.)
  if (q.type === p.type && q.type !== 'misc' && q.last + 1 < p.first && p.first - q.last - 1 <= 3 && q.source !== 'analyst' && p.source !== 'analyst' && nameGlueLength(t, q.last + 1) === p.first - q.last - 1) {
    return proposal(q.first, p.last, q.type, Math.max(q.confidence, p.confidence), sourcePriority(q.source) >= sourcePriority(p.source) ? q.source : p.source, q.canonical, q.subtype, q.phraseFirst);
  }
  // ... but a full person name or a complete organisation name ("Chrysler LLC" + "Jim Press") stands alone.
  if (q.last + 1 === p.first && weak(q) && weak(p) && (q.type === 'organization' || p.type === 'organization') && !isCompleteName(a, q) && !isCompleteName(a, p)
    && t.kind[p.first] === 0 && t.kind[q.last] === 0 && !(t.flags[p.first] & 8 /* line start */)) {
    return reshaped(q, q.first, p.last, 'organization', Math.min(q.confidence, p.confidence));
  }
  return undefined;
}

/** Token range exactly covering [start, end), if the offsets fall on token boundaries (or inside them). */
function tokenSpan(a: Analysis, start: number, end: number): [number, number] | undefined {
  const t = a.tokens;
  let first = -1;
  let last = -1;
  for (let i = 0; i < t.count; i++) {
    if (t.end[i] <= start) continue;
    if (t.start[i] >= end) break;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? undefined : [first, last];
}

/** The title before a person (`pf`: where its titled phrase begins, if a title rule found it), or a "the" before an organisation or place. */
function phraseStartOf(a: Analysis, verbs: IntTable, p: Proposal, pf: number | undefined): number | undefined {
  const t = a.tokens;
  // Only a capitalised title is part of the name phrase ("President Putin", not "analyst Paul Nesbit").
  if (p.type === 'person' && pf !== undefined) {
    if (capitalisedTitle(a, pf) && !(a.gaz[pf] & (Gaz.Demonym | Gaz.Country))) return t.start[pf];
    if (pf + 1 < p.first && capitalisedTitle(a, pf + 1) && !capitalisedTitle(a, pf) || (a.gaz[pf] & (Gaz.Demonym | Gaz.Country) && pf + 1 < p.first && capitalisedTitle(a, pf + 1))) return t.start[pf];
  }
  if ((p.type === 'organization' || p.type === 'location') && p.first > 0) {
    const d = p.first - 1;
    if (isThe(t, d) && !isPremodifier(a, verbs, p.last)) return t.start[d];
  }
  return undefined;
}

/** Token d is "the" or "The" (compared by code units: no string built). */
function isThe(t: Tokens, d: number): boolean {
  const s = t.start[d];
  if (t.end[d] - s !== 3) return false;
  const c = t.text.charCodeAt(s);
  return (c === 116 || c === 84) && t.text.charCodeAt(s + 1) === 104 && t.text.charCodeAt(s + 2) === 101;
}

/** Words after a name that leave it the head of its phrase ("the GAO said", "the US and ..."). */
const HEAD_FOLLOWERS: readonly string[] = ['and', 'or', 'but', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'that', 'which', 'who',
  'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must',
  'said', 'says', 'also', 'not', 'did', 'does', 'do', 'still', 'then', 'now', 'after', 'before', 'over', 'into', 'against', 'since',
  'because', 'when', 'while', 'if', 'about', 'under', 'through', 'during', 'until', 'than', 'where', 'this', 'last', 'yesterday', 'today'];
/** Exact hashes of the head followers, valued by their index + 1: a token is one when its text equals that word (no string cut out). */
const HEAD_FOLLOWER_HASHES = buildIntTable(new Map(HEAD_FOLLOWERS.map((w, i) => [hashExact(w), i + 1])));

/** Token n is written exactly as a head follower. */
function isHeadFollower(t: Tokens, n: number): boolean {
  const v = intTableGet(HEAD_FOLLOWER_HASHES, t.hash[n]);
  if (v === 0) return false;
  const w = HEAD_FOLLOWERS[v - 1];
  const s = t.start[n];
  if (t.end[n] - s !== w.length) return false;
  for (let i = 0; i < w.length; i++) if (t.text.charCodeAt(s + i) !== w.charCodeAt(i)) return false;
  return true;
}

/** ' or ’ (a possessive's apostrophe). */
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * Whether the name at `last` modifies a following noun ("the Apple trademark", "the US economy"):
 * then a "the" before it belongs to that larger phrase, not to the name.
 */
function isPremodifier(a: Analysis, verbs: IntTable, last: number): boolean {
  const t = a.tokens;
  const n = last + 1;
  // A possessive: "the" opens the phrase of what is owned ("the Air Force's interests").
  if (n < t.count && t.start[n] === t.end[last] && isApostrophe(t.text.charCodeAt(t.start[n]))) return true;
  if (n >= t.count || t.kind[n] !== 0 || t.flags[n] & (TokenFlag.Cap | TokenFlag.AllCaps | TokenFlag.LineStart)) return false;
  // (Code units, no string: not a head follower, not ending in "ed", not a verb.)
  const e = t.end[n];
  const endsInEd = e - t.start[n] >= 2 && t.text.charCodeAt(e - 2) === 101 && t.text.charCodeAt(e - 1) === 100;
  return !endsInEd && intTableGet(verbs, t.lower[n]) === 0 && !isHeadFollower(t, n);
}

/** "Long Form (ACR)": both become proposals of the long form's type, the acronym with the long form as canonical. */
function acronymProposals(a: Analysis, existing: readonly Proposal[]): Proposal[] {
  const t = a.tokens;
  const out = proposalList();
  for (const d of findAcronymDefinitions(t, a.gaz)) {
    // Type of the long form: what the tagger or a head-word rule said about its head, else organisation.
    let type: EntityType = 'organization';
    for (const p of existing) {
      if ((p.source === 'tagger' || p.source === 'suffix') && p.first <= d.longLast && p.last >= d.longLast && (p.type !== 'misc' || p.source === 'suffix')) { type = p.type; if (p.source === 'suffix') break; }
    }
    // A spelled-out acronym is a name only with some evidence: the tagger saw one, a head word
    // ("Office", "Party") ends it, or a word in it is not common English ("Software Development Kit" is not).
    const tagged = existing.some((p) => p.first <= d.longLast && p.last >= d.longFirst && p.source !== 'gazetteer');
    let uncommon = false;
    for (let i = d.longFirst; i <= d.longLast; i++) if (t.kind[i] === 0 && !(a.gaz[i] & (Gaz.Common | Gaz.Connector))) uncommon = true;
    if (!tagged && !uncommon && !(a.gaz[d.longLast] & (Gaz.OrgSuffix | Gaz.LocSuffix))) continue;
    const long = t.text.slice(t.start[d.longFirst], t.end[d.longLast]);
    out.push(proposal(d.longFirst, d.longLast, type, 0.9, 'acronym', long));
    out.push(proposal(d.short, d.short, type, 0.9, 'acronym', long));
  }
  return out;
}
