/**
 * The captures of a grammar match, read by group name (`g.isoY`, `g.mdM`).
 *
 * One object, reused from match to match, whose class has a getter per group
 * of the grammar (defined from the grammar's own list of names) that reads a
 * slot of a flat array. The resolver reads a few dozen groups per match: on an
 * object whose shape never changes each read is an inlined load, where small
 * per-match objects of varying shapes made every read a megamorphic lookup;
 * and filling the slots is a copy by position, not a store by name.
 */
import { GROUP_NAMES } from './grammar';

/** The captures a match filled, by group name; the others are undefined. */
export type Groups = Readonly<Record<string, string | undefined>>;

/** The captures of the last match given to {@link Captures.fill}. */
export class Captures {
  /** Per group of {@link GROUP_NAMES}, by index: its text in the last match, or undefined. */
  readonly values: (string | undefined)[] = GROUP_NAMES.map(() => undefined);

  /** The slots of the last match's alternative: only those need clearing. */
  private lastSlots: Int32Array = new Int32Array(0);

  /** Takes the captures of `m`, a match of an alternative whose capture i is the group `slots[i]`. */
  fill(m: RegExpExecArray, slots: Int32Array): Groups {
    const values = this.values;
    const last = this.lastSlots;
    for (let i = 1; i < last.length; i++) values[last[i] ?? 0] = undefined;
    this.lastSlots = slots;
    for (let i = 1; i < m.length; i++) values[slots[i] ?? 0] = m[i];
    return this as unknown as Groups;
  }
}

GROUP_NAMES.forEach((name, slot) => {
  // A group named like a member ('fill', 'values') would replace it.
  if (name in Captures.prototype || name === 'values' || name === 'lastSlots') throw new Error(`date grammar: group name ${name} is taken`);
  Object.defineProperty(Captures.prototype, name, {
    get(this: Captures): string | undefined {
      return this.values[slot];
    },
  });
});
