import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAnnotation } from '../../core/annotations/create';
import type { Annotation, AnnotationEnvironment } from '../../core/annotations/model';
import { applySidecarEdits, parseSidecar } from '../../core/annotations/sidecarYaml';
import { writeFileAtomic } from '../../node/sidecarAtomicWrite';
import { nodeSidecarFileOps, SidecarStore, sidecarPathFor } from '../../node/sidecarStore';

const fixtures = path.resolve(__dirname, '../../../../test-fixtures');
const article = fs.readFileSync(path.join(fixtures, 'articles/001_500e4bc84070cb8b.txt'), 'utf8');
const commented = fs.readFileSync(path.join(fixtures, 'annotations/commented.txt.annotations.yaml'), 'utf8');

let counter = 0;
const env: AnnotationEnvironment = { ids: (p) => `${p}-store${String(counter++).padStart(5, '0')}`, clock: () => new Date('2026-11-23T09:00:00.000Z') };

/** An annotation on the n-th word-ish span of the fixture article. */
function annotation(n: number): Annotation {
  const start = (n * 97) % (article.length - 40);
  return createAnnotation(article, start, start + 12, { type: 'person', note: `note ${n}` }, env);
}

function ids(file: string): string[] {
  return parseSidecar(fs.readFileSync(file, 'utf8')).value.annotations.map((a) => a.id).sort();
}

function externalAdd(file: string, a: Annotation): void {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, applySidecarEdits(text, [{ kind: 'add', annotation: a }]).value.text!);
}

describe('sidecar store', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-sidecar-'));
    file = sidecarPathFor(path.join(dir, 'story.txt'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const leftovers = (): string[] => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it('names the sidecar next to the article', () => {
    assert.equal(sidecarPathFor('/a/b/story.txt'), path.join('/a/b', 'story.txt.annotations.yaml'));
  });

  it('creates the sidecar on the first annotation, atomically, and remembers what it wrote', async () => {
    const store = new SidecarStore();
    const empty = await store.read(file);
    assert.deepEqual([empty.snapshot.exists, empty.sidecar.annotations, empty.sidecar.writable], [false, [], true]);
    assert.equal(fs.existsSync(file), false);
    const a = annotation(1);
    const report = await store.edit(file, [{ kind: 'add', annotation: a }]);
    assert.equal(report.status, 'written');
    assert.deepEqual(ids(file), [a.id]);
    assert.deepEqual(leftovers(), []);
    const bytes = fs.readFileSync(file);
    assert.equal(report.state.snapshot.size, bytes.byteLength);
    assert.equal(report.state.snapshot.mtimeMs, fs.statSync(file).mtimeMs);
    assert.equal(await store.changedOnDisk(file), false);
    assert.deepEqual(report.state.pending, []);
  });

  it('deletes a sidecar left with nothing to keep, and never creates an empty one', async () => {
    const store = new SidecarStore();
    assert.equal((await store.edit(file, [{ kind: 'remove', id: 'a-none' }])).status, 'unchanged');
    assert.equal(fs.existsSync(file), false);
    const a = annotation(2);
    await store.edit(file, [{ kind: 'add', annotation: a }]);
    assert.equal((await store.edit(file, [{ kind: 'remove', id: a.id }])).status, 'deleted');
    assert.equal(fs.existsSync(file), false);
  });

  it('keeps a file with comments when its last annotation goes', async () => {
    fs.writeFileSync(file, commented);
    const store = new SidecarStore();
    const report = await store.edit(file, [
      { kind: 'remove', id: 'a-fm0000001' }, { kind: 'remove', id: 'a-iq0000002' }, { kind: 'removeRejection', id: 'r-fo0000003' },
    ]);
    assert.equal(report.status, 'written');
    assert.match(fs.readFileSync(file, 'utf8'), /please keep this header/);
  });

  it('merges an external change made since the read: both annotations survive', async () => {
    const store = new SidecarStore();
    const base = annotation(3);
    await store.edit(file, [{ kind: 'add', annotation: base }]);
    await store.read(file);
    const theirs = annotation(4);
    externalAdd(file, theirs); // another window, or a git checkout
    assert.equal(await store.changedOnDisk(file), true);
    const ours = annotation(5);
    const report = await store.edit(file, [{ kind: 'add', annotation: ours }]);
    assert.equal(report.status, 'written');
    assert.equal(report.merged, true);
    assert.deepEqual(ids(file), [base.id, theirs.id, ours.id].sort());
  });

  it('merges field by field: their note change and our tag change both land', async () => {
    const store = new SidecarStore();
    const a = annotation(6);
    await store.edit(file, [{ kind: 'add', annotation: a }]);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, applySidecarEdits(text, [{ kind: 'update', id: a.id, changes: { note: 'theirs' }, updated: '2026-11-23T10:00:00.000Z' }]).value.text!);
    await store.edit(file, [{ kind: 'update', id: a.id, changes: { tags: ['ours'] }, updated: '2026-11-23T10:01:00.000Z' }]);
    const [merged] = parseSidecar(fs.readFileSync(file, 'utf8')).value.annotations;
    assert.deepEqual([merged?.note, merged?.tags], ['theirs', ['ours']]);
  });

  it('puts back an annotation deleted elsewhere when the analyst edits it meanwhile', async () => {
    const store = new SidecarStore();
    const a = annotation(7);
    await store.edit(file, [{ kind: 'add', annotation: a }, { kind: 'add', annotation: annotation(8) }]);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, applySidecarEdits(text, [{ kind: 'remove', id: a.id }]).value.text!);
    const report = await store.edit(file, [{ kind: 'update', id: a.id, changes: { note: 'keep me' }, updated: '2026-11-23T11:00:00.000Z' }]);
    assert.deepEqual(report.outcomes, ['readded']);
    assert.equal(parseSidecar(fs.readFileSync(file, 'utf8')).value.annotations.find((x) => x.id === a.id)?.note, 'keep me');
  });

  it('replays onto a change that lands between its read and its write', async () => {
    const theirs = annotation(9);
    let reads = 0;
    const store = new SidecarStore({
      fileOps: {
        async readBytes(f) {
          reads++;
          // The second read of the first attempt is the last look before the rename: change the file just before it.
          if (reads === 2) externalAdd(f, theirs);
          return nodeSidecarFileOps.readBytes(f);
        },
      },
    });
    fs.writeFileSync(file, applySidecarEdits(undefined, [{ kind: 'add', annotation: annotation(10) }]).value.text!);
    const ours = annotation(11);
    const report = await store.edit(file, [{ kind: 'add', annotation: ours }]);
    assert.equal(report.status, 'written');
    assert.equal(report.merged, true);
    assert.ok(ids(file).includes(theirs.id) && ids(file).includes(ours.id));
  });

  it('serializes concurrent edits to one file: none is lost', async () => {
    const store = new SidecarStore();
    const many = Array.from({ length: 25 }, (_, i) => annotation(20 + i));
    const reports = await Promise.all(many.map((a) => store.edit(file, [{ kind: 'add', annotation: a }])));
    assert.ok(reports.every((r) => r.status === 'written'));
    assert.deepEqual(ids(file), many.map((a) => a.id).sort());
    assert.deepEqual(leftovers(), []);
  });

  const malformed: [string, string | Buffer][] = [
    ['bad YAML', 'dossier: 1\nannotations:\n  - id: [oops\n'],
    ['wrong types', commented.replace('start: 502', 'start: soon')],
    ['duplicate ids', commented.replace('a-iq0000002', 'a-fm0000001')],
    ['an alias bomb', 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nannotations: *c\n'],
    ['a 10 MB file', `dossier: 1\nannotations: []\n#${'y'.repeat(10 * 1024 * 1024)}\n`],
    ['binary', Buffer.from([0x64, 0x6f, 0x00, 0x01, 0xfe, 0x0a])],
    ['invalid UTF-8', Buffer.concat([Buffer.from('dossier: 1\nannotations: []\n# caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')])],
  ];
  for (const [name, content] of malformed) {
    it(`never overwrites ${name}: the edit stays pending, reported, and lands once the file is fixed`, async () => {
      fs.writeFileSync(file, content);
      const before = fs.readFileSync(file);
      const mtime = fs.statSync(file).mtimeMs;
      const store = new SidecarStore();
      const a = annotation(50);
      const report = await store.edit(file, [{ kind: 'add', annotation: a }]);
      assert.equal(report.status, 'blocked');
      assert.ok(report.state.problems.some((p) => p.severity === 'error'));
      assert.deepEqual(report.state.pending, [{ kind: 'add', annotation: a }]);
      assert.deepEqual(fs.readFileSync(file), before);
      assert.equal(fs.statSync(file).mtimeMs, mtime);
      assert.deepEqual(leftovers(), []);
      // A second edit queues behind the first.
      const b = annotation(51);
      assert.equal((await store.edit(file, [{ kind: 'add', annotation: b }])).state.pending.length, 2);
      assert.deepEqual(store.pendingFiles(), [file]);
      // Reloading while it is still broken keeps them waiting.
      assert.equal((await store.reload(file)).pending.length, 2);
      // The analyst fixes the file by hand; the file watcher's reload lands both.
      fs.writeFileSync(file, commented);
      const reloaded = await store.reload(file);
      assert.deepEqual(reloaded.pending, []);
      assert.equal(reloaded.sidecar.annotations.length, 4);
      assert.deepEqual(ids(file), ['a-fm0000001', 'a-iq0000002', a.id, b.id].sort());
    });
  }

  it('keeps the edits pending when writing fails, and writes them on the next attempt', async () => {
    let fail = true;
    const store = new SidecarStore({
      fileOps: {
        async writeAtomic(f, text) {
          if (fail) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
          return nodeSidecarFileOps.writeAtomic(f, text);
        },
      },
    });
    const a = annotation(60);
    const failed = await store.edit(file, [{ kind: 'add', annotation: a }]);
    assert.deepEqual([failed.status, failed.error, failed.state.pending.length], ['failed', 'EACCES: permission denied', 1]);
    assert.equal(fs.existsSync(file), false);
    fail = false;
    const retried = await store.retry(file);
    assert.equal(retried.status, 'written');
    assert.deepEqual(ids(file), [a.id]);
  });

  it('gives up after repeated races, keeping the edits pending', async () => {
    let n = 0;
    const store = new SidecarStore({
      maxAttempts: 3,
      fileOps: {
        async readBytes(f) {
          if (n++ % 2 === 1) externalAdd(f, annotation(70 + n));
          return nodeSidecarFileOps.readBytes(f);
        },
      },
    });
    fs.writeFileSync(file, applySidecarEdits(undefined, [{ kind: 'add', annotation: annotation(69) }]).value.text!);
    const report = await store.edit(file, [{ kind: 'add', annotation: annotation(99) }]);
    assert.equal(report.status, 'failed');
    assert.equal(report.state.pending.length, 1);
  });
});

describe('atomic write', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-atomic-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temporary file', async () => {
    const file = path.join(dir, 'x.annotations.yaml');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o600);
    await writeFileAtomic(file, 'new ✓');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new ✓');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(dir), ['x.annotations.yaml']);
  });

  it('leaves the original and no temporary file when the rename fails', async () => {
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'x');
    await assert.rejects(writeFileAtomic(target, 'data'));
    assert.deepEqual(fs.readdirSync(dir), ['taken']);
  });
});
