// A real VS Code for tests and demos on a machine that cannot download VS Code
// desktop: code-server (VS Code's server + web workbench) on Node 24, with the
// workbench driven by Debian's headless Chromium through playwright-core.
// setup.sh installs the pieces; this module starts and stops them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where setup.sh installed things; overridable for machines that keep them elsewhere. */
export const HOST_ROOT = process.env.DOSSIER_VSCODE_HOST ?? path.join(repo, '.vscode-host');
const NODE24 = path.join(HOST_ROOT, 'node24/node_modules/node/bin/node');
const CODE_SERVER = path.join(HOST_ROOT, 'cs/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Throws with the command to run when setup.sh has not been run. */
export function assertInstalled() {
  for (const [what, p] of [['Node 24', NODE24], ['code-server', CODE_SERVER]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} is not installed (${p}); run scripts/vscode-host/setup.sh`);
  }
}

/** A fresh sandbox for one run: profile, extensions, HOME and TMPDIR, so nothing leaks out. */
export function makeSandbox(name) {
  fs.mkdirSync(path.join(HOST_ROOT, 'runs'), { recursive: true });
  const root = fs.mkdtempSync(path.join(HOST_ROOT, 'runs', `${name}-`));
  const dirs = {
    root,
    home: path.join(root, 'home'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    browserProfile: path.join(root, 'chromium'),
    // Short: VS Code puts unix sockets here and their paths are limited to ~107 bytes.
    tmp: path.join(root, 't'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));
  return dirs;
}

/** Environment for a child process that keeps HOME, XDG dirs and TMPDIR in the sandbox. */
function sandboxEnv(dirs, extra = {}) {
  return {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    TMPDIR: dirs.tmp,
    ...extra,
  };
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers /healthz.
 * Returns { base, port, remote(p), workbenchUrl(folder, payload), stop() }.
 */
export async function startCodeServer(dirs, { port, env = {}, log = () => {} } = {}) {
  assertInstalled();
  port ??= await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [
    CODE_SERVER,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    // Without it the built workbench ignores extensionDevelopmentPath/extensionTestsPath in ?payload=.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const out = fs.createWriteStream(path.join(dirs.root, 'code-server.log'));
  const child = spawn(NODE24, args, {
    env: sandboxEnv(dirs, { PATH: `${path.dirname(NODE24)}:${process.env.PATH}`, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early; see ${path.join(dirs.root, 'code-server.log')}`);
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`code-server is up at ${base}`);
  // The web client's remote authority is the host:port it was loaded from.
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  return {
    base,
    port,
    remote,
    workbenchUrl(folder, payload) {
      const q = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
      return `${base}/?${q}`;
    },
    async stop() {
      if (exited) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      await new Promise((r) => { const t = setTimeout(r, 5000); child.once('exit', () => { clearTimeout(t); r(); }); });
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    },
  };
}

/** Launches headless Chromium with a fresh profile; flags keep it off the network. */
export async function launchBrowser(dirs) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 860 },
    env: sandboxEnv(dirs),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Copies a fixture folder into the sandbox, so tests may write sidecars freely. */
export function copyWorkspace(dirs, folder) {
  const target = path.join(dirs.root, 'workspace');
  fs.cpSync(folder, target, { recursive: true });
  return target;
}
