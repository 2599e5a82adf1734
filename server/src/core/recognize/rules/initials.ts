/**
 * Middle and leading initials: "Jennifer M. Anderson", "Joseph E. Johnston",
 * "G. Pajith". The tagger only labels capitalised words and the connectors
 * between them, so the full stop after an initial cuts its span in two
 * ("Jennifer M" + "Anderson"), and the lone surname is then read as a company.
 * A person proposal ending in a one-letter initial with its full stop goes on
 * to the name that follows it: news writes initials only inside person names.
 */
import { isNameLike, isPunct, type Analysis } from '../analysis';
import { proposal, proposalList, type Proposal } from '../candidates';
import { TokenFlag } from '../tokenize';

/** Token i is a one-letter capital followed directly by its full stop ("M."). */
function isInitial(a: Analysis, i: number): boolean {
  const t = a.tokens;
  if (i + 1 >= t.count || t.end[i] - t.start[i] !== 1) return false;
  const c = t.text.charCodeAt(t.start[i]);
  return c >= 65 && c <= 90 && isPunct(t, i + 1, '.') && t.start[i + 1] === t.end[i];
}

/** Proposals the rule may extend or absorb: the statistical and fallback signals. */
function weak(p: Proposal): boolean {
  return p.source === 'tagger' || p.source === 'consistency' || p.source === 'gazetteer';
}

/** Adds, for every person proposal ending in an initial, the person name that runs on past its full stop. */
export function joinInitials(a: Analysis, proposals: readonly Proposal[]): Proposal[] {
  const t = a.tokens;
  let out: Proposal[] | undefined;
  // A chain of initials ("F. A. Wenderoth") joins one initial per round.
  let current = proposals;
  for (let round = 0; round < 3; round++) {
    const added = proposalList();
    for (let k = 0; k < current.length; k++) {
      const p = current[k];
      if (p.type !== 'person' || !(weak(p) || p.source === 'title') || !isInitial(a, p.last)) continue;
      const next = p.last + 2;
      if (next >= t.count || !isNameLike(t, next) || t.flags[next] & TokenFlag.LineStart) continue;
      // The name after the stop: the longest weak proposal starting there, else that one word.
      const all = out ?? proposals;
      let last = next;
      for (let j = 0; j < all.length; j++) {
        const q = all[j];
        if (q.first === next && weak(q) && q.last > last) last = q.last;
      }
      if (!alreadyThere(all, p.first, last)) added.push(proposal(p.first, last, 'person', p.confidence, p.source === 'title' ? 'title' : 'tagger', p.canonical, undefined, p.phraseFirst));
    }
    if (added.length === 0) break;
    out ??= copyOf(proposals);
    for (let k = 0; k < added.length; k++) out.push(added[k]);
    current = added;
  }
  return out ?? (proposals as Proposal[]);
}

function alreadyThere(ps: readonly Proposal[], first: number, last: number): boolean {
  for (let i = 0; i < ps.length; i++) if (ps[i].first === first && ps[i].last === last && ps[i].type === 'person') return true;
  return false;
}

function copyOf(ps: readonly Proposal[]): Proposal[] {
  const out = proposalList();
  for (let i = 0; i < ps.length; i++) out.push(ps[i]);
  return out;
}
