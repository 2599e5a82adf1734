/**
 * What the analyst taught the recognizer: names confirmed in annotations are
 * recognized everywhere in the workspace, texts the analyst rejected are never
 * suggested again. Compiled once into hash tables so that rebuilding a
 * recognizer with new knowledge is cheap.
 */
import { normalizeAlias } from './aliases';
import { proposal, proposalList, type Proposal } from './candidates';
import type { EntityType } from './model';
import { hashJoin, tokenize, TokenFlag, type Tokens } from './tokenize';

/** A name the analyst confirmed, with its type and optional canonical name. */
export interface ConfirmedName {
  readonly text: string;
  readonly type: EntityType;
  readonly canonical?: string;
}

/** A text the analyst rejected as an entity (of one type, or of any type when `type` is absent). */
export interface RejectedName {
  readonly text: string;
  readonly type?: EntityType;
}

/** The analyst's knowledge, gathered from annotations across the workspace. */
export interface AnalystKnowledge {
  readonly confirmed: readonly ConfirmedName[];
  readonly rejected: readonly RejectedName[];
}

/** The empty knowledge. */
export const NO_KNOWLEDGE: AnalystKnowledge = { confirmed: [], rejected: [] };

interface ConfirmedEntry {
  readonly length: number;
  readonly type: EntityType;
  readonly canonical: string;
  /** Whether the confirmed text starts with a capital: then only capitalised occurrences match. */
  readonly capitalised: boolean;
}

/** Knowledge compiled for matching. */
export interface CompiledKnowledge {
  readonly source: AnalystKnowledge;
  /** Joined lower hash of the tokens -> entry; several lengths may share a first token. */
  readonly confirmed: ReadonlyMap<number, ConfirmedEntry>;
  readonly starts: ReadonlySet<number>;
  readonly maxTokens: number;
  /** Normalized rejected texts, keyed `type:norm` and `*:norm`. */
  readonly rejected: ReadonlySet<string>;
}

/** Compiles knowledge; invalid entries (empty text) are skipped. */
export function compileKnowledge(k: AnalystKnowledge): CompiledKnowledge {
  const confirmed = new Map<number, ConfirmedEntry>();
  const starts = new Set<number>();
  let maxTokens = 0;
  for (const c of k.confirmed) {
    const t = tokenize(c.text);
    if (t.count === 0) continue;
    let h = t.lower[0];
    for (let i = 1; i < t.count; i++) h = hashJoin(h, t.lower[i]);
    confirmed.set(h, { length: t.count, type: c.type, canonical: c.canonical ?? c.text.trim(), capitalised: (t.flags[0] & (TokenFlag.Cap | TokenFlag.AllCaps)) !== 0 });
    starts.add(t.lower[0]);
    if (t.count > maxTokens) maxTokens = t.count;
  }
  const rejected = new Set<string>();
  for (const r of k.rejected) {
    const norm = normalizeAlias(r.text);
    if (norm) rejected.add(`${r.type ?? '*'}:${norm}`);
  }
  return { source: k, confirmed, starts, maxTokens, rejected };
}

/** Proposals for every occurrence of a confirmed name (longest match first), appended to `out` (a new list unless given). */
export function knowledgeProposals(k: CompiledKnowledge, t: Tokens, out: Proposal[] = proposalList()): Proposal[] {
  if (k.maxTokens === 0) return out;
  for (let i = 0; i < t.count; i++) {
    if (!k.starts.has(t.lower[i])) continue;
    let h = t.lower[i];
    let best: ConfirmedEntry | undefined;
    const lim = Math.min(t.count, i + k.maxTokens);
    for (let j = i; j < lim; j++) {
      if (j > i) h = hashJoin(h, t.lower[j]);
      const e = k.confirmed.get(h);
      if (e && e.length === j - i + 1) best = e;
    }
    if (!best) continue;
    if (best.capitalised && !(t.flags[i] & (TokenFlag.Cap | TokenFlag.AllCaps))) continue;
    out.push(proposal(i, i + best.length - 1, best.type, 1, 'knowledge', best.canonical));
    i += best.length - 1;
  }
  return out;
}

/** Whether the analyst rejected this text (for this type or for any). */
export function isRejected(k: CompiledKnowledge, text: string, type: EntityType): boolean {
  if (k.rejected.size === 0) return false;
  const norm = normalizeAlias(text);
  return k.rejected.has(`*:${norm}`) || k.rejected.has(`${type}:${norm}`);
}
