import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const coreDir = path.resolve(__dirname, '../../src/core');
const forbidden = /^(vscode.*|fs|path|os|child_process|worker_threads|net|http|https|node:.*)$/;
const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('core purity', () => {
  it('server/src/core imports no vscode*, fs, path or other environment modules', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(coreDir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(importRe)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        if (forbidden.test(spec)) offenders.push(`${path.relative(coreDir, file)} imports '${spec}'`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the check itself catches a forbidden import', () => {
    const sample = "import * as fs from 'fs';\nconst v = require('vscode');";
    const specs = [...sample.matchAll(importRe)].map((m) => m[1] ?? m[2] ?? m[3]);
    assert.deepEqual(specs.filter((s) => forbidden.test(s ?? '')), ['fs', 'vscode']);
  });
});
