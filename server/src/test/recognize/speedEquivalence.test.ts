import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acronymOf } from '../../core/recognize/aliases';
import { buildIntTable, intTableGet } from '../../core/recognize/hashTable';
import { resolveOverlaps, sourcePriority, SOURCE_PRIORITY, type Proposal, type ProposalSource } from '../../core/recognize/candidates';
import { analyze } from '../../core/recognize/analysis';
import { annotateTokens, buildGazetteer, defaultGazetteer, wordClasses } from '../../core/recognize/gazetteer';
import { tag } from '../../core/recognize/tagger/tagger';
import { capitalsOf } from '../../core/recognize/capitals';
import { tokenize, TokenFlag } from '../../core/recognize/tokenize';
import { defaultTaggerModel } from '../../core/recognize/tagger/defaultModel';

/** Overlap resolution as first written: a stable sort of the objects, then greedy selection. */
function resolveOverlapsReference(proposals: readonly Proposal[], tokenCount: number): Proposal[] {
  const order = [...proposals].sort((a, b) =>
    SOURCE_PRIORITY[b.source] - SOURCE_PRIORITY[a.source] || (b.last - b.first) - (a.last - a.first) || b.confidence - a.confidence);
  const taken = new Uint8Array(tokenCount);
  const kept: Proposal[] = [];
  for (const p of order) {
    let free = true;
    for (let i = p.first; i <= p.last; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    for (let i = p.first; i <= p.last; i++) taken[i] = 1;
    kept.push(p);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** The definition `acronymOf` replaces on its fast path (regular expressions over the whole text). */
function acronymReference(text: string): string | undefined {
  const acronym = text.replace(/[.\s]/g, '').replace(/s$/, '');
  return /^[\p{Lu}\d]{2,}$/u.test(acronym) ? acronym.toUpperCase() : undefined;
}

// The speed work on the recognizer (issue 4) replaced a few definitions by faster code that must
// answer exactly as before; these properties pin the equivalence on arbitrary inputs.
describe('recognize/speed equivalences', () => {
  it('acronymOf answers as the regular-expression definition', () => {
    const chars = fc.constantFrom('A', 'B', 'Z', 'a', 's', 'S', '1', '0', '.', ' ', '\t', '\n', '-', 'é', 'É', 'İ', '\u00a0', '&');
    fc.assert(fc.property(fc.array(chars, { maxLength: 8 }).map((a) => a.join('')), (text) => {
      assert.equal(acronymOf(text), acronymReference(text));
    }), { numRuns: 3000 });
    for (const t of ['U.S.', 'IBOs', 'TTP', 'Kakar', 'A', 'As', 'ABs.', 'U. N.', 'É.U.', '']) assert.equal(acronymOf(t), acronymReference(t), t);
  });

  it('resolveOverlaps keeps the same proposals in the same order as the object sort it replaced', () => {
    const sources = Object.keys(SOURCE_PRIORITY) as ProposalSource[];
    const proposal = fc.record({
      first: fc.integer({ min: 0, max: 60 }), len: fc.integer({ min: 0, max: 4 }), source: fc.constantFrom(...sources),
      confidence: fc.constantFrom(0.55, 0.6, 0.7, 0.9, 1, 0.123, 0.5),
    }).map(({ first, len, source, confidence }): Proposal => ({ first, last: first + len, type: 'person', confidence, source }));
    fc.assert(fc.property(fc.array(proposal, { maxLength: 300 }), (ps) => {
      assert.deepEqual(resolveOverlaps(ps, 70), resolveOverlapsReference(ps, 70));
      // Same objects, not just equal ones.
      resolveOverlaps(ps, 70).forEach((p, i) => assert.equal(p, resolveOverlapsReference(ps, 70)[i]));
    }), { numRuns: 400 });
  });

  it('resolveOverlaps keeps sparse proposals (mostly disjoint, some empty or beyond the tokens) as the object sort did', () => {
    // Disjoint proposals skip the sort: all kept, by position.
    const sources = Object.keys(SOURCE_PRIORITY) as ProposalSource[];
    const proposal = fc.record({
      first: fc.integer({ min: -3, max: 90 }), len: fc.integer({ min: -1, max: 2 }), source: fc.constantFrom(...sources),
      confidence: fc.constantFrom(0.55, 0.6, 0.9, 1),
    }).map(({ first, len, source, confidence }): Proposal => ({ first, last: first + len, type: 'person', confidence, source }));
    fc.assert(fc.property(fc.array(proposal, { maxLength: 12 }), (ps) => {
      const got = resolveOverlaps(ps, 70);
      const want = resolveOverlapsReference(ps, 70);
      assert.equal(got.length, want.length);
      got.forEach((p, i) => assert.equal(p, want[i]));
    }), { numRuns: 3000 });
  });

  it('capitalsOf lists exactly the capitalised or all-caps tokens, in order', () => {
    const words = fc.constantFrom('Kakar', 'said', 'U.S.', 'NATO', 'the', '787', 'iPod', '-', '.', '(', 'Quetta', 'e', 'A380', '\n', 'ÉTAT', 'été');
    fc.assert(fc.property(fc.array(words, { maxLength: 40 }), (ws) => {
      const t = tokenize(ws.join(' '));
      const want: number[] = [];
      for (let i = 0; i < t.count; i++) if (t.flags[i] & (TokenFlag.Cap | TokenFlag.AllCaps)) want.push(i);
      const caps = capitalsOf(t);
      assert.deepEqual(Array.from(caps.at.subarray(0, caps.count)), want);
    }), { numRuns: 300 });
  });

  it('the integer table answers as a Map (absent and zero-valued keys give 0)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 70000 })), { maxLength: 200 }), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 50 }), (entries, probes) => {
      const map = new Map<number, number>();
      for (const [k, v] of entries) map.set(k, (map.get(k) ?? 0) | v);
      const table = buildIntTable(map);
      for (const k of [...map.keys(), ...probes]) assert.equal(intTableGet(table, k), map.get(k) ?? 0);
    }), { numRuns: 300 });
  });

  it('sourcePriority answers as SOURCE_PRIORITY', () => {
    for (const source of Object.keys(SOURCE_PRIORITY) as ProposalSource[]) assert.equal(sourcePriority(source), SOURCE_PRIORITY[source], source);
  });

  it('annotateTokens answers as the token table, whichever gazetteer asked before (its cache of recent words)', () => {
    // Two gazetteers that class the same words differently, used in turn: each must get its own classes.
    const a = buildGazetteer({ first: ['paris', 'jordan'], country: ['chad'] });
    const b = buildGazetteer({ city: ['paris'], country: ['jordan'], first: ['chad'] });
    const text = 'Paris and Jordan met Chad in paris; JORDAN, chad and Paris again.';
    const t = tokenize(text);
    for (let round = 0; round < 3; round++) {
      for (const g of [a, b, defaultGazetteer()]) {
        const { word } = annotateTokens(g, t);
        for (let i = 0; i < t.count; i++) assert.equal(word[i], t.kind[i] === 1 ? 0 : wordClasses(g, t.lower[i]) & 0xffff, `${round} ${i}`);
      }
    }
  });

  it("the tagger's integer fast path labels as the label-by-label path for real-valued weights", () => {
    // The shipped int8 weights as floats take the general path; both must agree on labels and margins.
    const model = defaultTaggerModel().value;
    const asFloats = { ...model, weights: Float32Array.from(model.weights) };
    const text = 'Caretaker Prime Minister Anwaar-ul-Haq Kakar met U.S. officials in Quetta.\nThe Awami National Party (ANP) said\n'
      + 'Boeing and Airbus A380 orders rose; General Motors, Chrysler LLC and the Ministry of Foreign Affairs disagreed in New York on Monday.';
    const a = analyze(text, defaultGazetteer(), model);
    const fast = tag(model, a.features);
    const general = tag(asFloats, a.features);
    assert.deepEqual(Array.from(fast.labels), Array.from(general.labels));
    assert.deepEqual(Array.from(fast.margin), Array.from(general.margin));
    assert.ok(fast.labels.some((l) => l !== 0));
  });
});
