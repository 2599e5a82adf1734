/**
 * Fuzzy-ish score of a folded candidate against a folded query, for
 * workspace symbols: exact > prefix > word prefix > substring > initials or
 * letters in order. 0 means no match.
 */
export function matchScore(query: string, candidate: string): number {
  if (query === '' || candidate === '') return 0;
  if (candidate === query) return 100;
  if (candidate.startsWith(query)) return 80 - Math.min(20, candidate.length - query.length) / 2;
  if ((' ' + candidate).includes(' ' + query)) return 60;
  if (candidate.includes(query)) return 40;
  const initials = candidate.split(' ').map((w) => w[0]).join('');
  if (query.length > 1 && initials.startsWith(query.replace(/ /g, ''))) return 30;
  return isSubsequence(query.replace(/ /g, ''), candidate) ? 10 : 0;
}

function isSubsequence(q: string, s: string): boolean {
  let i = 0;
  for (let j = 0; j < s.length && i < q.length; j++) if (s[j] === q[i]) i++;
  return i === q.length;
}
