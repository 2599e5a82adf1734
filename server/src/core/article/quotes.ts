import type { Quote, StoryPart } from './model';

/**
 * Quotations (“…” and "…") and their speakers. A speaker is taken only from
 * the quote's own sentence: `…,” Ismail said`, `…,” said UN spokesperson
 * Stephane Dujarric`, `…,” according to the statement`, `Islamabad said
 * "…"`. A paragraph that is one bare quote right after an attributed quote
 * continues it (news style), so it inherits that speaker, marked inferred.
 */

const VERBS = 'said|says|say|told|tells|added|adds|wrote|writes|stated|states|noted|notes|declared|explained|insisted|warned|stressed|asserted|remarked|replied|tweeted|posted|announced|argued|urged|read|reads|continued|concluded|claimed|acknowledged|admitted|recalled|asked|commented|posted|confirmed|emphasised|emphasized|underlined|underlines';
const WORD = "[\\p{L}\\p{N}’'.\\-]+";
const DET = '(?:the|a|an|his|her|their|its|our|this|that)';
const PRONOUN = /^(?:he|she|they|it|we|i|you)$/i;
// A speaker phrase: up to ten words, starting with a capital or a determiner / pronoun.
const SPEAKER = `((?:${DET}\\s+)?(?:${WORD}\\s+){0,9}?${WORD}|he|she|they|it|we|I)`;

const AFTER_VERB_FIRST = new RegExp(`^[\\s,]*(?:${VERBS})\\s+(${DET}?\\s*[\\p{Lu}](?:${WORD})(?:\\s+(?!(?:in|on|at|after|during|referring|adding|while|when|who|as|to|that|last|this|of)\\b)${WORD}){0,9})`, 'u');
const AFTER_SPEAKER_FIRST = new RegExp(`^[\\s,]*${SPEAKER}\\s+(?:also\\s+|later\\s+|then\\s+|had\\s+|has\\s+)?(?:${VERBS})\\b`, 'u');
const AFTER_APPOSITION = new RegExp(`^[\\s,]*(?:${DET}\\s+)?(?:${WORD}\\s+){0,6}?${WORD},\\s+(\\p{Lu}${WORD}(?:\\s+\\p{Lu}${WORD}){0,3}),\\s+(?:also\\s+)?(?:${VERBS})\\b`, 'u');
export const AFTER_ACCORDING = new RegExp(`^[\\s,]*according\\s+to\\s+((?:${DET}\\s+)?(?:${WORD}\\s+){0,7}?${WORD})(?=[\\s,.;]*$|[,.;])`, 'u');
// `… Islamabad said "…"`, `Amirabdollahian, in comments quoted by state media, said, "…"`.
const BEFORE_VERB = new RegExp(`(?:,[^,]{1,80},)?\\s+(?:also\\s+)?(?:${VERBS})(?:\\s+(?:on|in)\\s+[^,“"]{1,40})?[\\s,:]*$`, 'u');
// The end of AFTER_APPOSITION (`, said`) alone: a much cheaper necessary condition for it.
const APPOSITION_TAIL = new RegExp(`,\\s+(?:also\\s+)?(?:${VERBS})\\b`);
// Cheap pre-check before the costlier speaker patterns: is there a speech verb at all?
export const ANY_VERB = new RegExp(`\\b(?:${VERBS})\\b`);
const SENTENCE_SUBJECT = new RegExp(`^${SPEAKER}\\s+(?:also\\s+)?(?:${VERBS})\\b`, 'u');
// Words that cannot be part of a speaker phrase read backwards from its verb.
const STOP_BACK = /^(?:which|who|whom|that|and|but|or|while|as|after|before|when|where|because|in|on|at|to|for|with|from|by|of|said|says|told|if|than|then|so)$/i;

// Curly quote marks are found by regex, straight ones by indexOf. indexOf('“') (and
// the regex /“/) look for the character by its high byte, 0x20, so they stop at
// every space of a two-byte text; a one-character class does not, and on a one-byte
// text it fails at once (hence the one-character classes). Shared, not re-entered:
// callers set lastIndex.
const OPENING_CURLY_RE = /[“]/g;
const CLOSING_CURLY_RE = /[”]/g;

/** Offset of the first `“` at or after `from` in `s`, or -1. */
function indexOfOpeningCurly(s: string, from: number): number {
  OPENING_CURLY_RE.lastIndex = from;
  const m = OPENING_CURLY_RE.exec(s);
  return m ? m.index : -1;
}

/** Offset of the first `”` at or after `from` in `s`, or -1. */
function indexOfClosingCurly(s: string, from: number): number {
  CLOSING_CURLY_RE.lastIndex = from;
  const m = CLOSING_CURLY_RE.exec(s);
  return m ? m.index : -1;
}

/** The part kinds that may hold quotes. A switch, not a Set: it runs for every part of every story. */
function mayQuote(kind: string): boolean {
  switch (kind) {
    case 'paragraph': case 'standfirst': case 'bullet': case 'caption': case 'subheading': return true;
    default: return false;
  }
}

interface Found { readonly speaker: string; readonly start: number }

/** White space as `\s` reads it: the first word of a speaker ends at the first one. */
const SPACE_RE = /\s/;

function validSpeaker(s: string): boolean {
  // `s.split(/\s+/)[0]` without the array of every word: the text before the first space.
  const space = s.search(SPACE_RE);
  const first = space < 0 ? s : s.slice(0, space);
  if (/^\p{Lu}/u.test(s) || /^(?:the|a|an|his|her|their|its|our|this|that)$/i.test(first) || PRONOUN.test(s)) return true;
  // `union president Camila Lisboa`: a lower-case title before a name.
  return !STOP_BACK.test(first) && /\s\p{Lu}/u.test(s);
}

/** Text after the closing quote up to the end of its sentence. */
// Where the sentence after a quote ends. Not global: exec leaves lastIndex alone.
const SENTENCE_AFTER_END_RE = /[.!?](?=\s|$)|[“"]/;

function sentenceAfter(s: string, from: number): string {
  const rest = s.slice(from, from + 200);
  const m = SENTENCE_AFTER_END_RE.exec(rest);
  return m ? rest.slice(0, m.index) : rest;
}

/** True for a code unit that can open a sentence: a capital letter or an opening double quote. */
function opensSentence(c: number): boolean {
  if (c === 0x201c || c === 0x22) return true;
  if (c >= 65 && c <= 90) return true;
  if (c <= 127) return false;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch;
}

function isSpaceChar(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0a || c === 0x0d;
}

/**
 * Start of the sentence containing offset `at` in `s` (looking back at most
 * 300 characters): just after `.`, `!` or `?` (and a closing quote or
 * bracket) and white space, where a capital or an opening quote follows.
 * A backward scan by char codes (`s[i]` would make a one-character string per
 * step, a new one for every character above U+00FF): this runs once or twice
 * per quote.
 */
export function sentenceStart(s: string, at: number): number {
  return sentenceStartIn(s, 0, s.length, at);
}

/**
 * `sentenceStart(t.slice(from, to), at - from) + from`, read in `t` itself: attribution
 * passes the file text rather than the part's text, a slice of it, where each char
 * code read would go through the slice to its parent string.
 */
export function sentenceStartIn(t: string, from: number, to: number, at: number): number {
  const lo = Math.max(from, at - 300);
  for (let i = Math.min(at, to - 1); i > lo; i--) {
    if (!isSpaceChar(t.charCodeAt(i - 1)) || !opensSentence(t.charCodeAt(i))) continue;
    if (endsSentenceBefore(t, from, i, lo)) return i;
  }
  return lo;
}

/**
 * True when the white space before offset `i` follows `.`, `!` or `?` (maybe and a
 * closing quote or bracket), looking back no further than `lo`, nor before `from`.
 */
function endsSentenceBefore(t: string, from: number, i: number, lo: number): boolean {
  let k = i - 1;
  while (k > lo && isSpaceChar(t.charCodeAt(k))) k--;
  let c = t.charCodeAt(k);
  // Before `from` lies no text of the part (a read there gives NaN in the part's own string).
  if (c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x29) c = --k >= from ? t.charCodeAt(k) : NaN;
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

/**
 * `sentenceStart(s, at) === at` for `0 < at < s.length`, without the backward scan:
 * the scan's first step looks at `at` itself, and every later step (or its end)
 * gives a smaller offset.
 */
export function startsSentenceAt(s: string, at: number): boolean {
  return isSpaceChar(s.charCodeAt(at - 1)) && opensSentence(s.charCodeAt(at)) && endsSentenceBefore(s, 0, at, Math.max(0, at - 300));
}

/**
 * The speaker phrase that ends at `end` in `s`, read backwards word by word:
 * the shortest sensible noun phrase (`Islamabad` in `… in which Islamabad`).
 */
function speakerBefore(s: string, from: number, end: number): Found | undefined {
  const words = [...s.slice(from, end).matchAll(/[^\s,;:()]+/g)];
  let k = words.length;
  while (k > 0 && words.length - k < 8) {
    const w = words[k - 1]![0];
    if (STOP_BACK.test(w) || /[.!?”"]$/.test(w) && k < words.length) break;
    k--;
    if (/[,;:()]/.test(s.slice(from + words[k]!.index! - 1, from + words[k]!.index!))) break;
  }
  // Drop leading lower-case words other than determiners (`alleged`, `also`).
  while (k < words.length && !/^\p{Lu}/u.test(words[k]![0]) && !/^(?:the|a|an|his|her|their|its|our)$/i.test(words[k]![0]) && !PRONOUN.test(words[k]![0])) k++;
  if (k >= words.length) return undefined;
  const a = from + words[k]!.index!;
  const last = words[words.length - 1]!;
  const b = from + last.index! + last[0].length;
  const speaker = s.slice(a, b);
  return validSpeaker(speaker) ? { speaker, start: a } : undefined;
}

/**
 * False when `c`, the first code unit after the leading spaces and commas,
 * cannot start AFTER_VERB_FIRST's verb: a lower-case ASCII letter, or white
 * space other than ` ` that the pattern's `[\s,]*` goes on to skip.
 */
function mayOpenWithVerb(c: number): boolean {
  return (c >= 97 && c <= 122) || isOtherRegexSpace(c);
}

/**
 * False when `c` (as in {@link mayOpenWithVerb}) cannot start AFTER_ACCORDING's
 * `according`: neither an `a` nor white space the pattern's `[\s,]*` goes on to skip.
 * Most attributed quotes go on with a verb or a name, not with "according".
 */
export function mayOpenWithAccording(c: number): boolean {
  return c === 97 || isOtherRegexSpace(c);
}

/** A code unit of the regex class `\s` other than ` ` (which the callers' lead has skipped). */
function isOtherRegexSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The speaker of the quote `open`..`close` in the part text `s`, which starts at `base` in `text`. */
function attribution(text: string, base: number, s: string, open: number, close: number): Found | undefined {
  const after = sentenceAfter(s, close);
  // One cheap test spares the four attribution patterns when the rest of the sentence has no speech verb.
  // Where the first verb is also says whether one stands before the first comma (below).
  const verb = ANY_VERB.exec(after);
  const afterSpeaks = verb !== null || after.includes('according');
  // Where the words after the quote begin: past the leading spaces and commas the
  // patterns skip (only ` ` and `,` here; patterns see the rest themselves).
  let lead = 0;
  while (lead < after.length && (after.charCodeAt(lead) === 0x20 || after.charCodeAt(lead) === 0x2c)) lead++;
  const first = after.charCodeAt(lead);
  let m = afterSpeaks && mayOpenWithVerb(first) ? AFTER_VERB_FIRST.exec(after) : null;
  if (m && validSpeaker(m[1]!)) return { speaker: m[1]!.trim(), start: close + m.index + m[0].lastIndexOf(m[1]!) };
  m = afterSpeaks && mayOpenWithAccording(first) ? AFTER_ACCORDING.exec(after) : null;
  if (m) return { speaker: m[1]!, start: close + m[0].lastIndexOf(m[1]!) };
  // The two costliest patterns need commas where they can be: the apposition two
  // commas past `lead` and its tail (`, said`); the speaker-first form its verb
  // before the first such comma (its words hold none). All are implied by the patterns.
  const comma = after.indexOf(',', lead);
  // `…," the region's climate minister, Jordi Serra, said`: the name in the apposition speaks.
  m = afterSpeaks && comma >= 0 && after.indexOf(',', comma + 1) >= 0 && APPOSITION_TAIL.test(after) ? AFTER_APPOSITION.exec(after) : null;
  if (m) return { speaker: m[1]!, start: close + m.index + m[0].indexOf(m[1]!, m[0].indexOf(',', 1)) };
  // A verb before the comma: the first verb starts before it (a verb holds no comma, and `\b` reads
  // the comma as the end of the text would, so this is ANY_VERB.test(after.slice(0, comma))).
  m = afterSpeaks && (comma < 0 || (verb !== null && verb.index < comma)) ? AFTER_SPEAKER_FIRST.exec(after) : null;
  if (m && validSpeaker(m[1]!)) return { speaker: m[1]!, start: close + m[0].indexOf(m[1]!) };
  const ss = sentenceStartIn(text, base, base + s.length, base + open) - base;
  const before = s.slice(ss, open);
  if (!ANY_VERB.test(before)) return undefined;
  m = ANY_VERB.test(before.slice(-80)) ? BEFORE_VERB.exec(before) : null;
  if (m) {
    const found = speakerBefore(s, ss, ss + m.index);
    if (found) return found;
  }
  m = SENTENCE_SUBJECT.exec(before);
  if (m && validSpeaker(m[1]!)) return { speaker: m[1]!, start: ss };
  return undefined;
}

/** The speaker named at the start of a part (`Hamza Shafqaat wrote …`), for resolving a later `he`. */
function partSubject(s: string): string | undefined {
  const head = s.slice(0, 200);
  if (!ANY_VERB.test(head)) return undefined;
  const m = SENTENCE_SUBJECT.exec(head);
  return m && !PRONOUN.test(m[1]!) && validSpeaker(m[1]!) ? m[1]! : undefined;
}

/** Opening/closing pairs inside one part's text, as offsets into that text. */
function quotePairs(s: string): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = 0;
  // Next opening of each kind, searched again only once passed: linear even
  // for a huge paragraph full of one kind of quote mark.
  let curly = -2;
  let straight = -2;
  while (i < s.length) {
    if (curly !== -1 && curly < i) curly = indexOfOpeningCurly(s, i);
    if (straight !== -1 && straight < i) straight = s.indexOf('"', i);
    if (curly < 0 && straight < 0) break;
    const open = curly < 0 ? straight : straight < 0 ? curly : Math.min(curly, straight);
    const close = open === curly ? indexOfClosingCurly(s, open + 1) : s.indexOf('"', open + 1);
    // An unclosed quote runs to the end of the paragraph: news style opens a
    // multi-paragraph quote without closing it until its last paragraph.
    const end = close < 0 ? s.length : close + 1;
    if (end - open > 2) pairs.push([open, end]);
    i = end;
  }
  return pairs;
}

/**
 * The person a `he said` in part `p` (text `s`) points at: whoever the
 * paragraph opens with (when its first quote comes later), else whoever the
 * previous quoting part opened with.
 */
function subjectFor(text: string, p: StoryPart, s: string, pairs: ReadonlyArray<[number, number]>, before: StoryPart | undefined): string | undefined {
  const opener = p.kind === 'paragraph' && pairs[0] !== undefined && pairs[0][0] > 0 ? partSubject(s) : undefined;
  return opener ?? (before && before.kind === 'paragraph' ? partSubject(text.slice(before.start, before.end)) : undefined);
}

/** Finds the quotes of one story's parts. */
export function findQuotes(text: string, parts: readonly StoryPart[]): Quote[] {
  const quotes: Quote[] = [];
  let lastSpoken: { speaker: string; part: number } | undefined;
  let lastNamed: string | undefined;
  let prevPart: StoryPart | undefined;
  // The next opening quote mark of each kind in the story (its end when none is
  // left), searched again only once passed: a part without quotes, most of them,
  // is skipped without slicing it. The search runs in the story's own span (parts
  // are in order and do not overlap): a story without quotes must not scan on
  // through the rest of the file.
  if (parts.length === 0) return quotes;
  const from = parts[0]!.start;
  const to = parts[parts.length - 1]!.end;
  const story = text.slice(from, to);
  let nextCurly = -1;
  let nextStraight = -1;
  for (let pi = 0; pi < parts.length; pi++) {
    const p = parts[pi]!;
    if (!mayQuote(p.kind)) continue;
    if (nextCurly < p.start) { const k = indexOfOpeningCurly(story, p.start - from); nextCurly = k < 0 ? to : from + k; }
    if (nextStraight < p.start) { const k = story.indexOf('"', p.start - from); nextStraight = k < 0 ? to : from + k; }
    if (nextCurly >= p.end && nextStraight >= p.end) { prevPart = p; continue; }
    const s = text.slice(p.start, p.end);
    const pairs = quotePairs(s);
    const before = prevPart;
    // The person a `he said` points at (see subjectFor): worked out only when a
    // pronoun needs it, and once per part. No closure for it: the shipped bundle
    // keeps function names, which costs a call for every closure made.
    let subject: string | undefined;
    let subjectKnown = false;
    // Index loops, not destructuring for-of: the iterator protocol it compiles to
    // makes the optimised code much larger (compiled while the first files parse).
    for (let q = 0; q < pairs.length; q++) {
      const open = pairs[q]![0];
      const close = pairs[q]![1];
      const found = attribution(text, p.start, s, open, close);
      // Quotes are built as literals, not spread from a shared base: spreading is slow in V8.
      const start = p.start + open;
      const end = p.start + close;
      if (found && !PRONOUN.test(found.speaker)) {
        quotes.push({ start, end, speaker: found.speaker, speakerSpan: { start: p.start + found.start, end: p.start + found.start + found.speaker.length } });
        lastSpoken = { speaker: found.speaker, part: pi };
        lastNamed = found.speaker;
        continue;
      }
      let who: string | undefined;
      if (found) {
        if (!subjectKnown) { subject = subjectFor(text, p, s, pairs, before); subjectKnown = true; }
        who = subject ?? lastNamed;
      }
      if (found && who !== undefined) {
        // `he said`: the pronoun points at the person this paragraph (or the one
        // before) opened with, else at the last named speaker of this story.
        quotes.push({ start, end, speaker: who, speakerInferred: true });
        lastSpoken = { speaker: who, part: pi };
      } else if (!found && lastSpoken !== undefined && pi - lastSpoken.part <= 2 && (open === 0 || startsSentenceAt(s, open))) {
        quotes.push({ start, end, speaker: lastSpoken.speaker, speakerInferred: true });
        lastSpoken = { speaker: lastSpoken.speaker, part: pi };
      } else {
        quotes.push({ start, end });
      }
    }
    prevPart = p;
  }
  return quotes;
}
