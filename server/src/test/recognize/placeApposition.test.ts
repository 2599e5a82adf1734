import assert from 'node:assert/strict';
import type { Analysis } from '../../core/recognize/analysis';
import { capitalsOf } from '../../core/recognize/capitals';
import { proposal, proposalList, type Proposal } from '../../core/recognize/candidates';
import { placeBeforeRegion, townsBeforeRegions } from '../../core/recognize/rules/placeApposition';
import { analysisOf, mentions } from './ruleTestKit';

/** The rule as the pipeline applies it: each proposal retyped, then the towns nothing proposed. */
function placesBeforeRegions(a: Analysis, ps: readonly Proposal[]): Proposal[] {
  return [...ps.map((p) => placeBeforeRegion(a, p)), ...(townsBeforeRegions(a, ps, capitalsOf(a.tokens)) ?? [])];
}

describe('recognize/rules/placeApposition', () => {
  it('reads a name before ", <country or region>" as a town, proposed or not', () => {
    assert.deepEqual(mentions('Militants attacked Turbat, Pakistan, on Monday.'), ['location:Turbat', 'location:Pakistan']);
    const text = 'He moved to Galesburg, Illinois, in 1889.';
    const a = analysisOf(text);
    // tokens: He moved to Galesburg , Illinois , in 1889 .
    const ps = proposalList();
    ps.push(proposal(3, 3, 'organization', 0.7, 'tagger'), proposal(5, 5, 'location', 0.6, 'gazetteer'));
    assert.deepEqual(placesBeforeRegions(a, ps).map((p) => p.type), ['location', 'location']);
  });

  it('leaves full person names, and regions that go on into a name or a possessive', () => {
    const text = 'John Smith, Texas and Abdullah, Jordan\'s king, and Brown, Texas Governor';
    const a = analysisOf(text);
    const at = (w: string): number => { for (let i = 0; i < a.tokens.count; i++) if (text.slice(a.tokens.start[i], a.tokens.end[i]) === w) return i; return -1; };
    const ps = proposalList();
    ps.push(proposal(at('John'), at('Smith'), 'person', 0.9, 'tagger'), proposal(at('Abdullah'), at('Abdullah'), 'person', 0.7, 'tagger'), proposal(at('Brown'), at('Brown'), 'person', 0.7, 'tagger'));
    assert.deepEqual([at('Smith') + 1, at('Abdullah') + 1, at('Brown') + 1].map((i) => text.slice(a.tokens.start[i], a.tokens.end[i])), [',', ',', ',']);
    const out = placesBeforeRegions(a, ps);
    assert.deepEqual(out.slice(0, 3).map((p) => p.type), ['person', 'person', 'person']);
  });
});
