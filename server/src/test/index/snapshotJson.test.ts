import * as assert from 'node:assert/strict';
import { snapshotJson } from '../../core/index/snapshotJson';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { analyseText } from './handMade';

describe('snapshotJson', () => {
  it('writes pure ASCII that parses back to the same snapshot', () => {
    const text = '# Pakistan’s “review” — Iran @2024-01-18\nKakar met Jalil Abbas Jilani in Tehran. Ümlaut 😀.\n';
    const index = new WorkspaceIndex({ analyze: (_u, t) => analyseText(t) });
    index.set('file:///a.article', text, 1);
    const snapshot = index.serialize();
    const json = snapshotJson(snapshot);
    assert.match(json, /^[\x00-\x7e]*$/);
    assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(snapshot)));
    const warm = new WorkspaceIndex({ analyze: () => assert.fail('must not re-analyse') });
    assert.equal(warm.restore(JSON.parse(json)).value, 1);
    warm.set('file:///a.article', text, 1);
    assert.deepEqual(warm.entities(), index.entities());
  });
});
