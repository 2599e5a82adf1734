import assert from 'node:assert/strict';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../cli/main';

async function runCli(args: string[], input = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString('utf8'); });
  stderr.on('data', (d: Buffer) => { err += d.toString('utf8'); });
  stdin.end(input);
  const code = await main(args, { stdout, stderr, stdin });
  return { code, out, err };
}

describe('recognize/cli extract', () => {
  it('--jsonl reads {id,text,dct} lines and writes scorer lines', async () => {
    const lines = [
      { id: 'a', text: 'Prime Minister Imran Khan met Pakistani officials in Lahore on Friday.', dct: '2020-01-10' },
      { id: 'b', text: 'The Foreign Ministry said so in 2019.', dct: '2020-01-10' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const { code, out } = await runCli(['extract', '--jsonl'], lines + '\n\n');
    assert.equal(code, 0);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; entities: { start: number; end: number; type: string }[]; timex: { start: number; end: number; value: string }[]; elapsed_ms: number });
    assert.deepEqual(rows.map((r) => r.id), ['a', 'b']);
    const text = 'Prime Minister Imran Khan met Pakistani officials in Lahore on Friday.';
    assert.deepEqual(rows[0].entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`), ['PER:Imran Khan', 'LOC:Lahore']);
    assert.ok(rows[0].timex.some((t) => t.value === '2020-01-10'));
    assert.ok(rows[1].timex.some((t) => t.value === '2019'));
    assert.equal(typeof rows[0].elapsed_ms, 'number');
    for (const r of rows) for (const e of r.entities) assert.ok(['PER', 'ORG', 'LOC'].includes(e.type));
  });

  it('--jsonl --convention meantime keeps titles and counts nationalities as places', async () => {
    const text = 'Prime Minister Imran Khan met Pakistani officials.';
    const { out } = await runCli(['extract', '--jsonl', '--convention', 'meantime'], JSON.stringify({ id: 'x', text, dct: '2020-01-10' }));
    const row = JSON.parse(out) as { entities: { start: number; end: number; type: string }[] };
    assert.deepEqual(row.entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`), ['PER:Prime Minister Imran Khan', 'LOC:Pakistani']);
  });

  it('--jsonl skips broken lines, says so on stderr and exits 1', async () => {
    const { code, out, err } = await runCli(['extract', '--jsonl'], 'not json\n{"id":"ok","text":"Lahore"}\n{"id":"no-text"}\n');
    assert.equal(code, 1);
    assert.equal(out.trim().split('\n').length, 1);
    assert.match(err, /line 1 is not JSON/);
    assert.match(err, /line 3 has no "text"/);
  });

  it('lists the entities of an article file with line numbers and canonical names', async () => {
    const file = path.resolve(__dirname, '../../../../test-fixtures/articles/004_b505b468b55779a5.txt');
    const { code, out } = await runCli(['extract', file]);
    assert.equal(code, 0);
    assert.match(out, /## story 1: Pakistan to restore diplomatic relations/);
    assert.match(out, /\s+1:\d+\s+person\s+Kakar\s+-> Anwaar-ul-Haq Kakar/);
    assert.match(out, /date\s+.*= 2024-01-\d\d/);
    const json = await runCli(['extract', file, '--json']);
    const doc = JSON.parse(json.out) as { stories: { entities: { start: number; end: number; text: string }[] }[] };
    assert.ok(doc.stories.length >= 2);
    assert.ok(doc.stories[0].entities.some((m) => m.text === 'Anwaar-ul-Haq Kakar'));
  });

  it('rejects wrong arguments with usage and exit 2, unreadable files with exit 1', async () => {
    assert.equal((await runCli(['extract'])).code, 2);
    assert.equal((await runCli(['extract', '--bogus', 'x'])).code, 2);
    assert.equal((await runCli(['extract', '--jsonl', 'file.txt'])).code, 2);
    const missing = await runCli(['extract', '/nonexistent/file.txt']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read/);
  });
});
