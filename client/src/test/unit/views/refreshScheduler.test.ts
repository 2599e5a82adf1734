import * as assert from 'node:assert/strict';
import type { IndexChangedParams } from '../../../../../server/src/protocol';
import { mergeChanges, RefreshScheduler, type Timer } from '../../../views/refreshScheduler';

/** A timer the test fires by hand. */
class ManualTimer implements Timer {
  pending: Array<{ callback: () => void; ms: number; cleared: boolean }> = [];
  set(callback: () => void, ms: number): unknown {
    const t = { callback, ms, cleared: false };
    this.pending.push(t);
    return t;
  }
  clear(handle: unknown): void {
    (handle as { cleared: boolean }).cleared = true;
  }
  fireAll(): void {
    const due = this.pending.filter((t) => !t.cleared);
    this.pending = [];
    for (const t of due) t.callback();
  }
}

const change = (uris: string[], entities = false, annotations = false): IndexChangedParams => ({ uris, entitiesChanged: entities, annotationsChanged: annotations });

describe('RefreshScheduler', () => {
  it('merges a burst of changes into one run after the window', () => {
    const timer = new ManualTimer();
    const runs: IndexChangedParams[] = [];
    const s = new RefreshScheduler((c) => runs.push(c), 150, timer);
    s.push(change(['a'], true));
    s.push(change(['b', 'a'], false, true));
    assert.equal(timer.pending.length, 1, 'one window, not one timer per change');
    assert.equal(timer.pending[0]!.ms, 150);
    assert.deepEqual(runs, []);
    timer.fireAll();
    assert.deepEqual(runs, [change(['a', 'b'], true, true)]);
    s.push(change(['c']));
    timer.fireAll();
    assert.deepEqual(runs.at(-1), change(['c']));
  });

  it('flush runs at once; dispose drops the pending change', () => {
    const timer = new ManualTimer();
    const runs: IndexChangedParams[] = [];
    const s = new RefreshScheduler((c) => runs.push(c), 150, timer);
    s.push(change(['a']));
    s.flush();
    assert.equal(runs.length, 1);
    s.push(change(['b']));
    s.dispose();
    timer.fireAll();
    assert.equal(runs.length, 1);
  });

  it('mergeChanges unites uris and flags', () => {
    assert.deepEqual(mergeChanges(change(['x'], true), change(['x', 'y'])), change(['x', 'y'], true));
  });
});
