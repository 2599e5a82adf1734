import * as assert from 'node:assert/strict';
import { createAnchor } from '../../core/annotations/anchor';
import { analystKnowledge, entityTypeOf, rejectedSpans } from '../../core/annotations/knowledge';
import type { Annotation, Rejection, Sidecar } from '../../core/annotations/model';

const text = 'PM Imran\nKhan met Shah Mahmood Qureshi. Follow us. Follow the money.';
const at = (quote: string, occurrence = 0): { start: number; end: number } => {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  return { start, end: start + quote.length };
};
const base = { created: '2026-11-23T09:00:00.000Z', updated: '2026-11-23T09:00:00.000Z' };
function annotation(id: string, quote: string, type: string, entity?: string): Annotation {
  const { start, end } = at(quote);
  return { id, type, ...(entity ? { entity } : {}), ...base, anchor: createAnchor(text, start, end) };
}
function rejection(id: string, quote: string, scope: 'here' | 'everywhere', type?: string, occurrence = 0): Rejection {
  const { start, end } = at(quote, occurrence);
  return { id, text: quote, scope, created: base.created, ...(type ? { type } : {}), ...(scope === 'here' ? { anchor: createAnchor(text, start, end) } : {}) };
}

describe('analyst knowledge from sidecars', () => {
  const one: Sidecar = {
    version: 1,
    annotations: [
      annotation('a-1', 'Imran\nKhan', 'person', 'Imran Khan'),
      annotation('a-2', 'Shah Mahmood Qureshi', 'person'),
      annotation('a-3', 'met Shah', 'claim'),
    ],
    rejections: [rejection('r-1', 'Follow', 'everywhere'), rejection('r-2', 'Follow', 'here', 'organization', 1), rejection('r-3', 'money', 'everywhere', 'claim')],
  };
  const two: Sidecar = { version: 1, annotations: [annotation('a-9', 'Shah Mahmood Qureshi', 'person')], rejections: [rejection('r-9', 'Follow', 'everywhere')] };

  it('gathers confirmed names with types and canonicals, and everywhere-rejections, deduplicated', () => {
    assert.deepEqual(analystKnowledge([one, two]), {
      confirmed: [
        { text: 'Imran Khan', type: 'person', canonical: 'Imran Khan' },
        { text: 'Shah Mahmood Qureshi', type: 'person' },
      ],
      rejected: [{ text: 'Follow' }],
    });
  });

  it('maps annotation types onto the recognizer classes', () => {
    assert.deepEqual(['Person', 'organisation', 'place', 'group', 'event', 'claim', 'note'].map(entityTypeOf),
      ['person', 'organization', 'location', 'misc', 'misc', undefined, undefined]);
  });

  it('locates here-rejections in the current text, dropping those it cannot find', () => {
    assert.deepEqual(rejectedSpans(one, text), [{ ...at('Follow', 1), text: 'Follow', type: 'organization' }]);
    assert.deepEqual(rejectedSpans(one, 'nothing left'), []);
  });
});
