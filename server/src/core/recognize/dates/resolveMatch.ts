import type { DateMention } from '../model';
import {
  addMonths, dayNumber, fromDayNumber, isoDay, isoMonth, isoQuarter, isoWeek, isoYear, weekdayOf,
} from './calendar';
import { hasTemporalPrep, looksForward, nameAfter, nameBefore, nextWord, opensSentence } from './context';
import { countValue, holidayDay, monthNumber, QUARTER_WORDS, weekdayNumber } from './lexicon';

/** What the resolver needs besides the match: the text and the story's date. */
export interface ResolveContext {
  readonly text: string;
  /** Day number of the reference (publication) date; undefined resolves only dates that name their year. */
  readonly ref: number | undefined;
  /** The reference date as `YYYY-MM-DD`, for `resolvedFrom`; '' without one. */
  readonly refIso: string;
  /** Whether ambiguous numeric dates are month-first; computed once per text, on demand. */
  readonly monthFirst: () => boolean;
}

/** A value, its granularity and how it was found. */
type Resolved = readonly [string, DateMention['granularity'], string];

/** The captures a match filled, by group name; the others are absent. */
export type Groups = Readonly<Record<string, string | undefined>>;

/** How far ahead of the story an undated "June 17" may still lie before it is read as last year's. */
const NEAR_FUTURE_DAYS = 62;
/** How many months ahead an undated "in October" may lie before it is read as last year's. */
const NEAR_FUTURE_MONTHS = 2;

/** Adjectives that make a weekday a named event, not a date near the story ("Black Monday", "Super Tuesday"). */
const NAMED_DAY_BEFORE = /\b(?:Black|Cyber|Good|Holy|Super|Bloody|Ash|Palm|Easter|Blue|Giving|Shrove|Maundy|Mad|Manic)[ \t]+$/;

/** Verbs and prepositions before "the day" that make it the story's day ("the index ended the day up 2%"). */
const DAY_OF_STORY_BEFORE = /\b(?:end|ends|ended|ending|finish|finished|finishing|close|closed|closing|start|started|starting|open|opened|opening|for|throughout)\s+$/i;

/** Counts that a following noun shows are not years ("2000 people"). */
const COUNT_NOUN = /^(?:rupees|yuan|renminbi|rubles|roubles|dinars|riyals|rials|dirhams|pesos|naira|shillings|baht|won|rand|lira|francs|krona|kronor|people|persons|jobs|workers|employees|staff|units|cars|vehicles|planes|aircraft|shares|troops|soldiers|police|officers|years|months|weeks|days|hours|minutes|seconds|miles|km|kilometres|kilometers|metres|meters|feet|ft|tons|tonnes|dollars|euros|pounds|yen|points|votes|seats|members|residents|students|children|homes|houses|deaths|cases|times|percent|per|pc|barrels|mw|gw|kg|lb|lbs|acres|hectares|rooms|beds|pages|words|calories|degrees|rounds|passengers|customers|users|stores|outlets|branches|companies|firms|families|refugees|migrants|prisoners|civilians|fighters|militants|protesters|rockets|missiles|hp)$/i;

/**
 * One match on its way to a mention: where it is, and the two things most
 * rules need (building the mention, asking whether the sentence looks forward).
 * A class rather than per-match closures, which the hot path would allocate.
 */
class Found {
  readonly start: number;
  readonly end: number;
  constructor(readonly m: RegExpExecArray, readonly ctx: ResolveContext, private readonly isRange: boolean) {
    this.start = m.index;
    this.end = m.index + m[0].length;
  }

  make(value: string, granularity: DateMention['granularity'], resolvedFrom: string, rangeEnd?: string): DateMention {
    const { start, end } = this;
    const text = this.m[0];
    return rangeEnd === undefined
      ? { start, end, text, value, granularity, resolvedFrom }
      : { start, end, text, value, granularity, resolvedFrom, rangeEnd };
  }

  /**
   * A range written with two full endpoints ("from 2009 to 2011", "between April
   * and June"): two mentions, one per endpoint, the first carrying the range's
   * end. Each endpoint is a date of its own, as news annotation marks them.
   */
  split(first: string, second: string, v1: string, v2: string, granularity: DateMention['granularity'], how: string): [DateMention, DateMention] | undefined {
    const pair = this.pair(first, second, [v1, granularity, how], [v2, granularity, how]);
    return pair && [{ ...pair[0], rangeEnd: v2 }, pair[1]];
  }

  /**
   * Two dates read together, each its own mention: "October of next year" is
   * "October" (2010-10, placed by its neighbour) and "next year" (2010).
   */
  pair(first: string, second: string, a: Resolved, b: Resolved): [DateMention, DateMention] | undefined {
    const whole = this.m[0];
    const i = whole.indexOf(first);
    const j = whole.lastIndexOf(second);
    if (i < 0 || j < i + first.length) return undefined;
    const s1 = this.start + i;
    const s2 = this.start + j;
    return [
      { start: s1, end: s1 + first.length, text: first, value: a[0], granularity: a[1], resolvedFrom: a[2] },
      { start: s2, end: this.end, text: whole.slice(j), value: b[0], granularity: b[1], resolvedFrom: b[2] },
    ];
  }

  forward(): boolean {
    return looksForward(this.ctx.text, this.start, this.end, this.isRange);
  }
}

/**
 * Turns one grammar match into a date mention, or undefined when the match is
 * not a date after all (a name, a count, money) or cannot be resolved.
 */
export function resolveMatch(m: RegExpExecArray, g: Groups, ctx: ResolveContext): DateMention | readonly DateMention[] | undefined {
  const f = new Found(m, ctx, g.rd1 !== undefined || g.rm1 !== undefined || g.mm1 !== undefined || g.mb1 !== undefined);
  const { start, end } = f;
  const { ref } = ctx;
  const refIso = ctx.refIso;

  // --- numeric dates ---
  if (g.isoY !== undefined) {
    const n = dayNumber(+g.isoY, +(g.isoM ?? 0), +(g.isoD ?? 0));
    return n === undefined ? undefined : f.make(isoDay(n), 'day', 'explicit');
  }
  if (g.slA !== undefined || g.dtA !== undefined) {
    const a = +(g.slA ?? g.dtA ?? 0);
    const b = +(g.slB ?? g.dtB ?? 0);
    let year = +(g.slY ?? g.dtY ?? 0);
    if (year < 100) year += year < 50 ? 2000 : 1900;
    const monthFirst = a > 12 ? false : b > 12 ? true : ctx.monthFirst();
    const n = monthFirst ? dayNumber(year, a, b) : dayNumber(year, b, a);
    return n === undefined ? undefined : f.make(isoDay(n), 'day', monthFirst ? 'explicit:month-first' : 'explicit:day-first');
  }

  // --- day ranges ---
  if (g.rd1 !== undefined || g.rm1 !== undefined) {
    const month1 = monthNumber(g.rdM ?? g.rmM ?? '');
    const month2 = g.rmM2 !== undefined ? monthNumber(g.rmM2) : month1;
    const d1 = parseInt(g.rd1 ?? g.rm1 ?? '', 10);
    const d2 = parseInt(g.rd2 ?? g.rm2 ?? '', 10);
    const yearText = g.rdY ?? g.rmY;
    if (month1 === undefined || month2 === undefined) return undefined;
    const first = resolveMonthDay(month1, d1, yearText, f);
    if (!first) return undefined;
    const firstYear = fromDayNumber(first.n).year;
    const endYear = month2 < month1 ? firstYear + 1 : firstYear;
    const last = dayNumber(endYear, month2, d2);
    if (last === undefined || last < first.n) return undefined;
    return f.make(isoDay(first.n), 'day', first.how, isoDay(last));
  }

  // --- month and day ---
  if (g.mdM !== undefined || g.dmM !== undefined) {
    const month = monthNumber(g.mdM ?? g.dmM ?? '');
    const day = parseInt(g.mdD ?? g.dmD ?? '', 10);
    if (month === undefined) return undefined;
    if (g.mdW === undefined && g.dmW === undefined && nameBefore(ctx.text, start)) return undefined;
    const r = resolveMonthDay(month, day, g.mdY ?? g.dmY, f);
    return r ? f.make(isoDay(r.n), 'day', r.how) : undefined;
  }

  // --- month ranges ---
  if (g.mm1 !== undefined || g.mb1 !== undefined) return resolveMonthRange(g, f);

  // --- a season and year ---
  if (g.seasonY !== undefined) return f.make(isoYear(+g.seasonY), 'year', 'explicit');

  // --- month and year ---
  if (g.myM !== undefined) {
    const month = monthNumber(g.myM);
    return month === undefined ? undefined : f.make(isoMonth(+(g.myY ?? 0), month), 'month', 'explicit');
  }

  // --- quarters ---
  if (g.qN !== undefined || g.qN2 !== undefined) return resolveQuarter(g, f);

  if (g.y !== undefined || g.yrA1 !== undefined || g.yrB1 !== undefined) return resolveYear(g, f);
  if (ref === undefined) return undefined; // everything below is relative to the story's date

  const today = fromDayNumber(ref);

  // --- March last year, Friday next week ---
  if (g.mrM !== undefined) {
    const month = monthNumber(g.mrM);
    const delta = g.mrRel === 'last' ? -1 : g.mrRel === 'next' ? 1 : 0;
    const how = `relative:${refIso}`;
    const year = today.year + delta;
    return month === undefined ? undefined
      : f.pair(g.mrM, g.mrRel ?? '', [isoMonth(year, month), 'month', how], [isoYear(year), 'year', how]);
  }
  if (g.wkD !== undefined) {
    const wd = weekdayNumber(g.wkD);
    if (wd === undefined) return undefined;
    const delta = g.wkRel === 'last' ? -7 : g.wkRel === 'next' ? 7 : 0;
    // The named day in the ISO week (Monday first) of the reference day shifted by a week.
    const monday = ref + delta - ((weekdayOf(ref) + 6) % 7);
    const how = `relative:${refIso}`;
    return f.pair(g.wkD, g.wkRel ?? '', [isoDay(monday + ((wd + 6) % 7)), 'day', how], [isoWeek(ref + delta), 'week', how]);
  }

  // --- N units ago ---
  if (g.agoU !== undefined) {
    const n = countValue(g.agoN ?? '');
    if (n === undefined || n > 500) return undefined;
    const how = `relative:${refIso}`;
    switch (g.agoU) {
      case 'day': return f.make(isoDay(ref - n), 'day', how);
      case 'week': return f.make(isoDay(ref - 7 * n), 'day', how);
      // "Updated 14 sec ago", "2 hours ago": the reference day, to the day (the hour is unknown).
      case 'hour': case 'hr': return f.make(isoDay(ref - Math.floor(n / 24)), 'day', how);
      case 'minute': case 'min': case 'second': case 'sec': return f.make(isoDay(ref), 'day', how);
      case 'month': { const t = addMonths(today.year, today.month, -n); return f.make(isoMonth(t.year, t.month), 'month', how); }
      default: return f.make(isoYear(today.year - n), 'year', how);
    }
  }

  // --- this/last/next week, month, year ---
  if (g.relU !== undefined || g.prevU !== undefined || g.prevU2 !== undefined) {
    const rel = (g.rel ?? 'previous').toLowerCase().replace(/^the\s+/, '');
    const delta = rel === 'last' || rel === 'previous' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
    const unit = g.relU ?? g.prevU ?? g.prevU2 ?? '';
    const how = `relative:${refIso}`;
    switch (unit) {
      case 'day': return f.make(isoDay(ref + delta), 'day', how);
      case 'week': case 'weekend': return f.make(isoWeek(ref + 7 * delta), 'week', how);
      case 'month': { const t = addMonths(today.year, today.month, delta); return f.make(isoMonth(t.year, t.month), 'month', how); }
      case 'quarter': {
        const q = Math.ceil(today.month / 3) - 1 + delta; // 0-based, may leave the year
        const year = today.year + Math.floor(q / 4);
        return f.make(isoQuarter(year, (((q % 4) + 4) % 4) + 1), 'quarter', how);
      }
      default: return f.make(isoYear(today.year + delta), 'year', how);
    }
  }

  // --- the beginning of the year ---
  if (g.yrMod !== undefined) return f.make(isoYear(today.year), 'year', `relative:${refIso}`);

  // --- (late in) the day ---
  if (g.theDay !== undefined) {
    // Only where the day is plainly the story's own: "ended the day", "for the day", "late in the day".
    if (g.theDayMod === undefined && !DAY_OF_STORY_BEFORE.test(ctx.text.slice(Math.max(0, start - 24), start))) return undefined;
    return f.make(isoDay(ref), 'day', `relative:${refIso}`);
  }

  // --- today, yesterday, tomorrow ---
  if (g.dx !== undefined || g.dxThis !== undefined) {
    // "USA Today", "the Today programme": capitalized inside a sentence, it is a name.
    if (g.dxMod === undefined && g.dx !== undefined && /^[A-Z]/.test(g.dx) && !opensSentence(ctx.text, start)) return undefined;
    const word = (g.dx ?? 'today').toLowerCase();
    const delta = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
    return f.make(isoDay(ref + delta), 'day', `relative:${refIso}`);
  }

  // --- holidays ---
  if (g.ho !== undefined) {
    const day = holidayDay(g.ho);
    if (day === undefined) return undefined;
    const rel = (g.hoRel ?? '').toLowerCase();
    if (g.hoY !== undefined) {
      const n = dayNumber(+g.hoY, day[0], day[1]);
      return n === undefined ? undefined : f.make(isoDay(n), 'day', 'explicit');
    }
    let n = dayNumber(today.year, day[0], day[1]) ?? ref;
    let how = `year-back:${refIso}`;
    if (rel === 'last') { if (n >= ref) n = dayNumber(today.year - 1, day[0], day[1]) ?? n; }
    else if (rel === 'next' || rel === 'this' || f.forward()) {
      how = `year-forward:${refIso}`;
      if (n < ref) n = dayNumber(today.year + 1, day[0], day[1]) ?? n;
    } else if (n > ref + NEAR_FUTURE_DAYS) n = dayNumber(today.year - 1, day[0], day[1]) ?? n;
    else if (n > ref) how = `year-same:${refIso}`;
    return f.make(isoDay(n), 'day', how);
  }

  // --- weekdays ---
  if (g.wd !== undefined) {
    const wd = weekdayNumber(g.wd);
    if (wd === undefined) return undefined;
    const rel = (g.wdRel ?? '').toLowerCase();
    if (rel === '' && NAMED_DAY_BEFORE.test(ctx.text.slice(Math.max(0, start - 10), start))) return undefined;
    // "Sunday Times", "Monday Club": a bare weekday heading a name, unless a preposition makes it a date.
    if (rel === '' && g.wdMod === undefined && end - start === g.wd.length && nameAfter(ctx.text, end) && !hasTemporalPrep(ctx.text, start)) return undefined;
    const back = (ref - ((weekdayOf(ref) - wd + 7) % 7));
    const ahead = (ref + ((wd - weekdayOf(ref) + 7) % 7));
    if (rel === 'last' || rel === 'past') return f.make(isoDay(back === ref ? ref - 7 : back), 'day', `weekday-back:${refIso}`);
    if (rel === 'next') return f.make(isoDay(ahead === ref ? ref + 7 : ahead), 'day', `weekday-forward:${refIso}`);
    if (rel === 'this' || rel === 'coming' || f.forward()) return f.make(isoDay(ahead), 'day', `weekday-forward:${refIso}`);
    return f.make(isoDay(back), 'day', `weekday-back:${refIso}`);
  }

  // --- a month on its own ---
  if (g.mo !== undefined) {
    const month = monthNumber(g.mo);
    if (month === undefined) return undefined;
    const guarded = g.moMod !== undefined || g.moRel !== undefined || hasTemporalPrep(ctx.text, start);
    if (!guarded) {
      // "May" and "March" are verbs, and any month may be a name ("Theresa May", "June Carter").
      if (month === 5 || month === 3) return undefined;
      if (nameBefore(ctx.text, start) || nameAfter(ctx.text, end)) return undefined;
    } else if (month === 5 && g.moMod === undefined && g.moRel === undefined && /^[a-z]/.test(nextWord(ctx.text, end)) && /^(?:be|have|not|also|well|still|never|soon|need|want|take|make|get|go|come|seem|become|face|see|lose|help|lead|cause|include|affect|require|result|prove|decide|choose)$/.test(nextWord(ctx.text, end))) {
      return undefined; // "… and may be": a modal after a conjunction
    }
    const rel = (g.moRel ?? '').toLowerCase();
    let year = today.year;
    let how: string;
    if (rel === 'last') { if (month >= today.month) year--; how = `year-back:${refIso}`; }
    else if (rel === 'next') { if (month <= today.month) year++; how = `year-forward:${refIso}`; }
    else if (rel === 'this') how = `year-same:${refIso}`;
    else if (f.forward()) { if (month < today.month) year++; how = `year-forward:${refIso}`; }
    else if (month > today.month + NEAR_FUTURE_MONTHS) { year--; how = `year-back:${refIso}`; }
    else how = month > today.month ? `year-same:${refIso}` : `year-back:${refIso}`;
    return f.make(isoMonth(year, month), 'month', how);
  }

  // --- '82 ---
  if (g.apY !== undefined) {
    if (!hasTemporalPrep(ctx.text, start)) return undefined;
    const yy = +g.apY;
    const century = Math.floor(today.year / 100) * 100;
    const year = century + yy <= today.year + 1 ? century + yy : century - 100 + yy;
    return f.make(isoYear(year), 'year', `century:${refIso}`);
  }
  return undefined;
}

/** A month and day with or without a year; undefined when the day does not exist or no year can be found. */
function resolveMonthDay(month: number, day: number, yearText: string | undefined, f: Found): { n: number; how: string } | undefined {
  if (yearText !== undefined) {
    const n = dayNumber(+yearText, month, day);
    return n === undefined ? undefined : { n, how: 'explicit' };
  }
  const { ref, refIso } = f.ctx;
  if (ref === undefined) return undefined;
  const y = fromDayNumber(ref).year;
  const same = dayNumber(y, month, day) ?? dayNumber(y - 1, month, day) ?? dayNumber(y + 1, month, day);
  if (same === undefined) return undefined;
  const year = fromDayNumber(same).year;
  if (f.forward()) {
    if (same >= ref) return { n: same, how: `year-forward:${refIso}` };
    const next = dayNumber(year + 1, month, day);
    return next === undefined ? undefined : { n: next, how: `year-forward:${refIso}` };
  }
  if (same <= ref + NEAR_FUTURE_DAYS) return { n: same, how: same <= ref ? `year-back:${refIso}` : `year-same:${refIso}` };
  const prev = dayNumber(year - 1, month, day);
  return prev === undefined ? undefined : { n: prev, how: `year-back:${refIso}` };
}

/** "from January to March (2024)": a month range; undated, both months follow the first's year. */
function resolveMonthRange(g: Groups, f: Found): readonly DateMention[] | undefined {
  const m1 = monthNumber(g.mm1 ?? g.mb1 ?? '');
  const m2 = monthNumber(g.mm2 ?? g.mb2 ?? '');
  if (m1 === undefined || m2 === undefined || m1 === m2) return undefined;
  let year: number;
  let how = 'explicit';
  if (g.mmY !== undefined) {
    year = +g.mmY;
    if (m2 < m1) year--; // "December to February 2024" ends in 2024
  } else {
    const { ref, refIso } = f.ctx;
    if (ref === undefined) return undefined;
    const today = fromDayNumber(ref);
    year = today.year;
    if (f.forward()) { if (m1 < today.month) year++; how = `year-forward:${refIso}`; }
    else { if (m1 > today.month + NEAR_FUTURE_MONTHS) year--; how = `year-back:${refIso}`; }
  }
  return f.split(g.mm1 ?? g.mb1 ?? '', g.mm2 ?? g.mb2 ?? '', isoMonth(year, m1), isoMonth(m2 < m1 ? year + 1 : year, m2), 'month', how);
}

function resolveQuarter(g: Groups, f: Found): DateMention | undefined {
  const word = (g.qN ?? '').toLowerCase();
  const q = g.qN2 !== undefined ? +g.qN2 : QUARTER_WORDS.get(word);
  if (q === undefined) return undefined;
  const explicit = g.qY ?? g.qY2;
  if (explicit !== undefined) return f.make(isoQuarter(+explicit, q), 'quarter', 'explicit');
  const { ref, refIso } = f.ctx;
  if (ref === undefined) return undefined;
  const today = fromDayNumber(ref);
  const current = Math.ceil(today.month / 3);
  const how = `relative:${refIso}`;
  const rel = (g.qRel ?? '').toLowerCase();
  if (rel) {
    const delta = /last|previous/.test(rel) ? -1 : rel === 'next' ? 1 : 0;
    return f.make(isoQuarter(today.year + delta, q), 'quarter', how);
  }
  if (word === 'last' || word === 'final') {
    // "the last quarter": the one before the current.
    return current === 1 ? f.make(isoQuarter(today.year - 1, 4), 'quarter', how) : f.make(isoQuarter(today.year, current - 1), 'quarter', how);
  }
  if (f.forward()) return f.make(isoQuarter(q >= current ? today.year : today.year + 1, q), 'quarter', how);
  return f.make(isoQuarter(q <= current ? today.year : today.year - 1, q), 'quarter', how);
}

function resolveYear(g: Groups, f: Found): DateMention | readonly DateMention[] | undefined {
  const { ctx, start, end } = f;
  const year = +(g.y ?? g.yrA1 ?? g.yrB1 ?? 0);
  const text = ctx.text;
  const after = text.slice(end, end + 16);
  // Money, percentages, measures and counts are not years.
  if (/^\s*(?:%|percent|per\s*cent|[kKmM]\b|bn\b|million|billion|crore|lakh)/.test(after)) return undefined;
  // "at 1930 GMT": a wire-service clock time.
  if (/^\s*(?:GMT|UTC|Z\b|[ECMP][SD]T\b|BST|CES?T|IST|JST|AES?T|AEDT|hrs?\b|hours\b|h\b|local\s+time)/.test(after)) return undefined;
  if (/^[.,]\d/.test(after) || /^:\d/.test(after)) return undefined;
  const before = text.slice(Math.max(0, start - 12), start);
  if (/(?:US|A|C|HK|NZ|S)?[$£€¥#]\s*$|\b(?:No\.?|Nos\.?|number|Rs\.?|USD|EUR|GBP|about|some|nearly|almost|over|than|around|approximately|roughly|least)\s*$/i.test(before) && !hasTemporalPrep(text, start)) return undefined;
  if (COUNT_NOUN.test(nextWord(text, end))) return undefined;
  // "Russell 2000", "Windows 2000": a number inside a name. A name with a year
  // close to the story's ("WWDC 2005", "Euro 2012") names that year's event.
  const near = ctx.ref !== undefined && Math.abs(fromDayNumber(ctx.ref).year - year) <= 2;
  if (g.yMod === undefined && !near && nameBefore(text, start) && !hasTemporalPrep(text, start)) return undefined;
  let rangeEnd: string | undefined;
  const second = g.y2 ?? g.yrA2 ?? g.yrB2;
  if (second !== undefined) {
    let y2 = +second;
    if (y2 < 100) y2 += Math.floor(year / 100) * 100;
    if (y2 <= year || y2 - year > 50) return undefined; // "2009-05" is not a range of years
    rangeEnd = isoYear(y2);
    const first = g.yrA1 ?? g.yrB1;
    if (first !== undefined) return f.split(first, second, isoYear(year), rangeEnd, 'year', 'explicit');
  }
  return f.make(isoYear(year), 'year', 'explicit', rangeEnd);
}
