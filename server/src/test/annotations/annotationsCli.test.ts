import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../cli/main';

const dir = path.resolve(__dirname, '../../../../test-fixtures/annotations');
const expectedDir = path.join(dir, 'expected');
const update = process.env['UPDATE_GOLDEN'] === '1';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString('utf8'); });
  stderr.on('data', (d: Buffer) => { err += d.toString('utf8'); });
  const code = await main(args, { stdout, stderr, stdin: new PassThrough() });
  return { code, out, err };
}

/** Output with the machine-specific fixture directory replaced, so golden files are portable. */
function portable(text: string, base: string): string {
  return text.split(base).join('<dir>');
}

function golden(name: string, actual: string): void {
  const file = path.join(expectedDir, name);
  if (update) {
    fs.mkdirSync(expectedDir, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `golden ${name} (UPDATE_GOLDEN=1 regenerates it)`);
}

describe('dossier annotations', () => {
  it('lists annotations with exact, moved, fuzzy and orphaned anchoring (text)', async () => {
    const { code, out, err } = await run(['annotations', path.join(dir, 'story.txt')]);
    assert.deepEqual([code, err], [0, '']);
    golden('story.txt.annotations.out', portable(out, dir));
    assert.match(out, /exact 1, moved 2, fuzzy 1, orphaned 1/);
  });

  it('gives the same as JSON, and accepts the sidecar path as FILE', async () => {
    const { code, out } = await run(['annotations', path.join(dir, 'story.txt.annotations.yaml'), '--json']);
    assert.equal(code, 0);
    golden('story.txt.annotations.json', portable(out, dir));
    const parsed = JSON.parse(out) as { annotations: { anchoring: string }[]; summary: Record<string, number> };
    assert.deepEqual(parsed.annotations.map((a) => a.anchoring), ['exact', 'fuzzy', 'moved', 'orphaned', 'moved']);
  });

  describe('on a temporary directory', () => {
    let tmp: string;
    beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-')); });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('says so when there is no sidecar', async () => {
      fs.writeFileSync(path.join(tmp, 'a.txt'), 'text');
      const { code, out } = await run(['annotations', path.join(tmp, 'a.txt')]);
      assert.equal(code, 0);
      assert.match(out, /no sidecar/);
    });

    it('prints sidecar problems with line and column, and exits 1', async () => {
      fs.writeFileSync(path.join(tmp, 'a.txt'), 'text');
      fs.writeFileSync(path.join(tmp, 'a.txt.annotations.yaml'), 'dossier: 1\nannotations:\n  - id: x\n    type: 5\n');
      const { code, err } = await run(['annotations', path.join(tmp, 'a.txt')]);
      assert.equal(code, 1);
      assert.ok(err.includes(`${path.join(tmp, 'a.txt.annotations.yaml')}:4:11: error: \`type\` must be a string`), err);
      assert.match(err, /will not overwrite it/);
    });

    it('fails clearly on a missing article and on wrong arguments', async () => {
      const missing = await run(['annotations', path.join(tmp, 'none.txt')]);
      assert.equal(missing.code, 1);
      assert.match(missing.err, /cannot read .*none\.txt/);
      assert.equal((await run(['annotations'])).code, 2);
      assert.equal((await run(['annotations', 'a', '--yaml'])).code, 2);
    });
  });
});
