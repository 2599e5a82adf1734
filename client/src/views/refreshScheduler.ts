import type { IndexChangedParams } from '../../../server/src/protocol';

/** A timer the scheduler can use; injected so tests drive time instead of sleeping. */
export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The real timer. */
export const systemTimer: Timer = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The debounce window: a burst of index changes (a save, a git checkout) becomes one refresh. */
export const REFRESH_DELAY_MS = 150;

/** Unites two changes: every uri of both, and a flag when either has it. */
export function mergeChanges(a: IndexChangedParams, b: IndexChangedParams): IndexChangedParams {
  return {
    uris: [...new Set([...a.uris, ...b.uris])],
    entitiesChanged: a.entitiesChanged || b.entitiesChanged,
    annotationsChanged: a.annotationsChanged || b.annotationsChanged,
  };
}

/**
 * Collects index changes for a short window and then hands the merged change
 * to `run` once. The window opens with the first change and does not restart
 * with later ones, so continuous typing still refreshes every ~150 ms instead
 * of never.
 */
export class RefreshScheduler {
  private pending: IndexChangedParams | undefined;
  private handle: unknown;

  constructor(
    private readonly run: (change: IndexChangedParams) => void,
    private readonly delayMs = REFRESH_DELAY_MS,
    private readonly timer: Timer = systemTimer,
  ) {}

  /** Adds a change to the window (opening one when none is open). */
  push(change: IndexChangedParams): void {
    this.pending = this.pending ? mergeChanges(this.pending, change) : change;
    if (this.handle === undefined) this.handle = this.timer.set(() => this.flush(), this.delayMs);
  }

  /** Runs the pending change now, if any. */
  flush(): void {
    if (this.handle !== undefined) this.timer.clear(this.handle);
    this.handle = undefined;
    const change = this.pending;
    this.pending = undefined;
    if (change) this.run(change);
  }

  /** Drops the pending change. */
  dispose(): void {
    if (this.handle !== undefined) this.timer.clear(this.handle);
    this.handle = undefined;
    this.pending = undefined;
  }
}
