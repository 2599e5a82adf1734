import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { parseCommand } from '../../cli/commands/parse';
import { UsageError } from '../../cli/command';
import { FIXTURES } from './helpers';

// The command is run directly rather than through main(): the test then does not
// load every other subcommand of the table.
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString('utf8'); });
  stderr.on('data', (d: Buffer) => { err += d.toString('utf8'); });
  const [name, ...rest] = args;
  assert.equal(name, 'parse');
  let code: number;
  try {
    code = await parseCommand.run({ args: rest, stdout, stderr, stdin: new PassThrough() });
  } catch (e) {
    // main() turns a UsageError into exit code 2.
    if (!(e instanceof UsageError)) throw e;
    code = 2;
  }
  return { code, out, err };
}

const sample = path.join(FIXTURES, 'articles', '000_7d1f51ccce8b1f59.txt');

describe('dossier parse', () => {
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-parse-')); });
  after(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

  it('prints an outline: stories, dates with their source and line, parts with line numbers', async () => {
    const { code, out } = await run(['parse', sample]);
    assert.equal(code, 0);
    assert.match(out, /: 2 stories\n/);
    assert.match(out, /Story 1: Pakistan wants to 'work jointly' with Iraq for peace in Middle East\n {2}date: {2}2020-01-10 \(from the date line, line 5\)/);
    assert.match(out, /Story 2: .*\n {2}date: {2}2020-01-10 \(from the previous story\)/);
    assert.match(out, /\n {4}L13 +dateline +ISLAMABAD:\n/);
    assert.match(out, /Problems:\n {2}L38 info article\.date-from-previous-story/);
  });

  it('prints the documented JSON with --json', async () => {
    const { code, out } = await run(['parse', sample, '--json']);
    assert.equal(code, 0);
    const doc = JSON.parse(out) as { file: string; stories: Array<{ headline: string; date: { value: string; source: string }; parts: Array<{ kind: string; start: number; end: number }>; quotes: Array<{ start: number; end: number; speaker: string | null }> }>; problems: unknown[] };
    assert.equal(doc.file, sample);
    assert.equal(doc.stories.length, 2);
    assert.deepEqual(doc.stories[1]!.date, { value: '2020-01-10', source: 'previousStory' });
    const text = fs.readFileSync(sample, 'utf8');
    const dl = doc.stories[0]!.parts.find((p) => p.kind === 'dateLine')!;
    assert.equal(text.slice(dl.start, dl.end), 'Updated 10 January 2020');
    assert.ok(doc.stories[0]!.quotes.some((q) => q.speaker === 'the statement'));
    assert.ok(Array.isArray(doc.problems));
  });

  it('uses the file modification day when a story has no date', async () => {
    const file = path.join(tmp, 'undated.txt');
    fs.copyFileSync(path.join(FIXTURES, 'articles', '016_no_date_single.txt'), file);
    const when = new Date(2023, 4, 17, 12, 0, 0);
    fs.utimesSync(file, when, when);
    const doc = JSON.parse((await run(['parse', file, '--json'])).out) as { stories: Array<{ date: unknown }> };
    assert.deepEqual(doc.stories[0]!.date, { value: '2023-05-17', source: 'fileTime' });
  });

  it('refuses a binary file and says so', async () => {
    const file = path.join(tmp, 'image.bin');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    const { code, err } = await run(['parse', file]);
    assert.equal(code, 1);
    assert.match(err, /binary/);
  });

  it('reads invalid UTF-8 and reports it as a problem', async () => {
    const file = path.join(tmp, 'latin1.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('Caf\xe9 owners protest new rent rules in the city\n\n', 'latin1'), fs.readFileSync(path.join(FIXTURES, 'articles', '016_no_date_single.txt')).subarray(70)]));
    const { code, out } = await run(['parse', file, '--json']);
    assert.equal(code, 0);
    const doc = JSON.parse(out) as { stories: Array<{ headline: string }>; problems: Array<{ code: string }> };
    assert.equal(doc.stories[0]!.headline, 'Café owners protest new rent rules in the city');
    assert.ok(doc.problems.some((p) => p.code === 'file.invalid-utf8'));
  });

  it('reports a missing file and wrong arguments', async () => {
    assert.equal((await run(['parse', path.join(tmp, 'nope.txt')])).code, 1);
    assert.equal((await run(['parse'])).code, 2);
    assert.equal((await run(['parse', sample, '--yaml'])).code, 2);
  });
});
