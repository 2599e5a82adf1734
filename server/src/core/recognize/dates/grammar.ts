/**
 * The date grammar: one regular expression whose alternatives are the
 * date shapes news text uses, each with its own named groups. The scanner runs
 * it only at the word starts around trigger words (see `dateTriggers`), which keeps
 * recognition far above 10 MB/s; the resolver then turns the groups into values.
 *
 * Alternatives are ordered longest-first because a regex alternation takes the
 * first alternative that matches at a position, not the longest.
 */

/** Spaces inside an expression; never a line break, since headlines and datelines sit on lines of their own. */
const SP = '[ \\t\\u00a0]+';
const SP0 = '[ \\t\\u00a0]*';

/** Full month names, capitalized (news capitalizes months; lower-case "may"/"march" are verbs). */
const MONTH_FULL = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** Month abbreviations; the dot is optional only where a day number follows. */
const MONTH_ABBR = '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
/** A month before or after a day number: full, or abbreviated with or without dot. */
const MONTH_D = `(?:${MONTH_FULL}|${MONTH_ABBR}\\.?)(?![a-z])`;
/** A month standing with a year only: full, or abbreviated with a dot. */
const MONTH_Y = `(?:${MONTH_FULL}|${MONTH_ABBR}\\.)(?![a-z])`;
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])';
/** A weekday before a date, where abbreviations are safe ("Sat, 20 Jan 2024", "Fri., Jan. 19"). */
const WEEKDAY_PREFIX = `(?:${WEEKDAY}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\\.?(?![a-z]))`;
/** A day of the month, 1 or 2 digits, optional ordinal suffix; range checked by the resolver. */
const DAY = '[0-3]?\\d(?!\\d)(?:st|nd|rd|th)?(?![\\w])';
/** A year 1000-2099; a bare one before 1900 needs a preposition (the resolver checks). */
const YEAR = '(?:1\\d|20)\\d\\d(?![\\w])';
/** Modifiers that narrow a month or year without changing its value at that granularity. */
const MOD = `(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Mm]id|[Tt]he${SP}(?:end|beginning|start|middle|close)${SP}of)`;
const RANGE_SEP = `${SP0}(?:-|–|—|to|and|until|till|through|thru)${SP0}`;
const COUNT = `(?:\\d{1,3}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Ss]everal|[Aa]${SP}few|[Aa]${SP}couple${SP}of)`;
const PART_OF_DAY = `(?:${SP}(?:morning|afternoon|evening|night))?`;

/** What an alternative can start with; the scanner runs only the alternatives that fit the character at hand. */
type Opening = 'digit' | 'word' | 'any' | 'quote';

const ALTERNATIVES: readonly (readonly [Opening, string])[] = [
  // 2024-01-19, 2024/01/19 (a time may follow; it is not part of the date value).
  ['digit', `(?<![\\w./-])(?<isoY>(?:19|20)\\d\\d)(?<isoSep>[-/.])(?<isoM>[01]?\\d)\\k<isoSep>(?<isoD>[0-3]?\\d)(?![\\d]|[/.]\\d)`],
  // 19/01/2024, 7/8/07: day or month first, decided by the document's habits.
  ['digit', `(?<![\\w./-])(?<slA>[0-3]?\\d)/(?<slB>[0-3]?\\d)/(?<slY>(?:19|20)\\d\\d|\\d\\d)(?![\\w/]|\\.\\d)`],
  // 19.01.2024, 19-01-2024: only with a four-digit year (otherwise versions and scores).
  ['digit', `(?<![\\w./-])(?<dtA>[0-3]?\\d)(?<dtSep>[.-])(?<dtB>[0-3]?\\d)\\k<dtSep>(?<dtY>(?:19|20)\\d\\d)(?![\\w]|[.-]\\d)`],
  // from 3 to 5 January (2024)
  ['any', `(?:(?<rdFrom>[Ff]rom|[Bb]etween)${SP})?(?<![\\w.,$£€#:/-])(?<rd1>${DAY})${RANGE_SEP}(?<rd2>${DAY})${SP}(?:of${SP})?(?<rdM>${MONTH_D})(?:,?${SP}(?<rdY>${YEAR}))?`],
  // January 3-5, 2024; January 30 to February 2
  ['word', `(?:(?<rmFrom>[Ff]rom|[Bb]etween)${SP})?(?:(?<rmW>${WEEKDAY_PREFIX})(?:,${SP0}|${SP}))?(?<rmM>${MONTH_D})${SP}(?<rm1>${DAY})${RANGE_SEP}(?:(?<rmM2>${MONTH_D})${SP})?(?<rm2>${DAY})(?:,?${SP}(?<rmY>${YEAR}))?`],
  // (Friday,) January 19(th)(, 2024)
  ['word', `(?:(?<mdW>${WEEKDAY_PREFIX})(?:,${SP0}|${SP})(?:the${SP})?)?(?<mdM>${MONTH_D})${SP}(?:the${SP})?(?<mdD>${DAY})(?:,?${SP}(?<mdY>${YEAR}))?`],
  // (Friday,) (the) 19(th) (of) January( 2024)
  ['any', `(?:(?<dmW>${WEEKDAY_PREFIX})(?:,${SP0}|${SP}))?(?<![\\w.,$£€#:/-])(?:the${SP})?(?<dmD>${DAY})(?:${SP}(?:of${SP})?|-(?=[A-Z][a-z]+-\\d))(?<dmM>${MONTH_D})(?:(?:,?${SP}|-)(?<dmY>${YEAR}))?`],
  // (early) January 2024, Jan. 2024
  // from January to March (2024), January-March 2024, between May and July (not "March and May": a list)
  ['word', `(?:[Bb]etween${SP}(?<mb1>${MONTH_FULL})${SP}and${SP}(?<mb2>${MONTH_FULL})|(?:[Ff]rom${SP})?(?<mm1>${MONTH_FULL})${SP0}(?:-|–|—|to|until|till|through|thru)${SP0}(?<mm2>${MONTH_FULL}))(?:,?${SP}(?:of${SP})?(?<mmY>${YEAR}))?(?![\\w'’-])`],
  // January or February of 2001, May and June 2019: two months sharing the year written after the second
  ['word', `(?<ml1>${MONTH_FULL})${SP}(?:or|and)${SP}(?<ml2>${MONTH_FULL}),?${SP}(?:of${SP})?(?<mlY>${YEAR})`],
  // (in) March last year, October of next year, Friday last week
  ['word', `(?<mrM>${MONTH_FULL})(?:,?${SP}of)?${SP}(?<mrRel>last|next|this)${SP}year(?![\\w'’-])`],
  ['word', `(?<wkD>${WEEKDAY})(?:,?${SP}of)?${SP}(?<wkRel>last|next|this)${SP}week(?![\\w'’-])`],
  ['word', `(?:(?<myMod>${MOD})[ \\t\\u00a0-]+)?(?<myM>${MONTH_Y})${SP}(?:of${SP})?(?<myY>${YEAR})`],
  // December of '73
  ['word', `(?<maM>${MONTH_FULL})${SP}(?:of${SP})?['’](?<maY>\\d\\d)(?![\\w'’])`],
  // the first quarter (of 2009 | of last year), third-quarter
  ['any', `(?:[Tt]he${SP})?(?<qN>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[ \\t\\u00a0-]quarter(?![\\w-])(?:${SP}(?:of${SP})?(?:(?<qY>${YEAR})|(?<qRel>this|last|next|the${SP}current|the${SP}previous|the)${SP}year(?!\\w)))?`],
  ['word', `(?<![\\w])Q(?<qN2>[1-4])(?:${SP0}(?<qY2>${YEAR}))?(?![\\w])`],
  // N days/weeks/months/years ago (not "earlier": that counts from the narrative, not the story's date)
  ['any', `(?<agoN>${COUNT})${SP}(?<agoU>day|week|month|year|hour|hr|minute|min|second|sec)s?${SP}ago(?![\\w])`],
  // the summer of 2008: a year, at the granularity this model has
  ['word', `(?:[Tt]he${SP})?(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)${SP}(?:of${SP})?(?<seasonY>${YEAR})`],
  // (earlier) this/last/next week|month|year|weekend
  ['word', `(?:(?<relMod>${MOD})${SP})?(?<rel>[Ll]ast|[Tt]his|[Nn]ext|[Cc]oming|[Tt]he${SP}coming|[Tt]he${SP}current)${SP}(?<relU>week|month|quarter|year|weekend)(?![\\w])`],
  // the previous day, the preceding year, the day before
  ['word', `(?<prevA>[Tt]he${SP}(?:previous|preceding|prior)${SP}(?<prevU>day|week|month|quarter|year))(?![\\w])`],
  ['word', `(?<prevB>[Tt]he${SP}(?<prevU2>day|week|month|year)${SP}(?:before|previous|earlier))(?!${SP}(?:the|a|an|his|her|its|their|last|that)\\b|\\w)`],
  // at the beginning of the year: the story's year
  ['word', `(?<yrMod>${MOD})${SP}the${SP}(?:current${SP})?year(?![\\w'’-])`],
  // (late in) the day: in market and daily news, the story's day; the resolver checks the verb
  ['word', `(?:(?<theDayMod>[Ll]ate|[Ee]arly|[Ll]ater|[Ee]arlier)${SP}in${SP})?(?<theDay>the${SP}day)(?![\\w'’-])`],
  // (earlier) today, yesterday (morning), tonight, tomorrow, this morning
  ['word', `(?:(?<dxMod>[Ee]arlier|[Ll]ater)${SP})?(?<dx>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)(?![\\w'’-]|['’]s${SP}(?:world|society|youth|generation)\\b)${PART_OF_DAY}`],
  ['word', `(?<dxThis>[Tt]his${SP}(?:morning|afternoon|evening))(?![\\w])`],
  // last night: the evening before the story
  ['word', `(?<lastNight>[Ll]ast${SP}night)(?![\\w'’-])`],
  // (over) the weekend: the latest weekend, or the coming one when the sentence looks forward
  ['word', `(?<theWeekend>[Tt]he${SP}weekend)(?![\\w'’-])`],
  // Christmas (Day|Eve), New Year's Day, Valentine's Day …: holidays on a fixed day
  ['word', `(?:(?<hoRel>[Ll]ast|[Tt]his|[Nn]ext)${SP})?(?<ho>Christmas(?:${SP}(?:Day|Eve))?|New${SP}Year['’]?s?${SP}(?:Day|Eve)|Valentine['’]?s${SP}Day|Hallowe['’]?en|Boxing${SP}Day)(?:${SP}(?<hoY>${YEAR}))?(?![\\w'’-])`],
  // (late) (last|next) Friday (night)
  ['word', `(?:(?<wdMod>[Ll]ate|[Ee]arly)${SP})?(?:(?<wdRel>[Ll]ast|[Tt]his|[Nn]ext|[Cc]oming|[Pp]ast)${SP})?(?<wd>${WEEKDAY})${PART_OF_DAY}`],
  // (early|last) January: guarded against names and verbs by the resolver
  ['word', `(?:(?<moMod>${MOD})[ \\t\\u00a0-]+|(?<moRel>[Ll]ast|[Tt]his|[Nn]ext)${SP})?(?<mo>${MONTH_FULL})(?![\\w]|-[a-z])`],
  // between 2014 and 2016, from 2009 to 2011, 2009-2011
  ['any', `(?<![\\w$£€¥#.,/-])(?:[Bb]etween${SP}(?<yrB1>${YEAR})${SP}and${SP}(?<yrB2>${YEAR})|(?:[Ff]rom${SP})?(?<yrA1>${YEAR})${SP0}(?:-|–|to|through|until|till)${SP0}(?<yrA2>${YEAR}))`],
  // '82, in news shorthand; the resolver wants a preposition before it
  ['quote', `['’](?<apY>\\d\\d)(?![\\w'’])`],
  // (mid-)2011, 2009-10: guarded against counts and money by the resolver
  ['any', `(?<![\\w$£€¥#.,/-])(?:(?<yMod>${MOD})[ \\t\\u00a0-]+)?(?<y>${YEAR})(?:[-–](?<y2>(?:19|20)?\\d\\d)(?![\\w]))?`],
];

/** The names of the grammar's groups, in source order (each name is used once). */
export const GROUP_NAMES: readonly string[] = groupNames(ALTERNATIVES.map(([, src]) => src).join('|'));

function groupNames(source: string): string[] {
  return [...source.matchAll(/\(\?<([A-Za-z]\w*)>/g)].map((m) => m[1] ?? '');
}

/** One alternative of the grammar on its own: a sticky regex, and the group of each capture number. */
export interface Alternative {
  readonly regex: RegExp;
  /** `slots[i]` is the index in {@link GROUP_NAMES} of capture i's group (-1 for index 0, the whole match). */
  readonly slots: Int32Array;
}

/**
 * One compiled part of the grammar, the alternatives that can open with a
 * digit, a letter or an apostrophe. Matching takes two steps (see
 * {@link alternativeAt}): `probe` finds whether and which alternative matches,
 * then that alternative's own regex gives the captures.
 *
 * Why: the grammar has close to a hundred groups, and V8 pays for every
 * capture register at each step of a match, and again to build the result;
 * with all of them a successful match cost three times as much as without.
 * `probe` has no groups but an empty one closing each alternative (a marker
 * of which one matched) and those the backreferences need.
 */
export interface Grammar {
  readonly probe: RegExp;
  /** The capture number in `probe` of each alternative's marker, in order. */
  readonly markers: Int32Array;
  readonly alternatives: readonly Alternative[];
}

/**
 * Compiles the part of the grammar that can open with a digit, a letter or an
 * apostrophe. Every regex is sticky: it matches only at `lastIndex`, which the
 * scanner sets to the few word starts around each trigger, and never inside a
 * word (the `(?<![\\w])` before the alternatives). Compiling is not free:
 * build it once.
 *
 * The groups are written with names above but compiled as numbered groups
 * (`slots` maps the numbers back to names): for a regex with named groups V8
 * builds a `groups` object on every match, with a property per group, that
 * nothing reads. Every capture in the grammar is named, so the names in
 * source order are the captures in number order.
 */
export function dateGrammar(opening: 'digit' | 'word' | 'quote'): Grammar {
  const fits = ALTERNATIVES.filter(([o]) => o === opening || (o === 'any' && opening !== 'quote')).map(([, src]) => src);
  const markers: number[] = [];
  let captures = 0;
  const probed = fits.map((src) => {
    // Only the groups a backreference reads stay capturing in the probe.
    const referenced = [...src.matchAll(/\\k<([A-Za-z]\w*)>/g)].map((m) => m[1] ?? '');
    const numbers = new Map<string, number>();
    const probe = src
      .replace(/\(\?<([A-Za-z]\w*)>/g, (_, name: string) => {
        if (!referenced.includes(name)) return '(?:';
        numbers.set(name, ++captures);
        return '(';
      })
      .replace(/\\k<([A-Za-z]\w*)>/g, (_, name: string) => `(?:\\${numbers.get(name) ?? 0})`);
    markers.push(++captures);
    return `${probe}()`;
  });
  return {
    probe: new RegExp(`(?<![\\w])(?:${probed.join('|')})`, 'y'),
    markers: Int32Array.from(markers),
    alternatives: fits.map(alternative),
  };
}

/** One alternative as a sticky regex of its own, its named groups numbered. */
function alternative(src: string): Alternative {
  const names = groupNames(src);
  const numbered = src
    .replace(/\\k<([A-Za-z]\w*)>/g, (_, name: string) => `(?:\\${names.indexOf(name) + 1})`)
    .replace(/\(\?<([A-Za-z]\w*)>/g, '(');
  const slots = Int32Array.from([-1, ...names.map((n) => GROUP_NAMES.indexOf(n))]);
  return { regex: new RegExp(`(?<![\\w])(?:${numbered})`, 'y'), slots };
}

/**
 * The alternative of `grammar` that matches `text` at `at` (the first one, as
 * in a single alternation), or undefined. Its regex, run at `at`, gives the
 * match with its captures.
 */
export function alternativeAt(grammar: Grammar, text: string, at: number): Alternative | undefined {
  const probe = grammar.probe;
  probe.lastIndex = at;
  const m = probe.exec(text);
  if (m === null) return undefined;
  const markers = grammar.markers;
  for (let i = 0; i < markers.length; i++) {
    if (m[markers[i] ?? 0] !== undefined) return grammar.alternatives[i];
  }
  return undefined;
}

/**
 * The month and weekday names among the trigger words: each three-letter form,
 * unless a lower-case letter follows that does not begin a longer form.
 *
 * Why no match is lost: a match tried for a trigger runs through the trigger's
 * word (the lead words before it hold no trigger, and every alternative needs
 * one) and reads it as a token that starts there. The only literals of the
 * grammar sharing these first three letters are the month and weekday names
 * and abbreviations ("Mid", "The", "This", "Three", "From", "Four", "Seven",
 * "Summer", "Autumn", "New" … all differ within three letters); an abbreviation
 * is always followed by `\.?(?![a-z])`. So after a lower-case letter only a
 * full name, "Sept", "Tues" or "Thur(s)" can be read, and the word begins with
 * it. A full name may go on with letters (in "Marchto April", a month range's
 * `\s*` between "March" and "to" is empty), so after a longer form nothing
 * more is asked, and "May" stays a trigger before a "t" or a "u".
 */
const NAME_TRIGGERS = [
  'Jan(?:uary|(?![a-z]))', 'Feb(?:ruary|(?![a-z]))', 'Mar(?:ch|(?![a-z]))', 'Apr(?:il|(?![a-z]))', 'May(?:[tu]|(?![a-z]))',
  'Jun(?:e|(?![a-z]))', 'Jul(?:y|(?![a-z]))', 'Aug(?:ust|(?![a-z]))', 'Sep(?:t|(?![a-z]))', 'Oct(?:ober|(?![a-z]))',
  'Nov(?:ember|(?![a-z]))', 'Dec(?:ember|(?![a-z]))', 'Mon(?:day|(?![a-z]))', 'Tue(?:s|(?![a-z]))', 'Wed(?:nesday|(?![a-z]))',
  'Thu(?:r|(?![a-z]))', 'Fri(?:day|(?![a-z]))', 'Sat(?:urday|(?![a-z]))', 'Sun(?:day|(?![a-z]))',
].join('|');

/**
 * Words every date expression contains at least one of: numbers, month and
 * weekday names, deictic words and calendar units. Finding these is a simple
 * scan; the full grammar runs only next to them.
 *
 * A number is a trigger only where the grammar could read it, which saves a
 * grammar attempt or several per price, score, count or clock time:
 * - one or two digits: a day, before an ordinal suffix, a range dash, a slash
 *   and a digit (7/8/07), a dot, digits and a dot (19.01.2024), a hyphen and a
 *   digit, blank or capital (3-5 January, 19-Jan-2024), or before blanks and a
 *   month, "of", a range word ("to", "and", "until" …) or a unit ("3 days ago");
 *   or a two-digit year after an apostrophe ('82);
 * - three digits: a count before blanks and a unit ("150 years ago");
 * - four digits: a year 1000-2099.
 * Never after a letter or digit ("A320"), where no alternative may start or go
 * on. A trigger always spans a whole digit run, so what the scan skips is the
 * same as when every digit run was a trigger that led nowhere.
 */
export function dateTriggers(): RegExp {
  const blanks = '[ \\t\\u00a0]';
  const unit = '(?:day|week|month|year|hour|hr|minute|min|second|sec)';
  const afterDay = `[snrt–—]|/\\d|\\.\\d{1,2}\\.|-[\\d \\t\\u00a0A-Z]|${blanks}+(?:[JFMASOND]|of|to|and|until|till|through|thru|[-–—]|${unit})`;
  // The apostrophe is checked after the digits: a lookbehind opening an alternative
  // makes V8 try the whole pattern at every position, three times slower.
  const numbers = `\\d{1,2}(?:(?=${afterDay})|(?<=['’]\\d{1,2})(?!\\d))|\\d{3}(?=${blanks}+${unit})|(?:1\\d|20)\\d\\d(?!\\d)`;
  // A three-letter name then a lower-case letter is a trigger only where a longer form of
  // the name begins ("March", "Sept", "Thur"): "Mark", "Money", "Janet" are other words,
  // which the grammar cannot read (see `NAME_TRIGGERS`).
  const capitalWords = `${NAME_TRIGGERS}|Q[1-4]|Christmas|New Year|Valentine|Hallowe|Boxing Day|`
    + 'Yesterday|To(?:day|night|morrow)';
  const lowerWords = 'morning|afternoon|evening|night|week|month|year|day|quarter|yesterday|to(?:day|night|morrow)';
  // Three top-level alternatives, each with its own `\b`, by what the trigger opens with (a
  // digit, a capital, a lower-case letter): irregexp runs this about 20 % faster than one
  // `\b` before a single alternation of the same words. Same matches: alternatives that
  // could match at one position open with the same character, and keep their order.
  return new RegExp(`\\b(?:${numbers})|\\b(?:${capitalWords})|\\b(?:${lowerWords})`, 'g');
}

/**
 * Whether an expression may open with the trigger at `at`: not with a unit or
 * a part of the day (the lower-case trigger words but "yesterday", "today",
 * "tonight", "tomorrow"), which only close one ("last year", "this morning").
 */
export function triggerOpens(text: string, at: number): boolean {
  switch (text.charCodeAt(at)) {
    case 97: case 100: case 101: case 109: case 110: case 113: case 119: return false; // a d e m n q w
    case 121: return text.charCodeAt(at + 2) !== 97; // "year", not "yesterday"
    default: return true;
  }
}

/** How many words before a trigger an expression may start ("the end of last year"). */
export const MAX_WORDS_BEFORE_TRIGGER = 4;
