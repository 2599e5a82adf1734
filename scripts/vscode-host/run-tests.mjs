#!/usr/bin/env node
// Runs the extension's integration tests in a real VS Code extension host
// (code-server's remote Node host, workbench in headless Chromium).
//
//   node scripts/vscode-host/run-tests.mjs [--workspace DIR] [--tests FILE]
//        [--results out.json] [--screenshot out.png --open-file REL]
//        [--timeout S] [--keep] [--verbose]
//
// The workspace folder is copied into a fresh sandbox first, so tests may
// write sidecar files. Exit code: 0 all passed, 1 a test failed (or the tests
// did not load), 3 infrastructure failure or timeout.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { copyWorkspace, launchBrowser, makeSandbox, startCodeServer } from './host.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const opts = {
  workspace: path.join(repo, 'test-fixtures/workspace'),
  tests: path.join(repo, 'dist/test/integration/index.js'),
  timeout: 300, keep: false, verbose: false,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => argv[++i];
  if (a === '--workspace') opts.workspace = path.resolve(next());
  else if (a === '--tests') opts.tests = next() === '-' ? null : path.resolve(argv[i]);
  else if (a === '--results') opts.results = path.resolve(next());
  else if (a === '--screenshot') opts.screenshot = path.resolve(next());
  else if (a === '--open-file') opts.openFile = next();
  else if (a === '--timeout') opts.timeout = Number(next());
  else if (a === '--keep') opts.keep = true;
  else if (a === '--verbose') opts.verbose = true;
  else { console.error(`unknown argument ${a}`); process.exit(2); }
}

const t0 = Date.now();
const info = (...a) => console.error(`[vscode-host ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
// Workbench log lines that are not test output (offline gallery look-ups, auth, reconnection bookkeeping).
const NOISE = [/ENOTFOUND/, /^\[AccountPolicyGate\]/, /^\[reconnection-grace-time\]/, /^\[Service Worker\]/,
  /^\[AgentHost/, /connection token/, /^Creating a socket/, /^Updating additional builtin extensions cache/,
  /authentication provider/, /^Canceled/, /ExtensionUsageCache/, /^Extension host \(Remote\) is (un)?responsive/, /vsda/, /marketplace/i];
const RESULT_RE = /^DOSSIER-RESULT (\{.*\})$/m;

const dirs = makeSandbox('test');
let server; let browser; let finished = false;
async function finish(code, why) {
  if (finished) return;
  finished = true;
  if (why) info(why);
  try { await browser?.close(); } catch { /* closing anyway */ }
  await server?.stop();
  if (!opts.keep && code === 0) fs.rmSync(dirs.root, { recursive: true, force: true });
  else info(`kept ${dirs.root} (code-server.log, screenshots)`);
  info(`exit ${code}`);
  process.exit(code);
}
process.on('SIGINT', () => void finish(130, 'interrupted'));
process.on('SIGTERM', () => void finish(143, 'terminated'));

async function runTests(workspace) {
  const page = await browser.newPage();
  let done;
  const exited = new Promise((r) => { done = r; });
  let results;
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    const m = RESULT_RE.exec(text);
    if (m) { results = JSON.parse(m[1]); return; }
    if (NOISE.some((re) => re.test(text))) { if (opts.verbose) console.error(`[workbench] ${text}`); return; }
    process.stdout.write((type === 'error' ? '[error] ' : '') + text.replace(/\n$/, '') + '\n');
  });
  page.on('crash', () => done(3));
  const url = server.workbenchUrl(workspace, [
    ['extensionDevelopmentPath', server.remote(repo)],
    ['extensionTestsPath', server.remote(opts.tests)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const timer = new Promise((r) => setTimeout(() => r('timeout'), opts.timeout * 1000));
  const code = await Promise.race([exited, timer]);
  if (code === 'timeout') {
    try { await page.screenshot({ path: path.join(dirs.root, 'timeout.png') }); } catch { /* best effort */ }
    return { code: 3, results, why: `timed out after ${opts.timeout} s` };
  }
  await page.close();
  return { code, results };
}

/** Opens a file of the workspace with the Dossier view shown and saves a PNG. */
async function screenshot(workspace) {
  const file = path.join(workspace, opts.openFile ?? fs.readdirSync(workspace).find((f) => /\.(txt|article)$/.test(f)));
  const page = await browser.newPage();
  const url = server.workbenchUrl(workspace, [
    ['extensionDevelopmentPath', server.remote(repo)],
    ['openFile', server.remote(file)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  // Wait until semantic highlighting has painted: a token with a Dossier colour appears, or give up after 20 s.
  await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .view-lines span[class*="mtk"]').length > 20, null, { timeout: 20_000 }).catch(() => {});
  // Show the Dossier views beside the article; best effort, the screenshot is still useful without them.
  await page.locator('.activitybar .action-item a[aria-label^="Dossier"]').first().click({ timeout: 10_000 }).catch(() => info('could not open the Dossier view container'));
  await page.locator('.pane-body .monaco-list-row').first().waitFor({ timeout: 20_000 }).catch(() => {});
  await page.waitForTimeout(3000); // the language server's first pass and the trees settle
  await page.screenshot({ path: opts.screenshot });
  info(`screenshot saved to ${opts.screenshot}`);
  await page.close();
}

try {
  server = await startCodeServer(dirs, { log: info });
  browser = await launchBrowser(dirs);
  const workspace = copyWorkspace(dirs, opts.workspace);
  let code = 0;
  if (opts.tests) {
    const r = await runTests(workspace);
    code = r.code;
    if (r.why) info(r.why);
    if (!r.results && code === 0) { code = 1; info('the tests reported no result line'); }
    if (opts.results) fs.writeFileSync(opts.results, JSON.stringify({ ...(r.results ?? { passed: 0, failed: 0, pending: 0 }), exitCode: code }));
  }
  if (opts.screenshot) await screenshot(workspace);
  await finish(code);
} catch (err) {
  await finish(3, `error: ${err?.stack ?? err}`);
}
