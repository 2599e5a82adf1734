/**
 * Whether a document writes ambiguous numeric dates (7/8/07) month-first,
 * judged from the way it spells its other dates.
 */

const MONTH_FIRST = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+\d{1,2}(?:st|nd|rd|th)?\b/g;
const DAY_FIRST = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\b/g;
const US_CLUE = /\b(?:U\.S\.|USA|United States|Washington|New York|California|Texas|Florida|Chicago|Los Angeles|Americans?)\b/g;

/**
 * Whether the document writes ambiguous numeric dates month-first (7/8/07 = July 8).
 * Day-first is the default outside the US; a document that spells dates
 * "January 19" more than "19 January", or talks mostly about the US, is read month-first.
 */
export function prefersMonthFirst(text: string): boolean {
  const monthFirst = count(text, MONTH_FIRST);
  const dayFirst = count(text, DAY_FIRST);
  if (monthFirst !== dayFirst) return monthFirst > dayFirst;
  return count(text, US_CLUE) >= 2;
}

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

