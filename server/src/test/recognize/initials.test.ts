import assert from 'node:assert/strict';
import { proposal, proposalList } from '../../core/recognize/candidates';
import { joinInitials } from '../../core/recognize/rules/initials';
import { analysisOf, mentions } from './ruleTestKit';


describe('recognize/rules/initials', () => {
  it('keeps a middle initial inside the person name', () => {
    const found = mentions('Bush nominated Jennifer M. Anderson for a 15-year term, replacing Steffen W. Graae.');
    assert.ok(found.includes('person:Jennifer M. Anderson'), found.join(', '));
    assert.ok(found.includes('person:Steffen W. Graae'), found.join(', '));
    assert.ok(!found.some((m) => m.endsWith(':Anderson') || m.endsWith(':Graae')), found.join(', '));
  });

  it('joins a leading initial and a chain of initials', () => {
    const found = mentions('The film was directed by G. Pajith and shot by F. A. Wenderoth in Kerala.');
    assert.ok(found.includes('person:G. Pajith'), found.join(', '));
    assert.ok(found.includes('person:F. A. Wenderoth'), found.join(', '));
  });

  it('adds the joined name beside the parts and leaves other proposals alone', () => {
    const text = 'Joseph E. Johnston and Ford met.';
    const a = analysisOf(text);
    // tokens: Joseph E . Johnston and Ford met .
    const input = proposalList();
    input.push(proposal(0, 1, 'person', 0.9, 'tagger'), proposal(3, 3, 'organization', 0.5, 'tagger'), proposal(5, 5, 'organization', 0.8, 'tagger'));
    const out = joinInitials(a, input).map((p) => `${p.type}:${text.slice(a.tokens.start[p.first], a.tokens.end[p.last])}`);
    assert.deepEqual(out, ['person:Joseph E', 'organization:Johnston', 'organization:Ford', 'person:Joseph E. Johnston']);
  });

  it('does not join across a line break or after a non-person', () => {
    const text = 'Vitamin C.\nSmith said';
    const a = analysisOf(text);
    const input = proposalList();
    input.push(proposal(0, 1, 'person', 0.9, 'tagger'), proposal(3, 3, 'person', 0.5, 'tagger'));
    assert.equal(joinInitials(a, input).length, 2);
    const org = proposalList();
    org.push(proposal(0, 1, 'organization', 0.9, 'tagger'));
    assert.equal(joinInitials(analysisOf('Group B. Smith said'), org).length, 1);
  });
});
