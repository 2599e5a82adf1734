import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * `npm run test:electron`: the same integration suite in VS Code desktop, for
 * machines that can download it (this one cannot; it uses scripts/vscode-host).
 * The workspace fixture is copied first because the tests write sidecars.
 */
async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-ws-'));
  fs.cpSync(path.join(repo, 'test-fixtures/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(repo, 'dist/test/integration/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`integration tests failed: ${String(err)}`);
  process.exit(1);
});
