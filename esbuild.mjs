// One build script for every bundle: the extension client, the language
// server, the `dossier` CLI and the integration tests that run in the editor.
//   node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));

/** Integration test files are bundled one by one so mocha can load them separately. */
function testEntries() {
  const dir = 'client/src/test/integration';
  if (!fs.existsSync(dir)) return [];
  const out = ['client/src/test/runElectron.ts'];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * Identity of the analysis code and data (parser, recognizer, weights, gazetteer, index
 * codec): the index cache is keyed by it, so a build that analyses differently never
 * serves analyses cached by another, even under the same package version. (In --watch
 * mode it is computed once, at start.)
 */
function analyzerId() {
  const h = createHash('sha256');
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else { h.update(p); h.update(fs.readFileSync(p)); }
    }
  };
  for (const d of ['server/src/core/text', 'server/src/core/article', 'server/src/core/recognize', 'server/src/core/index']) if (fs.existsSync(d)) walk(d);
  return `${pkg.version}+${h.digest('hex').slice(0, 12)}`;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  keepNames: true,
  logLevel: 'warning',
  define: { DOSSIER_VERSION: JSON.stringify(pkg.version), DOSSIER_ANALYZER: JSON.stringify(analyzerId()) },
  // The editor provides `vscode`; mocha and the test runners stay on disk for tests only.
  external: ['vscode', 'mocha', '@vscode/test-electron', 'playwright-core'],
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  // Analyses of the cold scan in worker threads; the server starts it from its own folder.
  { ...common, entryPoints: { analysisWorker: 'server/src/lsp/analysisWorker.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];
const tests = testEntries();
if (tests.length && !production) {
  builds.push({ ...common, entryPoints: tests, outbase: 'client/src/test', outdir: 'dist/test' });
}

const present = builds.filter((b) => Object.values(b.entryPoints).every((f) => fs.existsSync(f)));
if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
  console.log('[esbuild] watching for changes');
} else {
  const t0 = Date.now();
  await Promise.all(present.map((b) => esbuild.build(b)));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
  console.log(`[esbuild] built ${present.length} bundle sets in ${Date.now() - t0} ms${production ? ' (production)' : ''}`);
}
