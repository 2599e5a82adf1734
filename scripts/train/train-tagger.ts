#!/usr/bin/env -S npx tsx
/**
 * Trains the entity tagger: an averaged perceptron over hashed features with
 * greedy BIO decoding, on the permissively licensed gold NER data in
 * ../shared/ner-train (see its README and LICENSES). Writes the quantized
 * weights to server/src/core/recognize/data/tagger/weights.json.
 *
 *   npx tsx scripts/train/train-tagger.ts [--data DIR] [--epochs N] [--seeds S] [--minutes M] [--bits B] [--out FILE]
 *
 * Bounded by --minutes (default 9) on one core. The feature extraction is the
 * runtime's own (server/src/core/recognize/tagger/features.ts), so the shipped
 * model sees exactly what it was trained on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tokenize } from '../../server/src/core/recognize/tokenize';
import { annotateTokens, defaultGazetteer } from '../../server/src/core/recognize/gazetteer';
import { allowed, featureInput, LABELS, MAX_STATIC_FEATURES, NUM_LABELS, type FeatureInput } from '../../server/src/core/recognize/tagger/features';
import { scoreToken, tag } from '../../server/src/core/recognize/tagger/tagger';
import { spansFromLabels } from '../../server/src/core/recognize/tagger/spans';
import { encodeModel } from '../../server/src/core/recognize/tagger/weightsCodec';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const dataDir = path.resolve(opt('data', path.resolve(__dirname, '../../../shared/ner-train')));
const maxEpochs = +opt('epochs', '10');
const minutes = +opt('minutes', '9');
const bits = +opt('bits', '18');
const outFile = path.resolve(opt('out', path.resolve(__dirname, '../../server/src/core/recognize/data/tagger/weights.json')));
const trainFiles = opt('train', 'uner_en.train,redocred.train,wikigold.train,btc.train').split(',');
const devFiles = opt('dev', 'uner_en.dev,redocred.dev,wikigold.dev,btc.dev').split(',');

interface Entity { start: number; end: number; type: string }
interface Doc { id: string; text: string; entities: Entity[]; source: string }
interface Prepared { fi: FeatureInput; gold: Uint8Array; noMisc: boolean; doc: Doc }

const readJsonl = (f: string): Doc[] => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Doc);
const gaz = defaultGazetteer();
const typeIndex: Record<string, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };

function prepare(doc: Doc): Prepared {
  const t = tokenize(doc.text);
  const a = annotateTokens(gaz, t);
  const fi = featureInput(t, a.word, a.phraseB, a.phraseI);
  const gold = new Uint8Array(t.count);
  let k = 0;
  for (const e of doc.entities) {
    const ty = typeIndex[e.type];
    if (ty === undefined) continue;
    while (k < t.count && t.end[k] <= e.start) k++;
    let first = true;
    for (let j = k; j < t.count && t.start[j] < e.end; j++) {
      if (t.start[j] < e.start || t.end[j] > e.end) continue; // token straddles the boundary: leave O
      gold[j] = first ? 1 + ty * 2 : 2 + ty * 2;
      first = false;
    }
  }
  // The tagger only sees candidates: the first candidate of an entity opens it.
  for (let j = 0; j < t.count; j++) {
    const l = gold[j];
    if (l !== 0 && (l & 1) === 0 && (j === 0 || !fi.candidate[j - 1] || !allowed(gold[j - 1], l))) gold[j] = l - 1;
  }
  return { fi, gold, noMisc: !/redocred|wikigold/.test(doc.source), doc };
}

const t0 = Date.now();
const train: Prepared[] = trainFiles.flatMap((f) => readJsonl(path.join(dataDir, `${f}.jsonl`))).map(prepare);
const dev: Record<string, Prepared[]> = Object.fromEntries(devFiles.map((f) => [f, readJsonl(path.join(dataDir, `${f}.jsonl`)).map(prepare)]));
const nTok = train.reduce((a, p) => a + p.fi.tokens.count, 0);
const nCand = train.reduce((a, p) => a + p.fi.candidate.reduce((x, y) => x + y, 0), 0);
console.log(`loaded ${train.length} training docs, ${nTok} tokens (${nCand} candidates) in ${Date.now() - t0} ms`);

const size = (1 << bits) * NUM_LABELS;
const w = new Float32Array(size);
const acc = new Float64Array(size);
const stamp = new Int32Array(size);
let clock = 1;
const feats = new Int32Array(MAX_STATIC_FEATURES + 8);
const scores = new Float64Array(NUM_LABELS);

function update(idx: number, delta: number): void {
  acc[idx] += (clock - stamp[idx]) * w[idx];
  stamp[idx] = clock;
  w[idx] += delta;
}

function averaged(): Float32Array {
  const avg = new Float32Array(size);
  for (let i = 0; i < size; i++) avg[i] = (acc[i] + (clock - stamp[i]) * w[i]) / clock;
  return avg;
}

/** Deterministic shuffle (mulberry32) so runs are reproducible. */
function shuffle<T>(xs: T[], seed: number): void {
  let s = seed >>> 0;
  const rnd = (): number => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  for (let i = xs.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [xs[i], xs[j]] = [xs[j], xs[i]]; }
}

function trainDoc(p: Prepared): number {
  const { fi, gold } = p;
  const n = fi.tokens.count;
  const pred = new Uint8Array(n);
  let errors = 0;
  for (let i = 0; i < n; i++) {
    if (!fi.candidate[i]) continue;
    const prev = i > 0 ? pred[i - 1] : 0;
    const prev2 = i > 1 ? pred[i - 2] : 0;
    const k = scoreToken(w, bits, fi, i, prev, prev2, feats, scores);
    let best = 0, bestScore = -Infinity;
    for (let l = 0; l < NUM_LABELS; l++) if (allowed(prev, l) && scores[l] > bestScore) { bestScore = scores[l]; best = l; }
    let g = gold[i];
    if (!allowed(prev, g)) g = g === 0 ? 0 : (g & 1) === 0 ? g - 1 : g;
    // Sources without a MISC layer say nothing about MISC: do not punish predicting it on their O tokens.
    const masked = p.noMisc && g === 0 && best >= 7;
    if (best !== g && !masked) {
      errors++;
      for (let j = 0; j < k; j++) { update(feats[j] + g, 1); update(feats[j] + best, -1); }
    }
    pred[i] = best;
    clock++;
  }
  return errors;
}

interface Counts { tp: number; pred: number; gold: number }
function evaluate(model: Float32Array, docs: Prepared[]): Record<string, Counts> {
  const byType: Record<string, Counts> = {};
  const m = { bits, weights: model, scale: 1 };
  for (const p of docs) {
    const r = tag(m, p.fi);
    const predSpans = spansFromLabels(p.fi.tokens, r).filter((s) => !(p.noMisc && s.type === 'MISC'));
    const goldSpans = p.doc.entities;
    const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
    const g = new Set(goldSpans.map(key));
    for (const s of predSpans) { (byType[s.type] ??= { tp: 0, pred: 0, gold: 0 }).pred++; if (g.has(key(s))) byType[s.type].tp++; }
    for (const s of goldSpans) (byType[s.type] ??= { tp: 0, pred: 0, gold: 0 }).gold++;
  }
  return byType;
}
const f1 = (c: Counts): number => (c.tp ? (200 * c.tp) / (c.pred + c.gold) : 0);
function report(model: Float32Array): string {
  return Object.entries(dev).map(([name, docs]) => {
    const r = evaluate(model, docs);
    const tot = Object.values(r).reduce((a, c) => ({ tp: a.tp + c.tp, pred: a.pred + c.pred, gold: a.gold + c.gold }), { tp: 0, pred: 0, gold: 0 });
    return `${name} F1 ${f1(tot).toFixed(1)}`;
  }).join(', ');
}

const seeds = +opt('seeds', '3');
const deadline = t0 + minutes * 60_000;
let epoch = 0;
// Several runs over differently shuffled data, averaged: a perceptron's result depends on the
// order it saw the examples in, and the average of a few runs is steadier than any one of them.
const ensemble = new Float32Array(size);
let runs = 0;
for (let seed = 0; seed < seeds && Date.now() < deadline; seed++) {
w.fill(0); acc.fill(0); stamp.fill(0); clock = 1;
for (epoch = 0; epoch < maxEpochs; epoch++) {
  const e0 = Date.now();
  shuffle(train, 17 + epoch + 1000 * seed);
  let errors = 0;
  for (const p of train) errors += trainDoc(p);
  const took = Date.now() - e0;
  console.log(`epoch ${epoch + 1}: ${errors} errors, ${took} ms; dev (averaged): ${report(averaged())}`);
  if (Date.now() + took * 1.3 > deadline) { epoch++; break; }
}
const run = averaged();
for (let i = 0; i < size; i++) ensemble[i] += run[i];
runs++;
console.log(`run ${runs} (seed ${seed}) done`);
}
for (let i = 0; i < size; i++) ensemble[i] /= runs;
const avg = ensemble;
console.log(`ensemble of ${runs} run(s): dev ${report(avg)}`);
// Quantize to int8: the clipping point (a percentile of |w|) trades range for resolution; the
// dev splits pick it.
const mags = Array.from(avg.filter((x) => x !== 0).map(Math.abs)).sort((a, b) => a - b);
const devF1 = (model: Float32Array): number => {
  const all = Object.values(dev).flat();
  const r = evaluate(model, all);
  const tot = Object.values(r).reduce((a, c) => ({ tp: a.tp + c.tp, pred: a.pred + c.pred, gold: a.gold + c.gold }), { tp: 0, pred: 0, gold: 0 });
  return f1(tot);
};
let best = { f: -1, scale: 1, quant: new Int8Array(0) };
for (const pct of [0.999, 0.9999, 0.99999, 1]) {
  const q = mags.length ? mags[Math.min(mags.length - 1, Math.floor(mags.length * pct))] : 1;
  const sc = q / 127;
  const qw = new Int8Array(size);
  const dq = new Float32Array(size);
  for (let i = 0; i < size; i++) { qw[i] = Math.max(-127, Math.min(127, Math.round(avg[i] / sc))); dq[i] = qw[i]; }
  const f = devF1(dq);
  console.log(`quantized at the ${pct} percentile (scale ${sc.toPrecision(4)}): dev micro F1 ${f.toFixed(2)}`);
  if (f > best.f) best = { f, scale: sc, quant: qw };
}
const { scale, quant } = best;
const encoded = encodeModel(quant, bits, scale);
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify({ ...encoded, trainedOn: trainFiles, epochs: epoch, runs, labels: NUM_LABELS, labelNames: LABELS }) + '\n');
console.log(`wrote ${outFile} (${fs.statSync(outFile).size} bytes, ${quant.reduce((a, x) => a + (x !== 0 ? 1 : 0), 0)} non-zero weights) after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
