// One build script for every bundle: the extension client, the language
// server, the `dossier` CLI and the integration tests that run in the editor.
//   node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  keepNames: true,
  logLevel: 'warning',
  define: { DOSSIER_VERSION: JSON.stringify(pkg.version) },
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
