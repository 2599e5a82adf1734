import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acronymOf } from '../../core/recognize/aliases';
import { buildIntTable, intTableGet } from '../../core/recognize/hashTable';
import { resolveOverlaps, sourcePriority, SOURCE_PRIORITY, type Proposal, type ProposalSource } from '../../core/recognize/candidates';
import { analyze } from '../../core/recognize/analysis';
import { annotateTokens, buildGazetteer, defaultGazetteer, Gaz, wordClasses, type Gazetteer } from '../../core/recognize/gazetteer';
import { computeCandidates, DocBit, featureInput, type FeatureInput } from '../../core/recognize/tagger/features';
import { tag, type TaggerModel } from '../../core/recognize/tagger/tagger';
import { capitalsOf } from '../../core/recognize/capitals';
import { hashJoin, hashLower, tokenize, TokenFlag, TokenKind, type Tokens } from '../../core/recognize/tokenize';
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

/** Multi-token gazetteer entries as first found: every length from each word that starts an entry, the longest kept. */
function phrasesReference(g: Gazetteer, t: Tokens): { phraseB: number[]; phraseI: number[] } {
  const phraseB = new Array<number>(t.count).fill(0);
  const phraseI = new Array<number>(t.count).fill(0);
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== TokenKind.Word || !g.phraseStarts.has(t.lower[i])) continue;
    let h = t.lower[i];
    let best = 0;
    let bestCls = 0;
    for (let j = i + 1; j < Math.min(t.count, i + g.maxPhraseTokens); j++) {
      h = hashJoin(h, t.lower[j]);
      const cls = g.phrases.get(h) ?? 0;
      if (cls !== 0) { best = j - i + 1; bestCls = cls; }
    }
    if (best > 0) {
      phraseB[i] |= bestCls;
      for (let j = i + 1; j < i + best; j++) phraseI[j] |= bestCls;
    }
  }
  return { phraseB, phraseI };
}

/** Document evidence as first written: a Map from each name-like word to its bits, then a pass over the lower-case words. */
function evidenceReference(t: Tokens, shape: Uint8Array, gaz: Uint16Array): number[] {
  const n = t.count;
  const bits = new Map<number, number>();
  const locPreps = new Set(['in', 'at', 'from', 'near', 'to', 'across', 'outside', 'inside'].map(hashLower));
  const said = new Set(['said', 'says', 'told', 'added', 'stated', 'announced'].map(hashLower));
  for (let i = 0; i < n; i++) {
    if (shape[i] < 3) continue;
    let b = bits.get(t.lower[i]) ?? 0;
    const p = i > 0 ? t.lower[i - 1] : 0;
    const nx = i + 1 < n ? t.lower[i + 1] : 0;
    if (i > 0 && ((gaz[i - 1] & Gaz.Title) || (i > 1 && t.kind[i - 1] === TokenKind.Punct && (gaz[i - 2] & Gaz.Title)))) b |= DocBit.AfterTitle;
    if (i + 1 < n && (gaz[i + 1] & Gaz.OrgSuffix) && shape[i + 1] >= 3) b |= DocBit.BeforeOrgSuffix;
    if (i > 0 && locPreps.has(p)) b |= DocBit.AfterLocPreposition;
    if (i + 1 < n && said.has(nx)) b |= DocBit.BeforeSaid;
    if (nx === hashLower("'s")) b |= DocBit.Possessive;
    if (p === hashLower('the')) b |= DocBit.AfterThe;
    if ((i > 0 && shape[i - 1] >= 3) || (i + 1 < n && shape[i + 1] >= 3)) b |= DocBit.InRun;
    else if (!(t.flags[i] & (TokenFlag.SentStart | TokenFlag.LineStart))) b |= DocBit.AloneMidSentence;
    bits.set(t.lower[i], b);
  }
  for (let i = 0; i < n; i++) {
    if (shape[i] !== 2 || (t.flags[i] & TokenFlag.SentStart)) continue;
    const b = bits.get(t.lower[i]);
    if (b !== undefined) bits.set(t.lower[i], b | DocBit.Lower);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(shape[i] >= 3 ? bits.get(t.lower[i]) ?? 0 : 0);
  return out;
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

  it('resolveOverlaps keeps what the object sort kept when each source\'s proposals are disjoint (selected by priority alone, unsorted)', () => {
    const sources = Object.keys(SOURCE_PRIORITY) as ProposalSource[];
    const proposal = fc.record({
      first: fc.integer({ min: 0, max: 60 }), len: fc.integer({ min: 0, max: 4 }), source: fc.constantFrom(...sources),
      confidence: fc.constantFrom(0.55, 0.6, 0.7, 0.9, 1, 0.123, 0.5),
    }).map(({ first, len, source, confidence }): Proposal => ({ first, last: first + len, type: 'person', confidence, source }));
    // Drop every proposal that shares a token with an earlier one of its source: overlaps across sources only.
    const perSourceDisjoint = (ps: Proposal[]): Proposal[] => ps.filter((p, i) => !ps.slice(0, i).some((q) => q.source === p.source && q.first <= p.last && p.first <= q.last));
    fc.assert(fc.property(fc.array(proposal, { maxLength: 60 }).map(perSourceDisjoint), (ps) => {
      const got = resolveOverlaps(ps, 70);
      const want = resolveOverlapsReference(ps, 70);
      assert.equal(got.length, want.length);
      got.forEach((p, i) => assert.equal(p, want[i]));
    }), { numRuns: 3000 });
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

  it('annotateTokens finds the longest multi-token entries as a scan of every length (its scan stops where no entry goes on)', () => {
    const g = defaultGazetteer();
    // Whole entries, their beginnings and single words, so that entries and near misses meet often.
    const words = fc.constantFrom('the black eyed peas', 'the black eyed', 'United States of America', 'united states of', 'united arab emirates',
      'new york state', 'New York', 'salt lake city', 'rio de janeiro', 'papua new guinea', 'the Hague', 'the beatles', 'the', 'hague', 'black',
      'eyed', 'peas', 'united', 'states', 'of', 'arab', 'new', 'york', 'city', 'de', 'said', 'who', '.', '\n', '-', 'x');
    fc.assert(fc.property(fc.array(words, { maxLength: 40 }), (ws) => {
      const t = tokenize(ws.join(' '));
      const { phraseB, phraseI } = annotateTokens(g, t);
      const want = phrasesReference(g, t);
      assert.deepEqual(Array.from(phraseB), want.phraseB);
      assert.deepEqual(Array.from(phraseI), want.phraseI);
    }), { numRuns: 500 });
  });

  it('document evidence answers as a Map of the name-like words (the filter of lower-case words lets every name through)', () => {
    const g = defaultGazetteer();
    const words = fc.constantFrom('Apple', 'apple', 'said', 'in', 'the', 'Mr', 'Kakar', 'Inc', "'s", 'Quetta', 'quetta', 'U.S.', 'A380', 'NATO', 'nato',
      'Bill', 'bill', 'Gates', '.', ',', '\n', 'told', 'at', 'J', 'Lake', 'lake');
    fc.assert(fc.property(fc.array(words, { maxLength: 60 }), (ws) => {
      const t = tokenize(ws.join(' '));
      const a = annotateTokens(g, t);
      const fi = featureInput(t, a.word, a.phraseB, a.phraseI);
      assert.deepEqual(Array.from(fi.doc), evidenceReference(t, fi.shape, a.word));
    }), { numRuns: 500 });
  });

  it("featureInput's candidates (connectors found from the list of name-like tokens) are computeCandidates' (a scan of every token)", () => {
    const g = defaultGazetteer();
    const words = fc.constantFrom('Anwaar', 'ul', 'Haq', '-', 'Osama', 'bin', 'Laden', 'van', 'de', 'De', 'Al', 'al', 'Gogh', '&', 'AT&T', 'S', 'P',
      'said', 'the', '.', ',', '\n', 'Kakar', 'e', 'y', 'Lake', '787', 'U.S.');
    fc.assert(fc.property(fc.array(fc.tuple(words, fc.constantFrom(' ', '', '-')), { maxLength: 40 }), (ws) => {
      const t = tokenize(ws.map(([w, sep]) => w + sep).join(''));
      const a = annotateTokens(g, t);
      const fi = featureInput(t, a.word, a.phraseB, a.phraseI);
      assert.deepEqual(Array.from(fi.candidate), Array.from(computeCandidates(t, fi.shape, a.word)));
    }), { numRuns: 1000 });
  });

  it('candidates join names over connectors, joining hyphens and ampersands as first written (an ampersand found by its hash, not read off the text)', () => {
    const g = defaultGazetteer();
    // The first definition: the token's first code unit is "&".
    const joins = (t: Tokens, gaz: Uint16Array, j: number): boolean => (gaz[j] & Gaz.Connector) !== 0
      || (t.kind[j] === TokenKind.Punct && (t.flags[j] & TokenFlag.HyphenPrev) !== 0) || t.text.charCodeAt(t.start[j]) === 38;
    const reference = (t: Tokens, shape: Uint8Array, gaz: Uint16Array): number[] => {
      const cand = Array.from(shape, (s) => (s >= 3 ? 1 : 0));
      for (let i = 1; i < t.count - 1; i++) {
        if (cand[i] || !cand[i - 1]) continue;
        let j = i;
        while (j < t.count && j - i < 3 && joins(t, gaz, j)) j++;
        if (j > i && j < t.count && shape[j] >= 3) { for (let k = i; k < j; k++) cand[k] = 1; i = j - 1; }
      }
      return cand;
    };
    const words = fc.constantFrom('Procter', 'Gamble', '&', '&&', 'AT&T', 'R&D', '&amp', 'S', 'P', 'said', 'and', '-', 'bin', 'Laden', '\u00c9cole',
      '\ud83d\ude00', "'s", '.', '\n');
    fc.assert(fc.property(fc.array(fc.tuple(words, fc.constantFrom(' ', '', '-')), { maxLength: 40 }), (ws) => {
      const t = tokenize(ws.map(([w, sep]) => w + sep).join(''));
      const a = annotateTokens(g, t);
      // "&" is a connector word in the shipped lexicon too: without that class here, only the
      // ampersand test joins over it.
      const word = a.word.map((c, j) => (t.text.charCodeAt(t.start[j]) === 38 ? c & ~Gaz.Connector : c));
      const fi = featureInput(t, word, a.phraseB, a.phraseI);
      assert.deepEqual(Array.from(fi.candidate), reference(t, fi.shape, word));
    }), { numRuns: 1000 });
  });

  it("the tagger's integer fast path (candidate runs kept as it goes) labels as the label-by-label path on arbitrary texts", () => {
    const model = defaultTaggerModel().value;
    const asFloats = { ...model, weights: Float32Array.from(model.weights) };
    const words = fc.constantFrom('Anwaar', 'ul', 'Haq', '-', 'Osama', 'bin', 'Laden', 'Boeing', 'Airbus', 'A380', 'said', 'the', '.', ',', '\n',
      'Kakar', 'Mr', 'New', 'York', 'Inc', 'U.S.', 'NATO', 'in', 'Quetta', 'of', 'Bank', 'General', 'Motors', 'and', '&', 'J', 'Smith');
    fc.assert(fc.property(fc.array(words, { maxLength: 50 }), (ws) => {
      const a = analyze(ws.join(' '), defaultGazetteer(), model);
      const fast = tag(model, a.features);
      const general = tag(asFloats, a.features);
      assert.deepEqual(Array.from(fast.labels), Array.from(general.labels));
      assert.deepEqual(Array.from(fast.margin), Array.from(general.margin));
    }), { numRuns: 300 });
  });

  it("the tagger's integer fast path (context and own-word sums memoized) labels as the label-by-label path on arbitrary feature inputs", () => {
    // Every class, phrase and evidence bit set at random around candidates in runs of any length,
    // under weights of a small table drawn from the int8 extremes and in between: a context group
    // summed from the wrong bits, a key that tells two contexts apart too little, or a lane that
    // borrows from its neighbour changes a margin. One model throughout, so its memo fills past
    // its size and is cleared on the way (which must change nothing either).
    const seeded = (seed: number, bits: number): TaggerModel => {
      let x = seed;
      const weights = new Int8Array((1 << bits) * 9);
      for (let j = 0; j < weights.length; j++) {
        x = (Math.imul(x, 1103515245) + 12345) | 0;
        const r = (x >>> 16) & 255;
        weights[j] = r < 64 ? -128 : r < 128 ? 127 : r - 192;
      }
      return { bits, weights, scale: 0.25 };
    };
    const models = [seeded(1, 9), seeded(7, 12), defaultTaggerModel().value];
    const words = fc.constantFrom('Anwaar', 'ul', 'Haq', '-', 'Osama', 'bin', 'said', 'the', '.', ',', '\n', 'Kakar', 'Mr', 'New', 'York',
      'U.S.', 'NATO', 'in', 'A380', 'J', '787', 'and', '&');
    const token = fc.record({
      word: words,
      cand: fc.integer({ min: 0, max: 4 }),
      gaz: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 1, max: 3 })),
      phrase: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })),
      doc: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 511 })),
    });
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }), fc.integer({ min: 0, max: 2 }), (ts, m) => {
      const t = tokenize(ts.map((x) => x.word).join(' '));
      const real = featureInput(t, new Uint16Array(t.count), new Uint16Array(t.count), new Uint16Array(t.count));
      const n = t.count;
      const pick = (f: (x: (typeof ts)[number], i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(ts[i % Math.max(ts.length, 1)], i));
      const fi: FeatureInput = {
        tokens: t, shape: real.shape,
        gaz: Uint16Array.from(pick((x) => x.gaz)),
        phraseB: Uint16Array.from(pick((x) => x.phrase)),
        phraseI: Uint16Array.from(pick((x, i) => (x.phrase * (i + 3)) & 0xffff)),
        candidate: Uint8Array.from(pick((x) => (x.cand > 0 ? 1 : 0))),
        doc: Uint16Array.from(pick((x) => x.doc)),
      };
      const model = models[m];
      const fast = tag(model, fi);
      const general = tag({ ...model, weights: Int16Array.from(model.weights) }, fi);
      assert.deepEqual(Array.from(fast.labels), Array.from(general.labels));
      assert.deepEqual(Array.from(fast.margin), Array.from(general.margin));
    }), { numRuns: 600 });
  });

  it("the tagger's integer fast path keeps every label's sum in its lane at the extremes (every bit set, every weight -128 or 127)", () => {
    const t = tokenize('Anwaar-ul-Haq Kakar NEW YORK A380 Osama bin Laden U.S. NATO J. Smith & Co');
    const n = t.count;
    const real = featureInput(t, new Uint16Array(n), new Uint16Array(n), new Uint16Array(n));
    const full = (v: number): Uint16Array => new Uint16Array(n).fill(v);
    const fi: FeatureInput = { tokens: t, shape: real.shape, gaz: full(0xffff), phraseB: full(0xffff), phraseI: full(0xffff), candidate: new Uint8Array(n).fill(1), doc: full(511) };
    for (const low of [-128, 127]) {
      for (const pattern of [0, 1, 2]) {
        // The label's weight in every row: one extreme for some labels, the other for the rest.
        const weights = new Int8Array((1 << 8) * 9);
        for (let j = 0; j < weights.length; j++) weights[j] = ((j % 9) % (pattern + 2) === 0) ? low : (low === -128 ? 127 : -128);
        const model: TaggerModel = { bits: 8, weights, scale: 1 };
        const fast = tag(model, fi);
        const general = tag({ ...model, weights: Int16Array.from(weights) }, fi);
        assert.deepEqual(Array.from(fast.labels), Array.from(general.labels));
        assert.deepEqual(Array.from(fast.margin), Array.from(general.margin));
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
