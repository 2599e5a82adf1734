import type { EntityType } from '../recognize/model';
import { entityKey, keyTokens } from './entityKey';

/**
 * The aggregate of every mention that shares one normalized key, across the
 * workspace. Every field is a sum of per-document contributions, so a
 * document's contribution can be removed and re-added without a rescan.
 */
export class EntityBucket {
  mentionCount = 0;
  storyCount = 0;
  confirmedCount = 0;
  /** Per document: how many of its mentions have this key (the mentions themselves are found in the document). */
  readonly byUri = new Map<string, number>();
  /** Canonical display names seen, with counts (the most frequent names the entity). */
  readonly names = new Map<string, number>();
  /** Surface forms seen, by their normalized key: display text and count. */
  readonly aliases = new Map<string, { display: string; count: number }>();
  readonly types = new Map<EntityType, number>();
  /** Publication days of the stories mentioning the entity, with counts. */
  readonly days = new Map<string, number>();

  constructor(readonly key: string) {}

  /** The most frequent type (ties broken by the fixed type order). */
  get type(): EntityType {
    let best: EntityType = 'misc';
    let n = -1;
    for (const t of ['person', 'organization', 'location', 'misc'] as const) {
      const c = this.types.get(t) ?? 0;
      if (c > n) {
        best = t;
        n = c;
      }
    }
    return best;
  }

  /** The display name: the most frequent canonical name, then the longest, then alphabetical. */
  get name(): string {
    let best = '';
    let n = -1;
    for (const [name, c] of this.names) {
      if (c > n || (c === n && (name.length > best.length || (name.length === best.length && name < best)))) {
        best = name;
        n = c;
      }
    }
    return best;
  }

  /** Latest publication day among the stories that mention the entity. */
  get latestDay(): string | undefined {
    let best: string | undefined;
    for (const d of this.days.keys()) if (best === undefined || d > best) best = d;
    return best;
  }
}

/** Adds `delta` to a counter map entry, deleting it at zero; returns the new count. */
export function bump<K>(map: Map<K, number>, key: K, delta: number): number {
  const v = (map.get(key) ?? 0) + delta;
  if (v <= 0) map.delete(key);
  else map.set(key, v);
  return v;
}

/**
 * Merges buckets into entities across files: a key that another bucket has
 * seen as one of its aliases ("ttp" seen under "tehreek e taliban pakistan"),
 * or a lone person surname that is the last word of exactly one full person
 * name ("kakar" → "anwaar ul haq kakar"), joins that bucket. A key only ever
 * joins a *longer* key (ties: alphabetically larger), so the relation has no
 * cycles and the result does not depend on the order documents were added.
 * An alias merge also needs the short name to have been seen with the
 * longer name's type and to have no more mentions than it, so that one
 * recognizer slip cannot swallow a frequent entity; types are compared by
 * "seen at all" rather than by majority because the recognizer's type for a
 * lone surname is often unstable ("Kakar" as an organization).
 * Ambiguous short names ("khan": Imran Khan, Amir Khan) stay on their own.
 */
export class EntityGroups {
  readonly buckets = new Map<string, EntityBucket>();
  /** Normalized alias → keys of the buckets that saw it (excluding the bucket whose key it is). */
  private readonly aliasOwners = new Map<string, Set<string>>();
  /** Last word → multi-word keys ending with it. */
  private readonly surnames = new Map<string, Set<string>>();
  private roots = new Map<string, string>();

  /** Empties the alias and surname indexes (with `buckets.clear()`, a full reset). */
  reset(): void {
    this.aliasOwners.clear();
    this.surnames.clear();
    this.invalidate();
  }

  /** Forget cached resolutions; call after any change to the buckets. */
  invalidate(): void {
    if (this.roots.size) this.roots = new Map();
  }

  /** The bucket for `key`, created (and indexed) when missing. */
  obtain(key: string): EntityBucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = new EntityBucket(key);
      this.buckets.set(key, b);
      const words = keyTokens(key);
      if (words.length > 1) addTo(this.surnames, words[words.length - 1]!, key);
    }
    return b;
  }

  /**
   * Installs a bucket restored from a cache snapshot, with its alias and
   * surname index entries (the caller fills the bucket's maps first).
   */
  adopt(b: EntityBucket): void {
    this.buckets.set(b.key, b);
    const words = keyTokens(b.key);
    if (words.length > 1) addTo(this.surnames, words[words.length - 1]!, b.key);
    for (const alias of b.aliases.keys()) if (alias !== b.key) addTo(this.aliasOwners, alias, b.key);
  }

  /** Drops a bucket that no longer has mentions. */
  release(b: EntityBucket): void {
    if (b.mentionCount > 0) return;
    this.buckets.delete(b.key);
    const words = keyTokens(b.key);
    if (words.length > 1) removeFrom(this.surnames, words[words.length - 1]!, b.key);
    for (const alias of b.aliases.keys()) removeFrom(this.aliasOwners, alias, b.key);
  }

  /** Records (delta > 0) or forgets one sighting of a surface form in a bucket. */
  countAlias(b: EntityBucket, display: string, delta: number): void {
    const norm = entityKey(display);
    if (norm === '') return;
    const cur = b.aliases.get(norm);
    const count = (cur?.count ?? 0) + delta;
    if (count <= 0) {
      b.aliases.delete(norm);
      if (norm !== b.key) removeFrom(this.aliasOwners, norm, b.key);
    } else {
      b.aliases.set(norm, { display: cur?.display ?? display, count });
      if (!cur && norm !== b.key) addTo(this.aliasOwners, norm, b.key);
    }
  }

  /** The key of the entity `key` belongs to (itself when it merges into nothing). */
  rootOf(key: string): string {
    const cached = this.roots.get(key);
    if (cached !== undefined) return cached;
    let root = key;
    for (let i = 0; i < 8; i++) {
      const parent = this.parentOf(root);
      if (parent === root) break;
      root = parent;
    }
    this.roots.set(key, root);
    return root;
  }

  /** Every bucket key that resolves to `root`, root first. */
  membersOf(root: string): string[] {
    const out = [root];
    const seen = new Set(out);
    for (let i = 0; i < out.length; i++) {
      const k = out[i]!;
      const b = this.buckets.get(k);
      const candidates: string[] = [];
      if (b) for (const alias of b.aliases.keys()) candidates.push(alias);
      const words = keyTokens(k);
      if (words.length > 1) candidates.push(words[words.length - 1]!);
      for (const c of candidates) {
        if (seen.has(c) || !this.buckets.has(c)) continue;
        seen.add(c);
        if (this.rootOf(c) === root) out.push(c);
      }
    }
    return out;
  }

  private parentOf(key: string): string {
    // A key without a bucket of its own (a name looked up by the user) still
    // resolves through the aliases and surnames of the existing buckets.
    const b = this.buckets.get(key);
    const owners = this.aliasOwners.get(key);
    if (owners && owners.size) {
      // An alias pulls a name into a longer one only when it is not the more
      // frequent of the two and the types agree: a recognizer slip that put
      // "Pakistan" under "Tehreek-e-Taliban Pakistan" must not swallow Pakistan.
      const larger = [...owners].filter((o) => {
        const ob = this.buckets.get(o);
        return o !== key && ob !== undefined && longer(o, key) && (!b || (b.mentionCount <= ob.mentionCount && b.types.has(ob.type)));
      });
      if (larger.length === 1) return larger[0]!;
      if (larger.length > 1) {
        // Several owners: fine when they are all the same entity already.
        const roots = new Set(larger.map((o) => this.rootOf(o)));
        if (roots.size === 1) return larger[0]!;
        return key;
      }
    }
    if (!key.includes(' ') && (!b || b.types.has('person'))) {
      const full = this.surnames.get(key);
      if (full) {
        const persons = [...full].filter((k) => this.buckets.get(k)?.type === 'person');
        if (persons.length === 1) return persons[0]!;
      }
    }
    return key;
  }
}

function longer(a: string, b: string): boolean {
  return a.length > b.length || (a.length === b.length && a > b);
}

function addTo(map: Map<string, Set<string>>, k: string, v: string): void {
  let s = map.get(k);
  if (!s) map.set(k, (s = new Set()));
  s.add(v);
}

function removeFrom(map: Map<string, Set<string>>, k: string, v: string): void {
  const s = map.get(k);
  if (!s) return;
  s.delete(v);
  if (!s.size) map.delete(k);
}
