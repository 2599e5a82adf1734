import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { URI } from 'vscode-uri';
import { createAnchor } from '../../core/annotations/anchor';
import type { Annotation, AnnotationEnvironment } from '../../core/annotations/model';
import type { AnnotationProblem, ResolvedAnnotation } from '../../core/annotations/resolve';
import { tagSelection, confirmSuggestion, rejectSuggestion } from '../../core/annotations/edits';
import type { TextAnalysis } from '../../core/index/documentAnalysis';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { NO_KNOWLEDGE, type AnalystKnowledge } from '../../core/recognize/knowledge';
import type { Recognizer } from '../../core/recognize/recognizer';
import type { Problem } from '../../core/text/problem';
import { AnnotationService, followEdit, type AnnotationHost } from '../../lsp/annotations/annotationService';
import { diffAsChange } from '../../lsp/annotations/textDiff';
import type { DocumentAnnotations } from '../../protocol';

const ARTICLE = 'QUETTA: Pakistan\'s caretaker Prime Minister Anwaar-ul-Haq Kakar said on Wednesday the country was ready.\n\nKakar said the army would be deployed.\n';

/** Deterministic ids and times. */
function testEnv(): AnnotationEnvironment {
  let n = 0;
  return { ids: (prefix) => `${prefix}-${String(n++).padStart(10, '0')}`, clock: () => new Date('2026-11-23T09:00:00.000Z') };
}

/** A recognizer that finds "Kakar" as a person unless the knowledge rejects it; it records the knowledge it was built with. */
function fakeRecognizer(knowledge: AnalystKnowledge = NO_KNOWLEDGE): Recognizer {
  return {
    knowledge,
    recognize: (text: string) => {
      const rejected = knowledge.rejected.some((r) => r.text === 'Kakar');
      const entities = [];
      for (let i = text.indexOf('Kakar'); i !== -1 && !rejected; i = text.indexOf('Kakar', i + 1)) {
        entities.push({ start: i, end: i + 5, text: 'Kakar', type: 'person' as const, confidence: 0.9, origin: 'recognizer' as const });
      }
      return { entities, dates: [], problems: [] };
    },
    withKnowledge: (k: AnalystKnowledge) => fakeRecognizer(k),
  } as unknown as Recognizer;
}

interface Fixture {
  readonly dir: string;
  readonly uri: string;
  readonly sidecar: string;
  readonly service: AnnotationService;
  readonly index: WorkspaceIndex;
  readonly articleProblems: Map<string, readonly AnnotationProblem[]>;
  readonly sidecarProblems: Map<string, readonly Problem[]>;
  readonly notified: DocumentAnnotations[];
  analyzeCalls: number;
  open: string | undefined;
}

async function fixture(sidecarText?: string): Promise<Fixture> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dossier-annotations-'));
  const file = path.join(dir, 'story.txt');
  await fsp.writeFile(file, ARTICLE);
  const sidecar = `${file}.annotations.yaml`;
  if (sidecarText !== undefined) await fsp.writeFile(sidecar, sidecarText);
  const service = new AnnotationService({ recognizer: fakeRecognizer(), env: testEnv(), publishDelayMs: 0, knowledgeDelayMs: 0 });
  const f = { dir, uri: URI.file(file).toString(), sidecar, service, articleProblems: new Map(), sidecarProblems: new Map(), notified: [], analyzeCalls: 0, open: undefined } as unknown as Fixture;
  const index = new WorkspaceIndex({
    analyze: service.knowledge.wrap((_uri, text): TextAnalysis => {
      f.analyzeCalls++;
      const r = service.knowledge.recognizer.recognize(text);
      return { length: text.length, stories: [], entities: r.entities.map((e) => ({ ...e, story: -1 })), dates: [], sentences: [], boilerplate: [], problems: [] };
    }),
    annotations: service.provide,
    hash: service.knowledge.hash,
  });
  (f as { index: WorkspaceIndex }).index = index;
  const host: AnnotationHost = {
    index,
    openText: (uri) => (uri === f.uri ? f.open : undefined),
    openUris: () => (f.open === undefined ? [] : [f.uri]),
    publishArticleProblems: (uri, _text, problems) => f.articleProblems.set(uri, problems),
    publishSidecarProblems: (p, problems) => f.sidecarProblems.set(p, problems),
    notify: (a) => f.notified.push(a),
    isReady: () => true,
    log: () => undefined,
  };
  service.attach(host);
  return f;
}

async function loaded(f: Fixture, text = ARTICLE): Promise<void> {
  f.index.set(f.uri, text, 1);
  await f.service.load(f.uri);
}

function sidecarOf(annotations: readonly Annotation[]): string {
  const lines = ['dossier: 1', 'annotations:'];
  for (const a of annotations) {
    lines.push(`  - id: ${a.id}`, `    type: ${a.type}`, `    quote: ${JSON.stringify(a.anchor.quote.exact)}`);
    if (a.note) lines.push(`    note: ${JSON.stringify(a.note)}`);
    lines.push(`    created: ${a.created}`, `    updated: ${a.updated}`, '    anchor:',
      `      prefix: ${JSON.stringify(a.anchor.quote.prefix)}`, `      suffix: ${JSON.stringify(a.anchor.quote.suffix)}`,
      `      start: ${a.anchor.position.start}`, `      end: ${a.anchor.position.end}`);
  }
  return `${lines.join('\n')}\n`;
}

function annotationOn(text: string, quote: string, id = 'a-0000000001', type = 'claim'): Annotation {
  const start = text.indexOf(quote);
  return { id, type, created: '2026-11-23T09:00:00.000Z', updated: '2026-11-23T09:00:00.000Z', note: 'checked', anchor: createAnchor(text, start, start + quote.length) };
}

/** Awaits a condition set by a background write (bounded; fails rather than hangs). */
async function waitUntil(probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.fail('the condition never held');
}

describe('lsp annotations: text diff', () => {
  it('gives one change, or none for equal texts', () => {
    assert.deepEqual(diffAsChange('abc', 'abc'), []);
    assert.deepEqual(diffAsChange('abc', 'aXbc'), [{ offset: 1, deleteLength: 0, insertText: 'X' }]);
    assert.deepEqual(diffAsChange('abcd', 'ad'), [{ offset: 1, deleteLength: 2, insertText: '' }]);
    assert.deepEqual(diffAsChange('', 'new'), [{ offset: 0, deleteLength: 0, insertText: 'new' }]);
    assert.deepEqual(diffAsChange('aaaa', 'aaa'), [{ offset: 3, deleteLength: 1, insertText: '' }]);
  });

  it('applying the change to the old text always gives the new text', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      const [c] = diffAsChange(a, b);
      const applied = c ? a.slice(0, c.offset) + c.insertText + a.slice(c.offset + c.deleteLength) : a;
      assert.equal(applied, b);
    }), { numRuns: 2000 });
  });
});

describe('lsp annotations: following an edit', () => {
  const a = annotationOn(ARTICLE, 'the country was ready');
  const start = a.anchor.position.start;
  const at = (r: ResolvedAnnotation) => [r.resolution.status, r.resolution.start, r.resolution.end];

  it('carries an annotation through an insertion above it without searching', () => {
    const text = `NEW LINE\n${ARTICLE}`;
    const [r] = followEdit([{ annotation: a, resolution: { status: 'exact', start, end: start + 21 } }], diffAsChange(ARTICLE, text), text);
    assert.deepEqual(at(r!), ['exact', start + 9, start + 30]);
  });

  it('leaves an orphan orphaned (its search waits for the save) even when its quote is back', () => {
    const [r] = followEdit([{ annotation: a, resolution: { status: 'orphaned' } }], diffAsChange(ARTICLE, `x${ARTICLE}`), `x${ARTICLE}`);
    assert.equal(r!.resolution.status, 'orphaned');
  });

  it('keeps an untouched fuzzy match fuzzy, shifted', () => {
    const text = `ab${ARTICLE}`;
    const [r] = followEdit([{ annotation: a, resolution: { status: 'fuzzy', start, end: start + 21, errors: 2 } }], diffAsChange(ARTICLE, text), text);
    assert.deepEqual(at(r!), ['fuzzy', start + 2, start + 23]);
  });

  it('searches again when the edit touched the span', () => {
    const text = ARTICLE.replace('country was', 'country is');
    const [r] = followEdit([{ annotation: a, resolution: { status: 'exact', start, end: start + 21 } }], diffAsChange(ARTICLE, text), text);
    assert.equal(r!.resolution.status, 'fuzzy');
    assert.equal(text.slice(r!.resolution.start, r!.resolution.end), 'the country is ready');
  });
});

describe('lsp annotations: the service', () => {
  const cleanup: string[] = [];
  afterEach(async () => {
    // A background write of the service's knowledge may still land while a folder is removed (ENOTEMPTY): retried.
    for (const d of cleanup.splice(0)) await fsp.rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  });
  const make = async (sidecar?: string) => {
    const f = await fixture(sidecar);
    cleanup.push(f.dir);
    return f;
  };

  it('loads an existing sidecar into the index and follows edits of the open document', async () => {
    const a = annotationOn(ARTICLE, 'the country was ready');
    const f = await make(sidecarOf([a]));
    assert.deepEqual(f.service.provide(f.uri, ARTICLE), [], 'nothing before the sidecar is read');
    await loaded(f);
    const [info] = f.index.document(f.uri)!.annotations;
    assert.deepEqual([info!.id, info!.start, info!.status, info!.note], [a.id, a.anchor.position.start, 'exact', 'checked']);

    f.open = `HEADLINE\n${ARTICLE}`;
    f.index.set(f.uri, f.open, 2);
    const moved = f.index.document(f.uri)!.annotations[0]!;
    assert.equal(f.open.slice(moved.start, moved.end), 'the country was ready');
    assert.equal(moved.start, a.anchor.position.start + 9);
  });

  it('writes a tag to a new sidecar, and writes nothing for an article without annotations', async () => {
    const f = await make();
    await loaded(f);
    await assert.rejects(fsp.access(f.sidecar), 'no sidecar is created by reading');
    const start = ARTICLE.indexOf('Kakar');
    const result = await f.service.edit(f.uri, [tagSelection(ARTICLE, start, start + 5, { type: 'claim', note: 'line one\nline two', author: 'alice' }, f.service.env)], 'a-0000000000');
    assert.equal(result.status, 'written');
    const yaml = await fsp.readFile(f.sidecar, 'utf8');
    assert.match(yaml, /id: a-0000000000\n\s+type: claim\n\s+quote: Kakar\n\s+note: \|-\n\s+line one\n\s+line two\n\s+author: alice/);
    assert.equal(f.index.annotationsAt(f.uri, start + 1)[0]?.note, 'line one\nline two');
    assert.equal(f.notified.at(-1)?.annotations.length, 1);
  });

  it('refreshes the stored anchors on save', async () => {
    const a = annotationOn(ARTICLE, 'the country was ready');
    const f = await make(sidecarOf([a]));
    await loaded(f);
    f.open = `HEADLINE\n${ARTICLE}`;
    f.index.set(f.uri, f.open, 2);
    await f.service.saved(f.uri);
    const yaml = await fsp.readFile(f.sidecar, 'utf8');
    assert.match(yaml, new RegExp(`start: ${a.anchor.position.start + 9}\\n`));
    assert.match(yaml, /updated: 2026-11-23T09:00:00.000Z/, 'bookkeeping keeps the analyst\'s time');
  });

  it('never overwrites an unparsable sidecar: the edit is blocked, pending and reported on the file', async () => {
    const broken = 'dossier: 1\nannotations:\n  - id: a-x\n    quote: [unclosed\n';
    const f = await make(broken);
    await loaded(f);
    assert.ok(f.sidecarProblems.get(f.sidecar)?.some((p) => p.severity === 'error'));
    const start = ARTICLE.indexOf('Kakar');
    const result = await f.service.edit(f.uri, [tagSelection(ARTICLE, start, start + 5, { type: 'person' }, f.service.env)]);
    assert.equal(result.status, 'blocked');
    assert.equal(result.pending, 1);
    assert.match(result.message ?? '', /kept/);
    assert.equal(await fsp.readFile(f.sidecar, 'utf8'), broken);
    assert.ok(f.sidecarProblems.get(f.sidecar)?.some((p) => p.code === 'sidecar.pending'));

    // Fixed outside: the watcher's change writes the pending tag, and the file's problems go.
    await fsp.writeFile(f.sidecar, 'dossier: 1\nannotations: []\n');
    assert.equal(await f.service.sidecarChanged(URI.file(f.sidecar).toString()), true);
    assert.match(await fsp.readFile(f.sidecar, 'utf8'), /quote: Kakar/);
    assert.deepEqual(f.sidecarProblems.get(f.sidecar), []);
    assert.equal(f.index.document(f.uri)!.annotations.length, 1);
  });

  it('reports an orphan on the article (kept in the index), and picks up an external edit of the sidecar', async () => {
    const a = annotationOn(ARTICLE, 'the country was ready');
    const f = await make(sidecarOf([a]));
    const text = ARTICLE.replace('the country was ready', 'XXXXXXXXXXXXXXX');
    await loaded(f, text);
    const problems = f.articleProblems.get(f.uri) ?? [];
    assert.deepEqual(problems.map((p) => [p.code, p.annotationId]), [['annotation.orphaned', a.id]]);
    assert.equal(f.index.document(f.uri)!.annotations[0]?.status, 'orphaned');

    const b = annotationOn(text, 'Kakar said the army', 'a-0000000002');
    await fsp.writeFile(f.sidecar, sidecarOf([b]));
    await f.service.sidecarChanged(URI.file(f.sidecar).toString());
    assert.deepEqual(f.index.document(f.uri)!.annotations.map((x) => [x.id, x.status]), [['a-0000000002', 'exact']]);
    assert.deepEqual(f.articleProblems.get(f.uri), [], 'the orphan diagnostic is cleared');
  });

  it('rebuilds the knowledge on confirmations and rejections, and re-analyses with a new content key', async () => {
    const f = await make();
    f.open = ARTICLE;
    await loaded(f);
    const before = f.analyzeCalls;
    assert.equal(f.index.mentionsIn(f.uri).length, 2);
    const k = ARTICLE.indexOf('Kakar said the army');
    const hash = f.service.knowledge.hash(ARTICLE);

    await f.service.edit(f.uri, [confirmSuggestion(ARTICLE, k, k + 5, { type: 'person' }, f.service.env)]);
    assert.equal(f.service.refreshKnowledge(), true);
    assert.deepEqual(f.service.knowledge.recognizer.knowledge.confirmed.map((c) => c.text), ['Kakar']);
    assert.notEqual(f.service.knowledge.hash(ARTICLE), hash, 'analyses made without the knowledge are not reused');
    assert.equal(f.analyzeCalls, before + 1, 'the open article is re-analysed at once');
    assert.equal(f.service.refreshKnowledge(), false, 'unchanged knowledge re-analyses nothing');

    // A rejection here drops that mention only (the confirmed one stays).
    const first = ARTICLE.indexOf('Kakar');
    await f.service.edit(f.uri, [rejectSuggestion(ARTICLE, first, first + 5, { scope: 'here', type: 'person' }, f.service.env)]);
    f.service.refreshKnowledge();
    assert.deepEqual(f.index.mentionsIn(f.uri).map((m) => [m.start, m.confirmed]), [[k, true]]);

    // A rejection everywhere goes to the recognizer.
    await f.service.edit(f.uri, [rejectSuggestion(ARTICLE, first, first + 5, { scope: 'everywhere' }, f.service.env)]);
    f.service.refreshKnowledge();
    assert.deepEqual(f.service.knowledge.recognizer.knowledge.rejected.map((r) => r.text), ['Kakar']);
    assert.deepEqual(f.index.mentionsIn(f.uri).map((m) => [m.start, m.origin]), [[k, 'analyst']], 'only the analyst\'s own annotation is left');
    f.service.dispose();
  });

  it('keeps the knowledge for the next session, so the next start hashes contents as the cache was written', async () => {
    const f = await make();
    const storage = path.join(f.dir, 'storage');
    const service = new AnnotationService({ recognizer: fakeRecognizer(), env: testEnv(), storageDir: () => storage });
    assert.equal(service.knowledge.hash(ARTICLE), new AnnotationService({ recognizer: fakeRecognizer() }).knowledge.hash(ARTICLE), 'no knowledge: the plain hash');
    service.attach({ index: f.index, openText: () => undefined, openUris: () => [], publishArticleProblems: () => undefined, publishSidecarProblems: () => undefined, notify: () => undefined, isReady: () => true, log: () => undefined });
    const k = ARTICLE.indexOf('Kakar');
    f.index.set(f.uri, ARTICLE, 1);
    await service.load(f.uri);
    await service.edit(f.uri, [confirmSuggestion(ARTICLE, k, k + 5, { type: 'person' }, service.env)]);
    assert.equal(service.refreshKnowledge(), true);
    const salted = service.knowledge.hash(ARTICLE);
    const file = path.join(storage, 'annotation-knowledge.json');
    await waitUntil(async () => (await fsp.readFile(file, 'utf8').catch(() => '')).includes('Kakar'));

    const next = new AnnotationService({ recognizer: fakeRecognizer(), storageDir: () => storage });
    assert.equal(next.knowledge.hash(ARTICLE), salted);
    assert.deepEqual(next.knowledge.recognizer.knowledge.confirmed.map((c) => c.text), ['Kakar']);
    service.dispose();
  });

  it('bad input: a binary sidecar is reported and left alone; a CRLF article anchors and follows; an emptied one orphans', async () => {
    const f = await make();
    await fsp.writeFile(f.sidecar, Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x00, 0xc3]));
    await loaded(f);
    assert.ok((f.sidecarProblems.get(f.sidecar) ?? []).length > 0);
    assert.equal((await f.service.edit(f.uri, [tagSelection(ARTICLE, 0, 6, { type: 'claim' }, f.service.env)])).status, 'blocked');
    assert.deepEqual([...(await fsp.readFile(f.sidecar))], [0xff, 0xfe, 0x00, 0x81, 0x00, 0xc3]);

    const g = await make();
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    g.open = crlf;
    await loaded(g, crlf);
    const at = crlf.indexOf('Kakar said');
    assert.equal((await g.service.edit(g.uri, [tagSelection(crlf, at, at + 10, { type: 'claim' }, g.service.env)])).status, 'written');
    g.open = `\r\n${crlf}`;
    g.index.set(g.uri, g.open, 2);
    const a = g.index.document(g.uri)!.annotations[0]!;
    assert.equal(g.open.slice(a.start, a.end), 'Kakar said');
    const emptied = g.service.provide(g.uri, '');
    assert.deepEqual(emptied.map((x) => [x.id, x.status, x.start, x.end, x.quote]), [[a.id, 'orphaned', 0, 0, 'Kakar said']], 'an emptied article orphans, never drops');
  });

  it('ignores articles that are not files', async () => {
    const f = await make();
    assert.deepEqual(f.service.provide('untitled:Untitled-1', 'text'), []);
    assert.deepEqual(await f.service.documentAnnotations('untitled:Untitled-1'), { uri: 'untitled:Untitled-1', annotations: [], pending: 0 });
    assert.equal((await f.service.edit('untitled:Untitled-1', [])).status, 'notFound');
  });
});
