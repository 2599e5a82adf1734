#!/usr/bin/env node
// `npm test`: typecheck, lint, build, unit tests of the core (plain Node), then the
// integration tests in a real VS Code extension host; ends with one line
// "N passed, M failed" over both tiers and exits non-zero on any failure.
//   node scripts/test.mjs [--unit-only | --integration-only]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const unitOnly = process.argv.includes('--unit-only');
const integrationOnly = process.argv.includes('--integration-only');
const totals = { passed: 0, failed: 0, pending: 0 };
const started = Date.now();

/** Runs a command with inherited stderr; resolves to { code, stdout } while echoing stdout. */
function run(cmd, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repo, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (d) => { stdout += d; process.stdout.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

function add(results) {
  totals.passed += results.passed; totals.failed += results.failed; totals.pending += results.pending;
}

function step(name) { console.log(`\n=== ${name}`); }

async function main() {
  step('typecheck (tsc -b)');
  if ((await run('npx', ['tsc', '-b'])).code !== 0) return fail('typecheck failed');
  step('lint (eslint: promises nobody awaits or handles)');
  if ((await run('npx', ['eslint', '--max-warnings', '0'])).code !== 0) return fail('lint failed');
  step('build (esbuild)');
  if ((await run('node', ['esbuild.mjs'])).code !== 0) return fail('build failed');

  if (!integrationOnly) {
    step('unit tests (mocha)');
    const unit = await run('npx', ['mocha', '--reporter', path.join(repo, 'scripts/mocha/summaryReporter.cjs')], { capture: true });
    const m = /DOSSIER-RESULT (\{.*\})/.exec(unit.stdout);
    if (m) add(JSON.parse(m[1]));
    else totals.failed += 1; // mocha died before reporting: count the tier as one failure
  }

  if (!unitOnly) {
    step('integration tests (real VS Code extension host)');
    const setup = await run('bash', ['scripts/vscode-host/setup.sh']);
    if (setup.code !== 0) return fail('could not set up the editor host (see above)');
    const resultsFile = path.join(os.tmpdir(), `dossier-integration-${process.pid}.json`);
    const r = await run('node', ['scripts/vscode-host/run-tests.mjs', '--results', resultsFile]);
    if (fs.existsSync(resultsFile)) {
      const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      fs.rmSync(resultsFile);
      add(results);
      if (r.code !== 0 && results.failed === 0) totals.failed += 1; // host failed outside any test
    } else {
      totals.failed += 1;
    }
  }
  return finish();
}

function fail(why) {
  console.error(`\n${why}`);
  totals.failed += 1;
  return finish();
}

function finish() {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nnpm test finished in ${secs} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`);
  process.exitCode = totals.failed > 0 ? 1 : 0;
}

await main();
