import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { analyseText } from './handMade';

const NAMES = ['Kakar', 'Anwaar-ul-Haq Kakar', 'Iran', 'Pakistan', 'Tehran', 'Imran Khan', 'Khan', 'TTP', 'Jalil Abbas Jilani'];
const URIS = ['file:///a', 'file:///b', 'file:///c', 'file:///d'];

/** A small document: one or two dated stories naming some entities, maybe with a date phrase. */
const docArb = fc.array(
  fc.record({ day: fc.integer({ min: 1, max: 28 }), names: fc.array(fc.constantFrom(...NAMES), { maxLength: 5 }), friday: fc.boolean() }),
  { minLength: 1, maxLength: 2 },
).map((stories) => stories.map((s, i) => `# Story ${i} @2024-01-${String(s.day).padStart(2, '0')}\n${s.names.join(' met ')}${s.friday ? ' on Friday' : ''}.\n`).join(''));

const opArb = fc.oneof(
  fc.record({ op: fc.constant('set' as const), uri: fc.constantFrom(...URIS), text: docArb }),
  fc.record({ op: fc.constant('delete' as const), uri: fc.constantFrom(...URIS) }),
  fc.record({ op: fc.constant('rename' as const), uri: fc.constantFrom(...URIS), to: fc.constantFrom(...URIS) }),
  fc.record({ op: fc.constant('annotate' as const), uri: fc.constantFrom(...URIS), note: fc.boolean() }),
  fc.record({ op: fc.constant('restart' as const) }),
);

describe('incremental index (property)', () => {
  it('after any sequence of updates (and warm restarts) answers like an index built from the final documents', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const analyze = (_u: string, t: string) => analyseText(t);
        let index = new WorkspaceIndex({ analyze });
        const truth = new Map<string, string>();
        const sidecars = new Map<string, boolean>();
        for (const o of ops) {
          if (o.op === 'set') {
            index.set(o.uri, o.text, 1);
            truth.set(o.uri, o.text);
          } else if (o.op === 'delete') {
            index.delete(o.uri);
            truth.delete(o.uri);
            sidecars.delete(o.uri);
          } else if (o.op === 'rename') {
            const t = truth.get(o.uri);
            if (index.rename(o.uri, o.to) && t !== undefined && o.uri !== o.to) {
              truth.delete(o.uri);
              truth.set(o.to, t);
              const sc = sidecars.get(o.uri);
              sidecars.delete(o.uri);
              if (sc !== undefined) sidecars.set(o.to, sc);
              else sidecars.delete(o.to);
            }
          } else if (o.op === 'annotate') {
            index.setAnnotations(o.uri, [{ id: 'a-1', start: 2, end: 7, type: 'person', entity: 'Anwaar-ul-Haq Kakar', ...(o.note ? { note: 'n' } : {}), status: 'exact' }]);
            sidecars.set(o.uri, o.note);
          } else {
            // Restart: restore from the snapshot, push the sidecars again and re-read every file, as the server does.
            const snapshot = JSON.parse(JSON.stringify(index.serialize())) as unknown;
            index = new WorkspaceIndex({ analyze });
            index.restore(snapshot);
            for (const [uri, note] of sidecars) index.setAnnotations(uri, [{ id: 'a-1', start: 2, end: 7, type: 'person', entity: 'Anwaar-ul-Haq Kakar', ...(note ? { note: 'n' } : {}), status: 'exact' }]);
            for (const [uri, text] of truth) index.set(uri, text, 1);
          }
        }
        const fresh = new WorkspaceIndex({ analyze });
        for (const [uri, text] of truth) {
          const note = sidecars.get(uri);
          if (note !== undefined) fresh.setAnnotations(uri, [{ id: 'a-1', start: 2, end: 7, type: 'person', entity: 'Anwaar-ul-Haq Kakar', ...(note ? { note: 'n' } : {}), status: 'exact' }]);
          fresh.set(uri, text, 1);
        }
        assert.deepEqual(index.entities(), fresh.entities());
        assert.deepEqual(index.timeline(), fresh.timeline());
        for (const e of fresh.entities()) {
          assert.deepEqual(index.coMentioned(e.key), fresh.coMentioned(e.key));
          assert.deepEqual(index.storyListMentioning(e.key), fresh.storyListMentioning(e.key));
          assert.deepEqual(index.mentionsOf(e.key), fresh.mentionsOf(e.key));
        }
        assert.equal(index.stats().mentions, fresh.stats().mentions);
        assert.equal(index.stats().stories, fresh.stats().stories);
      }),
      { numRuns: 150 },
    );
  });
});
