import * as assert from 'node:assert/strict';
import { asciiJson, snapshotJson } from '../../core/index/snapshotJson';
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

  it('keeps each cached analysis as ASCII JSON text too, so a warm start holds one-byte strings', () => {
    const text = '# Pakistan’s “review” — Iran @2024-01-18\nKakar met Jalil Abbas Jilani in Tehran. Ümlaut 😀.\n';
    const index = new WorkspaceIndex({ analyze: (_u, t) => analyseText(t) });
    index.set('file:///a.article', text, 1);
    // The file is parsed once: what the index then holds per document is the analysis's JSON text.
    const entries = (JSON.parse(snapshotJson(index.serialize())) as { entries: Record<string, unknown> }).entries;
    const held = Object.values(entries);
    assert.equal(held.length, 1);
    assert.equal(typeof held[0], 'string');
    assert.match(held[0] as string, /^[\x00-\x7e]*$/);
    assert.match(held[0] as string, /\\u2019/);
  });

  it('asciiJson parses back to the same value', () => {
    const value = { a: 'Pakistan’s “review” — 😀 \u007f', b: [1, 'x\u0000y'], c: null };
    const json = asciiJson(value);
    assert.match(json, /^[\x00-\x7e]*$/);
    assert.deepEqual(JSON.parse(json), value);
  });
});
