#!/usr/bin/env node
// Scores recognizeDates on a gold JSONL (default: the MEANTIME set) with the shared scorer,
// and measures its throughput in MB/s on one core.
//
//   node scripts/eval-dates.mjs [--gold FILE] [--errors N] [--json out.json] [--bench-mb 20]
//
// Each gold line's `text` is recognized with its `dct` as the reference date; predictions
// are written to a temporary JSONL and handed to ../shared/eval/score.mjs beside the repository (or --scorer).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
// The shared material sits beside the repository (as in CI's clone).
const gold = opt('gold', path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/eval/meantime-en.jsonl'));
const scorer = opt('scorer', path.resolve(path.dirname(gold), 'score.mjs'));
const benchMb = Number(opt('bench-mb', '20'));

const { recognizeDates } = await tsImport(path.join(root, 'server/src/core/recognize/dates/recognizeDates.ts'), import.meta.url);

const docs = fs.readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const preds = docs.map((d) => ({
  id: d.id,
  timex: recognizeDates(d.text, d.dct).map((m) => ({ start: m.start, end: m.end, value: m.value, text: m.text })),
}));
const predFile = path.join(os.tmpdir(), `dates-preds-${process.pid}.jsonl`);
fs.writeFileSync(predFile, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');

const scoreArgs = [scorer, '--gold', gold, '--pred', predFile];
for (const k of ['errors', 'json']) if (opt(k)) scoreArgs.push(`--${k}`, opt(k));
process.stdout.write(execFileSync(process.execPath, scoreArgs, { encoding: 'utf8' }));
fs.rmSync(predFile, { force: true });

// Throughput: the gold texts plus the sample articles, repeated to about `benchMb` MB.
if (benchMb > 0) {
  const articles = path.join(root, 'test-fixtures/articles');
  const samples = [
    ...docs.map((d) => [d.text, d.dct]),
    ...fs.readdirSync(articles).filter((f) => f.endsWith('.txt')).map((f) => [fs.readFileSync(path.join(articles, f), 'utf8'), '2020-01-10']),
  ];
  const bytes = samples.reduce((a, [t]) => a + Buffer.byteLength(t), 0);
  const reps = Math.max(1, Math.round((benchMb * 1e6) / bytes));
  for (const [t, r] of samples) recognizeDates(t, r); // warm-up
  const runs = [];
  for (let k = 0; k < 3; k++) {
    let found = 0;
    // CPU time of this process, not wall time: the machine is shared, and waiting for a core is not our cost.
    const c0 = process.cpuUsage();
    for (let i = 0; i < reps; i++) for (const [t, r] of samples) found += recognizeDates(t, r).length;
    const c = process.cpuUsage(c0);
    const s = (c.user + c.system) / 1e6;
    runs.push({ mbPerS: (bytes * reps) / 1e6 / s, found });
  }
  runs.sort((a, b) => a.mbPerS - b.mbPerS);
  console.log(`throughput recognizeDates: ${runs[1].mbPerS.toFixed(1)} MB/s (CPU time, median of 3 runs over ${((bytes * reps) / 1e6).toFixed(1)} MB, one call per document)`);
}
