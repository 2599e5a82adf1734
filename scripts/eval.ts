/**
 * `npm run eval`: scores the recognizer.
 *  1. MEANTIME (../shared/eval/meantime-en.jsonl) through the shared scorer
 *     (score.mjs), name spans and phrase spans (a leading "the" or title kept).
 *  2. The dev splits of ../shared/ner-train with our own exact span F1 per type.
 * Prints one table. Options: --errors N (MEANTIME error listing), --shared DIR.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRecognizer } from '../server/src/core/recognize/recognizer';
import { tagTypeOf } from '../server/src/core/recognize/candidates';
import { toEvalEntities } from '../server/src/core/recognize/evalFormat';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const shared = path.resolve(opt('shared', path.resolve(__dirname, '../../shared')));
const nErrors = +opt('errors', '0');

interface Doc { id: string; text: string; dct?: string; source?: string; entities: { start: number; end: number; type: string }[] }
const readJsonl = (f: string): Doc[] => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Doc);

const recognizer = createRecognizer();
const rows: string[][] = [];
const pct = (x: number): string => x.toFixed(1);

// ---- MEANTIME through the scorer ----
const meantime = path.join(shared, 'eval/meantime-en.jsonl');
const scorer = path.join(shared, 'eval/score.mjs');
if (fs.existsSync(meantime) && fs.existsSync(scorer)) {
  const gold = readJsonl(meantime);
  const configs = [['names', false], ['meantime', false], ['names', true]] as const;
  for (const [convention, stripThe] of configs) {
    const phrase = convention === 'meantime';
    const lines: string[] = [];
    for (const d of gold) {
      const t0 = process.hrtime.bigint();
      const r = recognizer.recognize(d.text, { referenceDate: d.dct });
      const el = Number(process.hrtime.bigint() - t0) / 1e6;
      lines.push(JSON.stringify({
        id: d.id,
        entities: toEvalEntities(r.entities, convention),
        timex: r.dates.map((x) => ({ start: x.start, end: x.end, value: x.value })),
        elapsed_ms: el,
      }));
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-eval-'));
    const predFile = path.join(dir, 'pred.jsonl');
    const jsonFile = path.join(dir, 'metrics.json');
    fs.writeFileSync(predFile, lines.join('\n') + '\n');
    const out = execFileSync(process.execPath, [scorer, '--gold', meantime, '--pred', predFile, '--json', jsonFile, ...(stripThe ? ['--strip-the'] : []), ...(nErrors && phrase ? ['--errors', String(nErrors)] : [])], { encoding: 'utf8' });
    if (nErrors && phrase) process.stdout.write(out);
    const m = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
    const e = m.entities;
    const label = `meantime-en (${convention}${stripThe ? ', scorer --strip-the' : ' convention'})`;
    rows.push([label, 'exact', ...['PER', 'ORG', 'LOC'].map((t) => pct(e.exact[t].f1)), '-', pct(e.exact.micro.p), pct(e.exact.micro.r), pct(e.exact.micro.f1)]);
    rows.push([label, 'overlap', ...['PER', 'ORG', 'LOC'].map((t) => pct(e.overlap[t].f1)), '-', pct(e.overlap.micro.p), pct(e.overlap.micro.r), pct(e.overlap.micro.f1)]);
    if (!phrase && !stripThe) {
      const dv = m.timex?.date_value?.all;
      if (dv) rows.push(['meantime-en dates', 'value', '', '', '', '', '', '', `${pct(dv.value_exact_pct_of_gold)}% right ISO value`]);
    }
  }
} else {
  console.error(`(skipping MEANTIME: ${meantime} or ${scorer} not found)`);
}

// ---- dev splits: exact span F1 per type ----
interface Counts { tp: number; pred: number; gold: number }
const f1 = (c: Counts): number => (c.tp ? (200 * c.tp) / (c.pred + c.gold) : 0);
for (const name of ['uner_en.dev', 'redocred.dev', 'wikigold.dev', 'btc.dev']) {
  const file = path.join(shared, 'ner-train', `${name}.jsonl`);
  if (!fs.existsSync(file)) continue;
  const docs = readJsonl(file);
  const withMisc = /redocred|wikigold/.test(name);
  const types = withMisc ? ['PER', 'ORG', 'LOC', 'MISC'] : ['PER', 'ORG', 'LOC'];
  const by: Record<string, Counts> = Object.fromEntries(types.map((t) => [t, { tp: 0, pred: 0, gold: 0 }]));
  for (const d of docs) {
    const r = recognizer.recognize(d.text);
    const pred = r.entities.map((m) => ({ start: m.start, end: m.end, type: tagTypeOf(m.type) })).filter((m) => types.includes(m.type));
    const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
    const g = new Set(d.entities.filter((e) => types.includes(e.type)).map(key));
    for (const p of pred) { by[p.type].pred++; if (g.has(key(p))) by[p.type].tp++; }
    for (const e of d.entities) if (types.includes(e.type)) by[e.type].gold++;
  }
  const tot = Object.values(by).reduce((a, c) => ({ tp: a.tp + c.tp, pred: a.pred + c.pred, gold: a.gold + c.gold }), { tp: 0, pred: 0, gold: 0 });
  rows.push([`ner-train ${name}`, 'exact', ...['PER', 'ORG', 'LOC', 'MISC'].map((t) => (by[t] ? pct(f1(by[t])) : '-')), pct(tot.pred ? (100 * tot.tp) / tot.pred : 0), pct(tot.gold ? (100 * tot.tp) / tot.gold : 0), pct(f1(tot))]);
}

const header = ['set', 'spans', 'PER F1', 'ORG F1', 'LOC F1', 'MISC F1', 'P', 'R', 'F1'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const fmt = (r: string[]): string => r.map((c, i) => (i < 2 ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i]))).join('  ');
console.log(fmt(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(fmt(r));
console.log('\nTargets (issue 4): MEANTIME entity F1 >= 80 overlap, >= 70 exact; dates >= 90 % right value. compromise: 57.4 / 41.9.\nSpeed: npm run bench.');
