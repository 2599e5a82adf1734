import assert from 'node:assert/strict';
import { proposal, proposalList } from '../../core/recognize/candidates';
import { groupNames, retypeGroup } from '../../core/recognize/rules/groups';
import { analysisOf, recognizer } from './ruleTestKit';

/** Like the kit's `mentions`, with the misc subtype. */
const mentions = (text: string): string[] => recognizer.recognize(text).entities.map((m) => `${m.type}${m.subtype ? '/' + m.subtype : ''}:${m.text}`);

describe('recognize/rules/groups', () => {
  it('reads religious and political communities as miscellaneous, not organisations', () => {
    const found = mentions('Muslims and Jews gathered in Jerusalem. The Nazis stole the paintings.');
    assert.ok(found.includes('misc:Jews'), found.join(', '));
    assert.ok(found.includes('misc:Nazis'), found.join(', '));
    assert.ok(!found.some((m) => m.startsWith('organization:')), found.join(', '));
  });

  it('retypes a weak proposal made of community words and nationalities, without a nationality subtype', () => {
    const text = 'the militant Lebanese Shiite group and the Kurds';
    const a = analysisOf(text);
    // tokens: the militant Lebanese Shiite group and the Kurds
    const input = proposalList();
    input.push(proposal(2, 3, 'organization', 0.8, 'tagger'), proposal(7, 7, 'misc', 0.6, 'gazetteer', undefined, 'nationality'));
    const out = input.map((q) => retypeGroup(a, q)).map((p) => `${p.type}/${p.subtype ?? '-'}:${text.slice(a.tokens.start[p.first], a.tokens.end[p.last])}`);
    assert.deepEqual(out, ['misc/-:Lebanese Shiite', 'misc/-:Kurds']);
  });

  it('proposes capitalised community words nothing else claims, at the lowest strength', () => {
    const text = 'Sunni militants attacked, and the muslim quarter and the Muslim Brotherhood';
    const a = analysisOf(text);
    assert.deepEqual(groupNames(a).map((p) => `${p.source}:${text.slice(a.tokens.start[p.first], a.tokens.end[p.last])}`), ['gazetteer:Sunni', 'gazetteer:Muslim']);
    const found = mentions('Sunni militants attacked a Shiite mosque.');
    assert.ok(found.includes('misc:Sunni') && found.includes('misc:Shiite'), found.join(', '));
  });

  it('leaves names that only contain a community word, and strong sources, alone', () => {
    const text = 'the Muslim Brotherhood and the Catholic Church and Shiite';
    const a = analysisOf(text);
    const input = proposalList();
    input.push(proposal(1, 2, 'organization', 0.8, 'tagger'), proposal(5, 6, 'organization', 0.9, 'suffix'), proposal(8, 8, 'organization', 1, 'analyst'));
    assert.deepEqual(input.map((p) => retypeGroup(a, p).type), ['organization', 'organization', 'organization']);
  });
});
