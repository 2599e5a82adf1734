/**
 * Whole-line patterns for the lines that are recognisable on their own,
 * whatever their position: boilerplate, source lines, bylines, bullets and
 * separators. Each test rejects long lines first, so body prose costs almost
 * nothing here.
 */

import { isAsciiLetter, leadingPairs, leadPairTable, pairIndex } from './leadPairs';

/** What a single line is, judged by itself. `other` is left to positional rules. */
export type LineKind = 'boilerplate' | 'source' | 'byline' | 'bullet' | 'separator' | 'other';

// Anchored, whole-line, case-insensitive. Each alternative is a page fixture that
// scrapers copy along with the story: share prompts, comment forms, follow links.
export const BOILERPLATE_ALTERNATIVES: readonly string[] = [
    'short\\s*url', 'follow', 'follow\\s+us\\b.*', 'follow\\s+@\\w+.*', 'follow\\s+(?:\\S+\\s+){0,4}(?:coverage|updates|live)\\b.*',
    'follow\\b.{0,60}\\b(?:on|via)\\s+(?:whatsapp|telegram|twitter|x|facebook|instagram|google\\s+news|youtube|linkedin|threads)\\b.*',
    'explore\\s+more\\s+on\\s+these\\s+topics', 'reuse\\s+this\\s+content', 'more\\s+on\\s+this\\s+story', 'more\\s+stories',
    'join\\s+(?:our|us)\\b.{0,80}\\b(?:channel|group|community|whatsapp|telegram)\\b.*',
    'leave\\s+a\\s+(?:comment|reply)', 'post\\s+comment', 'submit\\s+comment', 'add\\s+(?:a\\s+)?comment',
    '\\(?\\d*\\)?\\s*comments?(?:\\s*\\(\\d+\\))?', 'view\\s+(?:all\\s+)?comments?', 'show\\s+comments?',
    'your\\s+email\\s+address\\s+will\\s+not\\s+be\\s+published.*', 'required\\s+fields\\s+are\\s+marked.*',
    '(?:name|email|website|comment)\\s*\\*?', 'save\\s+my\\s+name.*', '\\*+',
    'share(?:\\s+this)?(?:\\s+(?:article|story|post|page))?(?:\\s+(?:on|via)\\b.*)?:?',
    'share\\s+on\\s+\\w+', 'tweet', 'print', 'copy\\s+link', 'link\\s+copied!?', 'email\\s+this\\b.*',
    'click\\s+to\\s+(?:share|email|print)\\b.*',
    'whatsapp', 'facebook', 'twitter', 'linkedin', 'telegram', 'reddit', 'x',
    'advertisement', 'ad', 'sponsored(?:\\s+content)?', 'story\\s+continues\\s+below\\s+(?:this\\s+)?advertisement',
    'scroll\\s+(?:down\\s+)?to\\s+continue.*', 'continue\\s+reading.*',
    'read\\s+more(?:\\s*[:»>].*)?', 'also\\s+read\\s*:.*', 'read\\s+also\\s*:.*', 'read\\s*:.*',
    'related(?:\\s+(?:articles?|stories|news|coverage|content|posts|topics|reading))?\\s*(?::.*)?',
    'recommended(?:\\s+(?:for\\s+you|stories|articles))?', 'more\\s+from\\s+\\S.{0,60}', 'most\\s+(?:read|popular|viewed)', 'trending(?:\\s+now)?',
    'sign\\s+up\\b.{0,80}\\b(?:newsletter|email|alerts|updates|briefing)\\b.*',
    '(?:subscribe|sign\\s+up)(?:\\s+(?:now|here|today|for\\s+free))?',
    'subscribe\\s+to\\s+(?:our|the)\\b.*', 'get\\s+(?:our|the)\\b.{0,40}\\bnewsletter\\b.*',
    '.{0,60}\\bnewsletter\\s*$', 'newsletter\\b.*',
    'download\\s+(?:our|the)\\b.{0,30}\\bapp\\b.*', 'click\\s+here\\b.*',
    'listen\\s+to\\s+this\\s+(?:article|story).*', '\\d+\\s*(?:min|mins|minutes?)\\s+read',
    'skip\\s+to\\s+(?:main\\s+)?content', 'loading\\.{0,3}',
    'copyright\\s*(?:©|\\(c\\)|\\d{4}).*', '©.*', 'all\\s+rights\\s+reserved\\.?',
    'tags?\\s*:.*', 'topics\\s*:.*', 'filed\\s+under\\s*:.*',
    'we\\s+use\\s+cookies\\b.*', 'accept(?:\\s+all)?\\s+cookies',
    'was\\s+this\\s+article\\s+helpful\\??.*', 'report\\s+an?\\s+(?:error|correction)\\b.*',
];
const BOILERPLATE_RE = new RegExp(`^(?:${BOILERPLATE_ALTERNATIVES.join('|')})$`, 'i');
/** The alternative that may open with any letters; it needs the line to end in `r` or a blank (see mayEndInNewsletter). */
const ENDS_IN_NEWSLETTER = '.{0,60}\\bnewsletter\\s*$';
/**
 * BOILERPLATE_RE without {@link ENDS_IN_NEWSLETTER}, for the lines that cannot
 * match it: on every line that pattern costs a try at each of its first 60
 * positions, more than all the other alternatives together.
 */
const BOILERPLATE_NOT_NEWSLETTER_RE = new RegExp(`^(?:${BOILERPLATE_ALTERNATIVES.filter((a) => a !== ENDS_IN_NEWSLETTER).join('|')})$`, 'i');
if (!BOILERPLATE_ALTERNATIVES.includes(ENDS_IN_NEWSLETTER)) throw new Error('lineKinds: the newsletter alternative changed');

/** BOILERPLATE_RE.test(line), without the alternative the line's last character rules out. */
function isBoilerplate(line: string): boolean {
  return (mayEndInNewsletter(line) ? BOILERPLATE_RE : BOILERPLATE_NOT_NEWSLETTER_RE).test(line);
}

export const SOURCE_ALTERNATIVES: readonly string[] = [
    'sources?\\s*:\\s*\\S.*',
    '\\(\\s*(?:reporting|additional\\s+reporting|writing|editing|compiled|with\\s+inputs)\\b.*\\)\\.?',
    '(?:additional\\s+)?(?:reporting|writing|editing)\\s+by\\b.*',
    '[—–-]{1,2}\\s*(?:with\\s+)?(?:AP|AFP|Reuters|agencies|PTI|ANI|Xinhua|Anadolu|APP|dpa|IANS|Bloomberg)\\b.{0,60}',
    '\\(?with\\s+(?:inputs\\s+from\\s+)?(?:agencies|AP|AFP|Reuters|PTI|APP|dpa)\\b[^)]{0,60}\\)?\\.?',
];
const SOURCE_RE = new RegExp(`^(?:${SOURCE_ALTERNATIVES.join('|')})$`, 'i');

// `By NAME`, `By Jane Doe and John Roe, Associated Press`, `Written by …`, `Author: …`.
// No `i` flag: with it, `\p{Lu}` would match lower case too and `By the end of …` would pass.
const BYLINE_RE = /^(?:[Bb]y|BY|[Ww]ritten\s+by|WRITTEN\s+BY|[Ww]ords\s+by|[Aa]uthor\s*:)\s+["“]?\p{Lu}[\p{L}\p{M}.'’\-]*(?:[\s,|&]+(?:and\s+|in\s+|for\s+|of\s+|the\s+|AND\s+)?[\p{Lu}\p{N}][\p{L}\p{M}\p{N}.'’\-]*){0,14}[\s,|]*(?:\d+\s*min\s+read)?$/u;

// Prefilters (see leadPairs.ts): the two letters each alternative can open with. The
// alternatives that open otherwise (`\*+`, `x`, `\d+ min read`, `©.*`, `… newsletter`, `(Reporting by …)`,
// `— AP`) open with a non-letter or are handled by their own test in classifyLine;
// lineRules.test.ts pins that list.
const BOILERPLATE_PAIRS = leadPairTable(BOILERPLATE_ALTERNATIVES.flatMap((a) => leadingPairs(a) ?? []));
const SOURCE_PAIRS = leadPairTable(SOURCE_ALTERNATIVES.flatMap((a) => leadingPairs(a) ?? []));
const BYLINE_PAIRS = leadPairTable(['by', 'wr', 'wo', 'au']);

/**
 * True when `line` may be `… newsletter`, the one boilerplate alternative
 * (`.{0,60}\bnewsletter\s*$`) that may open with any letters: it ends in `r`
 * or a space.
 */
function mayEndInNewsletter(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  return (last | 0x20) === 0x72 || isRegexSpace(last);
}

/** True for a code unit matched by the regex class `\s`. */
function isRegexSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const BULLET_START = new Set([0x2022, 0x25aa, 0x25e6, 0x25cf, 0x2023, 0x2219, 0xb7, 0x25a0, 0x25ba, 0x2013, 0x2d, 0x2a, 0x2043, 0x27a2]);

/** True for a separator line: three or more of `-`, `*`, `_`, `=`, `#`, `~` (spaces allowed). */
export function isSeparator(line: string): boolean {
  return line.length >= 3 && line.length <= 120 && /^([-*_=#~])(?:\s*\1){2,}\s*$/.test(line);
}

/**
 * True for a bullet line: a bullet glyph (or `-`/`*`) followed by space and text.
 * A lone `*` (comment-form marker) is not a bullet.
 */
export function isBullet(line: string): boolean {
  if (line.length < 3 || !BULLET_START.has(line.charCodeAt(0))) return false;
  const c1 = line.charCodeAt(1);
  return (c1 === 0x20 || c1 === 0x09 || c1 === 0xa0) && /\S/.test(line.slice(2));
}

// Boilerplate lines that head a list of short links or tags (`Explore more on
// these topics`, `Related`, `Tags:`): the short lines after them are boilerplate too.
const LIST_HEADING_RE = /^(?:explore\s+more\s+on\s+these\s+topics|related(?:\s+(?:articles?|stories|news|coverage|content|posts|topics|reading))?|more\s+on\s+this\s+story|more\s+stories|more\s+from\s+\S.{0,60}|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|recommended(?:\s+(?:for\s+you|stories|articles))?|topics|tags)\s*:?$/i;

/** True for a boilerplate line that introduces a list of links or tags. */
export function isListHeading(line: string): boolean {
  return line.length <= 80 && LIST_HEADING_RE.test(line);
}

// Bylines without `By`: desk credits, and `Name in Place` (The Guardian).
const DESK_BYLINE_RE = /^(?:(?:our|a)\s+(?:staff\s+)?(?:correspondent|reporter)|staff\s+(?:reporter|writer|correspondent)|(?:news|web|metro|city|foreign)\s+desk|agencies|news\s+agencies|AFP|AP|APP|Reuters|PTI|ANI|IANS)$/i;
const NAME_IN_PLACE_RE = /^\p{Lu}[\p{L}\p{M}.'’\-]+(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’\-]+|de|da|van|von|al|el|bin)){0,4}(?:\s+(?:and|&)\s+\p{Lu}[\p{L}\p{M}.'’\-]+(?:\s+\p{Lu}[\p{L}\p{M}.'’\-]+){0,3})?(?:\s+in\s+\p{Lu}[\p{L}\p{M}.'’\-]+(?:\s+\p{Lu}[\p{L}\p{M}.'’\-]+){0,2})?$/u;

/**
 * True for a credit line without `By` (`Staff Reporter`, `Our Correspondent`,
 * `Elena Ruiz in Madrid`): only trusted in a story header right above a date line.
 */
export function isBareByline(line: string): boolean {
  if (line.length > 60) return false;
  return DESK_BYLINE_RE.test(line) || NAME_IN_PLACE_RE.test(line);
}

/** Classifies one trimmed line by itself. */
export function classifyLine(line: string): LineKind {
  const n = line.length;
  if (n === 0) return 'other';
  // Each pattern runs only on lines that can open like it (most lines are prose that none matches).
  const pair = pairIndex(line);
  if (pair >= 0) {
    // Two ASCII letters: no separator or bullet opens so; the table of each pattern says
    // whether it can (see leadPairs.ts).
    if (n <= 200 && (BOILERPLATE_PAIRS[pair] === 1 || mayEndInNewsletter(line)) && isBoilerplate(line)) return 'boilerplate';
    if (n <= 300 && SOURCE_PAIRS[pair] === 1 && SOURCE_RE.test(line)) return 'source';
    if (n <= 160 && BYLINE_PAIRS[pair] === 1 && BYLINE_RE.test(line)) return 'byline';
    return 'other';
  }
  // A symbol, a digit, a one-letter word or a non-ASCII letter first: separators, bullets,
  // and the alternatives that do not open with two letters (`(3) Comments`, `— AP`).
  const c0 = line.charCodeAt(0);
  if (n <= 120 && (c0 === 0x2d || c0 === 0x2a || c0 === 0x5f || c0 === 0x3d || c0 === 0x23 || c0 === 0x7e) && isSeparator(line)) return 'separator';
  if (isBullet(line)) return 'bullet';
  const letterFirst = n >= 2 && isAsciiLetter(c0);
  if (n <= 200 && (!letterFirst || mayEndInNewsletter(line)) && isBoilerplate(line)) return 'boilerplate';
  if (n <= 300 && !letterFirst && SOURCE_RE.test(line)) return 'source';
  return 'other';
}
