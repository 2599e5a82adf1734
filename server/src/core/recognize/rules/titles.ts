/**
 * Titles announce people: "Caretaker Prime Minister Anwaar-ul-Haq Kakar",
 * "Lt. Gen. Ahmed Sharif Chaudhry", "Foreign Minister Shah Mahmood Qureshi".
 * The capitalised words after a title (and its abbreviation dots) are a person.
 */
import { isNameLike, isPunct, nameGlueLength, type Analysis } from '../analysis';
import { proposal, proposalList, type Proposal } from '../candidates';
import { Gaz } from '../gazetteer';
import { buildIntTable, intTableGet } from '../hashTable';
import { hashLower, TokenFlag, type Tokens } from '../tokenize';

/** Classes that cannot be part of a person's name after a title. */
const NOT_NAME = Gaz.OrgSuffix | Gaz.LocSuffix | Gaz.Country | Gaz.Demonym | Gaz.Month | Gaz.Weekday | Gaz.Title;

/**
 * Ranks that are ordinary adjectives in lower case: "three major United States indexes",
 * "general Motors dealers" announce no one ("Major Smith", "General Mirza" still do).
 */
const ADJECTIVE_TITLES = buildIntTable(new Map(['major', 'general'].map((w) => [hashLower(w), 1])));

/** Token i is a lower-case rank that reads as an adjective. */
function isLowerAdjectiveTitle(t: Tokens, i: number): boolean {
  return (t.flags[i] & (TokenFlag.Cap | TokenFlag.AllCaps)) === 0 && intTableGet(ADJECTIVE_TITLES, t.lower[i]) !== 0;
}

/** Person proposals introduced by titles; `phraseFirst` is where the title begins. */
export function titledPersons(a: Analysis): (Proposal & { phraseFirst: number })[] {
  const t = a.tokens;
  const out = proposalList() as (Proposal & { phraseFirst: number })[];
  const labels = a.tags.labels;
  let i = 0;
  const { gaz, phraseB } = a;
  while (i < t.count) {
    // (`isTitleStart`, on arrays in locals: most tokens are skipped here.)
    if (((gaz[i] | phraseB[i]) & Gaz.Title) === 0 || isLowerAdjectiveTitle(t, i)) { i++; continue; }
    const titleFirst = i;
    // Walk over chained titles and their dots: "Lt. Gen.", "Caretaker Prime Minister".
    let j = i;
    while (j < t.count) {
      if ((a.gaz[j] & Gaz.Title) || (a.phraseB[j] & Gaz.Title) || (j > titleFirst && (a.phraseI[j] & Gaz.Title))) { j++; continue; }
      if (isPunct(t, j, '.') && j > titleFirst) { j++; continue; }
      break;
    }
    // A title the tagger put inside an organisation or place ("General Motors") announces no one.
    let insideOther = false;
    for (let k = titleFirst; k < j; k++) if (labels[k] >= 3 && labels[k] <= 6) insideOther = true;
    let last = -1;
    let k = j;
    while (k < t.count && k - j < 6) {
      if (isNameLike(t, k) && !(a.gaz[k] & NOT_NAME) && !(a.phraseB[k] & Gaz.Country) && !(t.flags[k] & TokenFlag.AllCaps && t.end[k] - t.start[k] > 4)) { last = k; k++; continue; }
      const glue = last === k - 1 ? nameGlueLength(t, k) : 0;
      if (glue > 0) { k += glue; continue; }
      if (isPunct(t, k, '.') && last === k - 1 && t.end[k - 1] - t.start[k - 1] === 1) { k++; continue; } // initial "J."
      break;
    }
    if (last >= j && !insideOther) {
      // The noun phrase may open with a nationality or country: "U.S. President Barack Obama".
      let phraseFirst = titleFirst;
      if (titleFirst > 0 && isNameLike(t, titleFirst - 1) && ((a.gaz[titleFirst - 1] & (Gaz.Demonym | Gaz.Country)) || labels[titleFirst - 1] >= 5)) phraseFirst = titleFirst - 1;
      out.push(proposal(j, last, 'person', 0.9, 'title', undefined, undefined, phraseFirst) as Proposal & { phraseFirst: number });
      i = last + 1;
    } else {
      i = Math.max(j, i + 1);
    }
  }
  return out;
}
