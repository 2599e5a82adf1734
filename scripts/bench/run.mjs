#!/usr/bin/env node
// `npm run bench [-- SECTION...] [-- --flags]`: runs the benchmark sections in scripts/bench/,
// one file per section named `<section>.bench.ts`. Each section is bundled with esbuild
// first (minified like the shipped extension, so the figures are those of the real build,
// not of an on-the-fly TypeScript loader) and run in its own node process, one after another.
//   npm run bench                 all sections
//   npm run bench -- recognize    only scripts/bench/recognize.bench.ts
//   npm run bench -- recognize --mb 20   extra flags are passed to the sections
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts')).map((f) => f.slice(0, -'.bench.ts'.length)).sort();
const args = process.argv.slice(2);
const chosen = args.filter((a) => !a.startsWith('-') && all.includes(a));
const passOn = args.filter((a) => !chosen.includes(a));
const sections = chosen.length ? chosen : all;
const unknown = args.filter((a) => !a.startsWith('-') && !all.includes(a) && !/^\d/.test(a));
if (unknown.length && !chosen.length) {
  console.error(`unknown section(s) ${unknown.join(', ')}; sections: ${all.join(', ')}`);
  process.exit(2);
}

// The bundle sits next to its source so that `__dirname` in a section means what it says.
let failed = 0;
const outfiles = [];
try {
  for (const name of sections) {
    const outfile = path.join(here, `.${name}.bench.tmp.cjs`);
    outfiles.push(outfile);
    await esbuild.build({
      entryPoints: [path.join(here, `${name}.bench.ts`)], outfile, bundle: true, platform: 'node', target: 'node20',
      format: 'cjs', minify: true, keepNames: true, logLevel: 'warning', external: ['esbuild'],
    });
    console.log(`\n=== bench: ${name} ===`);
    const r = spawnSync(process.execPath, [outfile, ...passOn], { stdio: 'inherit', cwd: path.resolve(here, '../..'), env: { ...process.env, DOSSIER_BENCH_BUNDLE: outfile } });
    if (r.status !== 0) { failed++; console.error(`bench ${name} exited with ${r.status}`); }
  }
} finally {
  for (const f of outfiles) fs.rmSync(f, { force: true });
}
process.exit(failed ? 1 : 0);
