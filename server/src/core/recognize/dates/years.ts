/**
 * Years and quarters: bare years guarded against counts, money, clock times and
 * names; quarters placed in the story's year unless they must be last year's.
 */
import type { DateMention } from '../model';
import { fromDayNumber, isoQuarter, isoYear } from './calendar';
import type { Found, Groups } from './found';
import { QUARTER_WORDS } from './lexicon';
import { hasTemporalPrep, nameBefore, nextWord } from './words';

/** Counts that a following noun shows are not years ("2000 people"). */
const COUNT_NOUN = /^(?:rupees|yuan|renminbi|rubles|roubles|dinars|riyals|rials|dirhams|pesos|naira|shillings|baht|won|rand|lira|francs|krona|kronor|people|persons|jobs|workers|employees|staff|units|cars|vehicles|planes|aircraft|shares|troops|soldiers|police|officers|years|months|weeks|days|hours|minutes|seconds|miles|km|kilometres|kilometers|metres|meters|feet|ft|tons|tonnes|dollars|euros|pounds|yen|points|votes|seats|members|residents|students|children|homes|houses|deaths|cases|times|percent|per|pc|barrels|mw|gw|kg|lb|lbs|acres|hectares|rooms|beds|pages|words|calories|degrees|rounds|passengers|customers|users|stores|outlets|branches|companies|firms|families|refugees|migrants|prisoners|civilians|fighters|militants|protesters|rockets|missiles|hp)$/i;

/** "the first quarter (of 2009)", "Q3": a quarter, undated ones read back unless the sentence looks forward. */
export function resolveQuarter(g: Groups, f: Found): DateMention | undefined {
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


/**
 * What, right after a number, makes it no year, tried at the number's end (sticky):
 * money, percentages, measures and counts ("2000 million", "1500 percent"); "at 1930
 * GMT", a wire-service clock time; a decimal or a time ("2009.5", "1930:45"); a year
 * outside the ISO calendar this model speaks ("300 BC"). One alternation instead of a
 * regex call per kind; read in the text cut 16 characters after the number, as the
 * separate patterns read that much of it.
 */
const NOT_A_YEAR_AFTER = /\s*(?:%|percent|per\s*cent|[kKmM]\b|bn\b|million|billion|crore|lakh)|\s*(?:GMT|UTC|Z\b|[ECMP][SD]T\b|BST|CES?T|IST|JST|AES?T|AEDT|hrs?\b|hours\b|h\b|local\s+time)|[.,]\d|:\d|\s*(?:BCE?\b|B\.C\.)/y;

/** Prepositions that make an old four-digit number a year ("in 1492", "by 1563"); not "of" ("a high of 1051"). */
const HISTORIC_PREP = /\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Bb]efore|[Aa]fter|[Cc]irca|c\.|[Yy]ear)\s+$/;

/** A bare year or a range of years, unless it is a count, money, a clock time or part of a name. */
export function resolveYear(g: Groups, f: Found): DateMention | readonly DateMention[] | undefined {
  const { ctx, start, end } = f;
  const year = +(g.y ?? g.yrA1 ?? g.yrB1 ?? 0);
  const text = ctx.text;
  // Money, percentages, measures, counts, clock times and BC years are not years: one regex call.
  NOT_A_YEAR_AFTER.lastIndex = end;
  if (NOT_A_YEAR_AFTER.test(text.length - end > 16 ? text.slice(0, end + 16) : text)) return undefined;
  // Before 1900 a four-digit number is as often a count: only "in 1820", "since 1776", "from 1500 to 1600".
  if (year < 1900 && g.yMod === undefined && g.yrA1 === undefined && g.yrB1 === undefined && !HISTORIC_PREP.test(text.slice(Math.max(0, start - 12), start))) return undefined;
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
