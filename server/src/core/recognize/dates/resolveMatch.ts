/**
 * From a grammar match to date mentions: which alternative matched decides the
 * rule. Explicit dates resolve here; undated ones in `undated.ts`, years and
 * quarters in `years.ts`.
 */
import type { DateMention } from '../model';
import {
  addMonths, dayNumber, fromDayNumber, isoDay, isoMonth, isoQuarter, isoWeek, isoYear, weekdayOf,
} from './calendar';
import { Found, type Groups, type ResolveContext } from './found';
import { countValue, monthNumber, weekdayNumber } from './lexicon';
import { resolveHoliday, resolveMonth, resolveMonthDay, resolveMonthRange, resolveWeekday } from './undated';
import { hasTemporalPrep, nameBefore, opensSentence } from './words';
import { resolveQuarter, resolveYear } from './years';

export type { Groups, ResolveContext } from './found';

/** Verbs and prepositions before "the day" that make it the story's day ("the index ended the day up 2%"). */
const DAY_OF_STORY_BEFORE = /\b(?:end|ends|ended|ending|finish|finished|finishing|close|closed|closing|start|started|starting|open|opened|opening|for|throughout)\s+$/i;

/**
 * Turns one grammar match into a date mention, or undefined when the match is
 * not a date after all (a name, a count, money) or cannot be resolved.
 */
export function resolveMatch(m: RegExpExecArray, g: Groups, ctx: ResolveContext): DateMention | readonly DateMention[] | undefined {
  const f = new Found(m, ctx, g.rd1 !== undefined || g.rm1 !== undefined || g.mm1 !== undefined || g.mb1 !== undefined);
  const { start } = f;
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

  // --- January or February of 2001 ---
  if (g.ml1 !== undefined) {
    const m1 = monthNumber(g.ml1);
    const m2 = monthNumber(g.ml2 ?? '');
    const year = +(g.mlY ?? 0);
    return m1 === undefined || m2 === undefined ? undefined
      : f.pair(g.ml1, g.ml2 ?? '', [isoMonth(year, m1), 'month', 'explicit'], [isoMonth(year, m2), 'month', 'explicit']);
  }

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
  if (g.lastNight !== undefined) return f.make(isoDay(ref - 1), 'day', `relative:${refIso}`);
  if (g.theWeekend !== undefined) {
    // The Saturday of the latest weekend (this one if the story is dated on it), or of the next.
    const wd = weekdayOf(ref);
    const saturday = f.forward() ? ref + ((6 - wd + 7) % 7) : wd === 0 ? ref - 1 : ref - ((wd + 1) % 7);
    return f.make(isoWeek(saturday), 'week', `relative:${refIso}`);
  }
  if (g.dx !== undefined || g.dxThis !== undefined) {
    // "USA Today", "the Today programme": capitalized inside a sentence, it is a name.
    if (g.dxMod === undefined && g.dx !== undefined && /^[A-Z]/.test(g.dx) && !opensSentence(ctx.text, start)) return undefined;
    const word = (g.dx ?? 'today').toLowerCase();
    const delta = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
    return f.make(isoDay(ref + delta), 'day', `relative:${refIso}`);
  }

  if (g.ho !== undefined) return resolveHoliday(g, f, ref);
  if (g.wd !== undefined) return resolveWeekday(g, f, ref);
  if (g.mo !== undefined) return resolveMonth(g, f, ref);

  // --- '82, December of '73 ---
  if (g.apY !== undefined) {
    if (!hasTemporalPrep(ctx.text, start)) return undefined;
    return f.make(isoYear(centuryOf(+g.apY, today.year)), 'year', `century:${refIso}`);
  }
  if (g.maM !== undefined) {
    const month = monthNumber(g.maM);
    return month === undefined ? undefined : f.make(isoMonth(centuryOf(+(g.maY ?? 0), today.year), month), 'month', `century:${refIso}`);
  }
  return undefined;
}


/** The year of a two-digit year: the latest one not after next year ('82 in 2008 is 1982, '09 is 2009). */
function centuryOf(yy: number, refYear: number): number {
  const century = Math.floor(refYear / 100) * 100;
  return century + yy <= refYear + 1 ? century + yy : century - 100 + yy;
}
