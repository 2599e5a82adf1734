/**
 * Acronym definitions: "Tehreek-e-Taliban Pakistan (TTP)", "Pakistan
 * Institute for Conflict and Security Studies (PICSS)". The long form is the
 * run of capitalised words before the parenthesis whose initials spell the
 * acronym (connectors such as "for", "and", "-e-" may be skipped).
 */
import { Gaz } from '../gazetteer';
import { hashExact, TokenFlag, TokenKind, type Tokens } from '../tokenize';

/** Exact hash of a "(" token (FNV-1a of one code unit: no other unit has it). */
const OPENING_PARENTHESIS = hashExact('(');

/** A definition: long form over tokens `longFirst..longLast`, acronym token `short`. */
export interface AcronymDefinition {
  readonly longFirst: number;
  readonly longLast: number;
  readonly short: number;
}

/** Letters of an acronym token, upper-cased, without a plural `s` ("IBOs" -> "IBO"). */
function acronymLetters(t: Tokens, i: number): string | undefined {
  let s = t.text.slice(t.start[i], t.end[i]).replace(/\./g, '');
  if (s.length >= 3 && s.endsWith('s') && s.slice(0, -1) === s.slice(0, -1).toUpperCase()) s = s.slice(0, -1);
  if (s.length < 2 || s.length > 10) return undefined;
  if (s !== s.toUpperCase() || !/^[A-Z][A-Z0-9&]*$/.test(s)) return undefined;
  return s.replace(/&/g, '');
}

/** Finds every "Long Form (ACR)" in the tokens. */
export function findAcronymDefinitions(t: Tokens, gaz: Uint16Array): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const text = t.text;
  // Only tokens opening a parenthesis matter. A "(" is always a punctuation token of its own, and
  // the hash of a one-unit token tells its unit: the test reads the token arrays, not the text
  // (`indexOf` on a story, a sliced string, is a runtime call per parenthesis).
  const hash = t.hash;
  for (let p = 1; p + 1 < t.count; p++) {
    if (hash[p] !== OPENING_PARENTHESIS || t.kind[p] !== TokenKind.Punct || t.end[p] - t.start[p] !== 1) continue;
    const a = p + 1;
    if (t.kind[a] !== TokenKind.Word) continue;
    const letters = acronymLetters(t, a);
    if (!letters) continue;
    // The acronym closes the parenthesis or is followed by more words ("(PIFTAC Balochistan)").
    let li = letters.length - 1;
    let j = p - 1;
    let first = -1;
    while (j >= 0 && li >= 0) {
      const f = t.flags[j];
      const k = t.kind[j];
      if (k === TokenKind.Punct) {
        if (text.charCodeAt(t.start[j]) === 45 /* - */ || text.charCodeAt(t.start[j]) === 38 /* & */) { j--; continue; }
        break;
      }
      const c = text.charAt(t.start[j]).toUpperCase();
      if (f & (TokenFlag.Cap | TokenFlag.AllCaps)) {
        if (c !== letters[li]) {
          // An all-caps word may supply several letters ("UN Security Council (UNSC)").
          const w = text.slice(t.start[j], t.end[j]);
          if ((f & TokenFlag.AllCaps) && letters.slice(0, li + 1).endsWith(w)) { li -= w.length; first = j; j--; continue; }
          break;
        }
        li--;
        first = j;
        j--;
        continue;
      }
      if (gaz[j] & Gaz.Connector) {
        if (c === letters[li] && li > 0 && j > 0 && (t.flags[j - 1] & TokenFlag.Cap) && text.charAt(t.start[j - 1]).toUpperCase() !== letters[li - 1]) { li--; first = j; }
        j--;
        continue;
      }
      break;
    }
    if (li < 0 && first >= 0 && first < p - 1 && (t.flags[p - 1] & (TokenFlag.Cap | TokenFlag.AllCaps))) out.push({ longFirst: first, longLast: p - 1, short: a });
  }
  return out;
}
