import assert from 'node:assert/strict';
import { createRecognizer } from '../../core/recognize/recognizer';
import type { AnalystKnowledge } from '../../core/recognize/knowledge';

const text = 'Officials from Zorvania Holdings met Qx Tarnby in Islamabad. The Foreign Office said Tarnby left.';

describe('recognize/knowledge', () => {
  const base = createRecognizer();

  it('recognizes confirmed names everywhere, with confidence 1 and their canonical name', () => {
    const k: AnalystKnowledge = {
      confirmed: [{ text: 'Zorvania Holdings', type: 'organization' }, { text: 'Qx Tarnby', type: 'person', canonical: 'Qx Tarnby (trader)' }],
      rejected: [],
    };
    const r = base.withKnowledge(k).recognize(text);
    const zor = r.entities.find((m) => m.text === 'Zorvania Holdings');
    assert.ok(zor);
    assert.equal(zor.type, 'organization');
    assert.equal(zor.confidence, 1);
    assert.equal(zor.origin, 'recognizer');
    const q = r.entities.find((m) => m.text === 'Qx Tarnby');
    assert.equal(q?.canonical, 'Qx Tarnby (trader)');
    assert.equal(q?.type, 'person');
  });

  it('never suggests rejected texts (of a type, or of any type)', () => {
    const before = base.recognize(text).entities.map((m) => m.text);
    assert.ok(before.includes('Foreign Office'));
    assert.ok(before.includes('Islamabad'));
    const k: AnalystKnowledge = { confirmed: [], rejected: [{ text: 'Foreign Office' }, { text: 'islamabad', type: 'location' }] };
    const after = base.withKnowledge(k).recognize(text).entities.map((m) => m.text);
    assert.ok(!after.includes('Foreign Office'));
    assert.ok(!after.includes('Islamabad'));
  });

  it('marks the analyst\'s own annotations with origin analyst', () => {
    const start = text.indexOf('Islamabad');
    const r = base.recognize(text, { annotations: [{ start, end: start + 9, type: 'location', canonical: 'Islamabad Capital Territory' }] });
    const m = r.entities.find((e) => e.start === start);
    assert.equal(m?.origin, 'analyst');
    assert.equal(m?.confidence, 1);
    assert.equal(m?.canonical, 'Islamabad Capital Territory');
  });

  it('keeps recognizers independent: withKnowledge does not change the original', () => {
    const taught = base.withKnowledge({ confirmed: [{ text: 'Zorvania', type: 'location' }], rejected: [] });
    assert.deepEqual(base.knowledge, { confirmed: [], rejected: [] });
    assert.equal(taught.knowledge.confirmed.length, 1);
    assert.ok(!base.recognize('in Zorvania today').entities.some((m) => m.type === 'location' && m.confidence === 1));
    assert.ok(taught.recognize('in Zorvania today').entities.some((m) => m.text === 'Zorvania' && m.type === 'location' && m.confidence === 1));
  });

  it('matches a capitalised confirmed name only where it is capitalised', () => {
    const taught = base.withKnowledge({ confirmed: [{ text: 'Mercy', type: 'organization' }], rejected: [] });
    assert.ok(!taught.recognize('they showed no mercy').entities.some((m) => m.text === 'mercy'));
    assert.ok(taught.recognize('a statement by Mercy on Monday').entities.some((m) => m.text === 'Mercy' && m.confidence === 1));
  });
});
