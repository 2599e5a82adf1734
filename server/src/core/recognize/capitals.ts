/**
 * The capitalised tokens of a text, listed once: several entity rules only ever act at a
 * capitalised word (a place the gazetteer knows, a name after a descriptor noun, a name
 * recurring untagged), and walking this short list (about one token in four or five) costs
 * less than testing every token in each rule.
 */
import { TokenFlag, type Tokens } from './tokenize';

/** Token indices whose flags have `Cap` or `AllCaps` (every `isNameLike` token among them), ascending. */
export interface Capitals {
  readonly at: Int32Array;
  readonly count: number;
}

// Reused from text to text (the pipeline runs one text at a time, to completion); sized like the scratch buffers.
let store = new Int32Array(8192);

/** Lists the capitalised tokens of `t` (a reused buffer and object: valid until the next call). */
export function capitalsOf(t: Tokens): Capitals {
  const flags = t.flags;
  const n = t.count;
  let at = store;
  if (at.length < n) {
    at = new Int32Array(n + (n >> 1));
    if (n <= 1 << 20) store = at; // a huge text does not pin its memory
  }
  let count = 0;
  for (let i = 0; i < n; i++) {
    // Branch-free: every index is written, the count moves on only for a capitalised one
    // ((x + 3) >> 2 is 1 for x = 1, 2 or 3, 0 for x = 0).
    at[count] = i;
    count += ((flags[i] & (TokenFlag.Cap | TokenFlag.AllCaps)) + 3) >> 2;
  }
  // (The answer object is reused too, as its list is: no allocation per text.)
  if (at !== store) return { at, count };
  LIST.at = at;
  LIST.count = count;
  return LIST;
}

/** The answer of `capitalsOf` over the reused buffer (valid until the next call, as the buffer is). */
const LIST: { at: Int32Array; count: number } = { at: store, count: 0 };
