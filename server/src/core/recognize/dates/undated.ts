/**
 * Dates that do not name their year: a day of a month, a month, a weekday, a
 * holiday. News looks back, so they resolve backwards from the story's date,
 * except a little way ahead (an event in the coming weeks is mentioned plainly)
 * or where the sentence looks forward.
 */
import type { DateMention } from '../model';
import { dayNumber, fromDayNumber, isoDay, isoMonth, weekdayOf } from './calendar';
import type { Found, Groups } from './found';
import { holidayDay, monthNumber, weekdayNumber } from './lexicon';
import { hasTemporalPrep, nameAfter, nameBefore, nextWord, previousWord } from './words';

/** How far ahead of the story an undated "June 17" may still lie before it is read as last year's. */
const NEAR_FUTURE_DAYS = 62;
/** How many months ahead an undated "in October" may lie before it is read as last year's. */
const NEAR_FUTURE_MONTHS = 2;

/** Adjectives that make a weekday a named event, not a date near the story ("Black Monday", "Super Tuesday"). */
const NAMED_DAY_BEFORE = /\b(?:Black|Cyber|Good|Holy|Super|Bloody|Ash|Palm|Easter|Blue|Giving|Shrove|Maundy|Mad|Manic)[ \t]+$/;

/** Determiners before a month used as a modifier: "the May elections", "a March deadline". */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);

/** "the May elections": a determiner before and a lower-case word after make the month a date. */
function attributive(text: string, start: number, end: number): boolean {
  const next = nextWord(text, end);
  return DETERMINERS.has(previousWord(text, start).toLowerCase()) && /^[a-z]/.test(next) && !NOT_A_NOUN.test(next);
}

/** Words after "the March" that make it a noun phrase of its own ("the March on Washington", "the May of 1968"). */
const NOT_A_NOUN = /^(?:on|in|of|to|at|by|for|from|with|against|and|or|but|is|was|were|are|will|would|said|says|has|had|that|which|who)$/;

/** A month and day with or without a year; undefined when the day does not exist or no year can be found. */
export function resolveMonthDay(month: number, day: number, yearText: string | undefined, f: Found): { n: number; how: string } | undefined {
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
export function resolveMonthRange(g: Groups, f: Found): readonly DateMention[] | undefined {
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

/** Christmas Day, New Year's Eve …: a fixed day, its year found like an undated day's. */
export function resolveHoliday(g: Groups, f: Found, ref: number): DateMention | undefined {
  const { refIso } = f.ctx;
  const today = fromDayNumber(ref);
  const day = holidayDay(g.ho ?? '');
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

/** (last|next|this) Friday: backwards from the story's date unless the sentence looks forward. */
export function resolveWeekday(g: Groups, f: Found, ref: number): DateMention | undefined {
  const { ctx, start, end } = f;
  const { refIso } = ctx;
  if (g.wd === undefined) return undefined;
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

/** A month on its own ("in December", "last March"), guarded against verbs and names. */
export function resolveMonth(g: Groups, f: Found, ref: number): DateMention | undefined {
  const { ctx, start, end } = f;
  const { refIso } = ctx;
  if (g.mo === undefined) return undefined;
  const today = fromDayNumber(ref);
  const month = monthNumber(g.mo);
  if (month === undefined) return undefined;
  const guarded = g.moMod !== undefined || g.moRel !== undefined || hasTemporalPrep(ctx.text, start);
  if (!guarded) {
    // "May" and "March" are verbs, and any month may be a name ("Theresa May", "June Carter").
    if ((month === 5 || month === 3) && !attributive(ctx.text, start, end)) return undefined;
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
