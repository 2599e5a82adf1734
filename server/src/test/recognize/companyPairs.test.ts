import assert from 'node:assert/strict';
import { proposal, proposalList } from '../../core/recognize/candidates';
import { retypeCompanyPairs } from '../../core/recognize/rules/companyPairs';
import { analysisOf, mentions } from './ruleTestKit';


describe('recognize/rules/companyPairs', () => {
  it('reads "Lockheed Martin" as a company when "Lockheed" stands alone in the story', () => {
    const found = mentions('The contract was fought for between Boeing and Lockheed Martin, Lockheed ultimately winning the contest.');
    assert.deepEqual(found, ['organization:Boeing', 'organization:Lockheed Martin', 'organization:Lockheed']);
  });

  it('leaves a person whose family name is named again ("Sonali Paul ... Paul said")', () => {
    const found = mentions('Reporting by Sonali Paul; editing by Tom Brown. Paul said the figures were final.');
    assert.ok(found.includes('person:Sonali Paul'), found.join(', '));
  });

  it('needs the first word alone, not inside another name ("Imran Ismail" ... "Imran Khan")', () => {
    const text = 'Imran Ismail met Imran Khan.';
    const a = analysisOf(text);
    const ps = proposalList();
    ps.push(proposal(0, 1, 'person', 0.9, 'tagger'), proposal(3, 4, 'person', 0.9, 'tagger'));
    assert.deepEqual(retypeCompanyPairs(a, ps).map((p) => p.type), ['person', 'person']);
    const alone = 'Lockheed Martin won. Lockheed hired.';
    const b = analysisOf(alone);
    const qs = proposalList();
    qs.push(proposal(0, 1, 'person', 0.9, 'tagger'), proposal(4, 4, 'person', 0.5, 'tagger'));
    assert.deepEqual(retypeCompanyPairs(b, qs).map((p) => p.type), ['organization', 'organization']);
  });
});
