import assert from 'node:assert/strict';
import { proposal, proposalList } from '../../core/recognize/candidates';
import { lonePersonsWithEvidence } from '../../core/recognize/rules/personEvidence';
import { analysisOf, mentions } from './ruleTestKit';


describe('recognize/rules/personEvidence', () => {
  it('keeps lone persons listed with a full person name, along the list', () => {
    const found = mentions('He listed Palestrina, Karlheinz Stockhausen, Ravel and Shostakovich as his influences.');
    assert.deepEqual(found, ['person:Palestrina', 'person:Karlheinz Stockhausen', 'person:Ravel', 'person:Shostakovich']);
  });

  it('keeps a known family name alone as a person', () => {
    assert.deepEqual(mentions('Johnson said the vote would go ahead.'), ['person:Johnson']);
  });

  it('keeps a lone person followed by ", who" or an age', () => {
    assert.deepEqual(mentions('Frise, who moved to Toronto at 19, drew the strip.'), ['person:Frise', 'location:Toronto']);
    assert.deepEqual(mentions('Kowalczyk, 45, was arrested on Monday.'), ['person:Kowalczyk']);
    assert.deepEqual(mentions('Boeing, which builds jets, said so.'), ['organization:Boeing']);
  });

  it('still reads companies alone or listed with companies as organisations', () => {
    assert.deepEqual(mentions('Chrysler said on Monday it would cut jobs.'), ['organization:Chrysler']);
    assert.deepEqual(mentions('GM, Ford and Chrysler asked for loans.'), ['organization:GM', 'organization:Ford', 'organization:Chrysler']);
  });

  it('needs a separator and nothing else between list members', () => {
    const text = 'Ravel met Karlheinz Stockhausen and Ravel, Karlheinz Stockhausen';
    const a = analysisOf(text);
    // tokens: Ravel met Karlheinz Stockhausen and Ravel , Karlheinz Stockhausen
    const ps = proposalList();
    ps.push(proposal(2, 3, 'person', 0.9, 'tagger'), proposal(7, 8, 'person', 0.9, 'tagger'));
    assert.deepEqual([...lonePersonsWithEvidence(a, ps, [0, 5])], [5]);
  });
});
