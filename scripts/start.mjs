#!/usr/bin/env node
// `npm start`: builds Dossier and opens the sample workspace in a real editor
// with the extension loaded. With VS Code desktop on PATH (`code`), it uses
// that; otherwise (or with --web) it serves VS Code for the web from
// code-server on 127.0.0.1 and prints the address to open in a browser.
//   npm start [-- --web] [-- --port N] [-- --folder DIR]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const web = args.includes('--web');

const build = spawnSync('node', ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The analyst's copy of the samples: created once, kept between runs so annotations persist.
let folder = flag('--folder');
if (!folder) {
  folder = path.join(repo, '.vscode-host', 'sample-workspace');
  if (!fs.existsSync(folder)) fs.cpSync(path.join(repo, 'test-fixtures/workspace'), folder, { recursive: true });
}
folder = path.resolve(folder);

const hasDesktop = !web && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasDesktop) {
  console.log(`Opening ${folder} in VS Code with Dossier loaded from ${repo}`);
  spawn('code', ['--extensionDevelopmentPath', repo, folder], { stdio: 'inherit', detached: true }).unref();
} else {
  const setup = spawnSync('bash', [path.join(repo, 'scripts/vscode-host/setup.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  const { makeSandbox, startCodeServer } = await import('./vscode-host/host.mjs');
  const dirs = makeSandbox('start');
  const port = Number(flag('--port') ?? process.env.PORT ?? 8080);
  const server = await startCodeServer(dirs, { port });
  const url = server.workbenchUrl(folder, [['extensionDevelopmentPath', server.remote(repo)], ['skipWelcome', 'true']]);
  console.log(`\nDossier is running in VS Code for the web. Open this address in a browser:\n\n  ${url}\n\nWorkspace: ${folder}\nPress Ctrl+C to stop.`);
  const stop = async () => { await server.stop(); fs.rmSync(dirs.root, { recursive: true, force: true }); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
