import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../cli/main';

const WORKSPACE = path.resolve(__dirname, '../../../../test-fixtures/workspace');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(args, { stdout, stderr, stdin: new PassThrough() });
  return { code, out, err };
}

describe('dossier index', function () {
  this.timeout(60000);

  it('prints the entities of a folder as JSON with aliases, story counts and co-mentions', async () => {
    const { code, out } = await run(['index', WORKSPACE, '--json']);
    assert.equal(code, 0);
    const result = JSON.parse(out) as {
      files: string[];
      skipped: string[];
      entities: Array<{ name: string; type: string; aliases: string[]; storyCount: number; coMentioned: Array<{ name: string; stories: number }> }>;
    };
    assert.equal(result.files.length, 8);
    assert.deepEqual(result.skipped, ['politics/reading-notes.txt']);
    const byName = new Map(result.entities.map((e) => [e.name, e]));
    assert.ok((byName.get('Iran')?.storyCount ?? 0) >= 6);
    assert.ok((byName.get('Pakistan')?.storyCount ?? 0) >= 8);
    const kakar = byName.get('Anwaar-ul-Haq Kakar');
    assert.equal(kakar?.type, 'person');
    assert.ok(kakar?.aliases.includes('Kakar'));
    assert.ok(kakar?.coMentioned.some((c) => c.name === 'Iran'));
  });

  it('prints a readable list, filtered by type and cut to the top entities', async () => {
    const { code, out } = await run(['index', WORKSPACE, '--type', 'person', '--top', '3']);
    assert.equal(code, 0);
    assert.match(out, /^8 article files, \d+ stories, \d+ entities/);
    assert.match(out, /skipped 1 other file\(s\): politics\/reading-notes\.txt/);
    const entityLines = out.split('\n').filter((l) => /^person /.test(l));
    assert.equal(entityLines.length, 3);
    assert.match(out, /also: /);
    assert.match(out, /with: /);
  });

  it('reports wrong arguments with the usage', async () => {
    assert.equal((await run(['index'])).code, 2);
    assert.equal((await run(['index', WORKSPACE, '--type', 'planet'])).code, 2);
    assert.equal((await run(['index', WORKSPACE, '--bogus'])).code, 2);
    const missing = await run(['index', path.join(WORKSPACE, 'no-such-folder')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /does not exist/);
  });
});
