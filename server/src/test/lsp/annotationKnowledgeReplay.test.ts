import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { parseArticle } from '../../core/article/parseArticle';
import { changeAnnotation, confirmSuggestion, rejectSuggestion, tagSelection } from '../../core/annotations/edits';
import type { AnnotationEnvironment } from '../../core/annotations/model';
import { createArticleAnalyzer } from '../../core/index/articleAnalyzer';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { createRecognizer, type Recognizer } from '../../core/recognize/recognizer';
import { AnnotationService, type AnnotationHost } from '../../lsp/annotations/annotationService';

/**
 * The sequence of the editor's annotation tests (client/src/test/integration/
 * annotations.test.ts, then features.test.ts), replayed on the real service,
 * index, store and recognizer over a copy of the integration workspace, with
 * the knowledge rebuilt by hand so that analyses can be made before the
 * rebuild and while its background re-analysis is in flight. What the editor
 * tests wait for (a token on Quetta, a hover on Kakar) is asserted here
 * without waiting, so a recognizer or knowledge regression fails in mocha
 * with a clear message instead of as a 20 s timeout in the editor.
 */

const WORKSPACE = path.resolve(__dirname, '../../../../test-fixtures/workspace');
const ARTICLE = 'politics/election-preview.article';
const HOSTILE = 'hostile/hostile-markup.article';
const CLAIM = 'the country was ready to hold the general election on February 8';

/** Deterministic ids and times. */
function testEnv(): AnnotationEnvironment {
  let n = 0;
  return { ids: (prefix) => `${prefix}-${String(n++).padStart(10, '0')}`, clock: () => new Date('2026-11-23T09:00:00.000Z') };
}

let recognizer: Recognizer | undefined;

interface Workspace {
  readonly dir: string;
  readonly storage: string;
  readonly service: AnnotationService;
  readonly index: WorkspaceIndex;
  /** Texts of the documents open in the "editor". */
  readonly open: Map<string, string>;
  uri(relative: string): string;
  /** An edit in the editor: the documents manager's didChange. */
  type(relative: string, text: string): void;
  /** Removes an article's sidecar, as the integration test's `after` does, and lets the service see it. */
  removeSidecar(relative: string): Promise<void>;
}

async function workspace(storage?: string): Promise<Workspace> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dossier-replay-'));
  await fsp.cp(WORKSPACE, path.join(dir, 'ws'), { recursive: true });
  const store = storage ?? path.join(dir, 'storage');
  recognizer ??= createRecognizer();
  // The knowledge is rebuilt only when a test says so (no timer races the assertions).
  const service = new AnnotationService({ recognizer, env: testEnv(), publishDelayMs: 0, knowledgeDelayMs: 1e9, storageDir: () => store });
  const index = new WorkspaceIndex({
    analyze: service.knowledge.wrap(createArticleAnalyzer({
      parse: parseArticle,
      recognize: (text, options) => service.knowledge.recognizer.recognize(text, options),
      fileDate: () => undefined,
    })),
    annotations: service.provide,
    hash: service.knowledge.hash,
  });
  const open = new Map<string, string>();
  const host: AnnotationHost = {
    index,
    openText: (uri) => open.get(uri),
    openUris: () => [...open.keys()],
    publishArticleProblems: () => undefined,
    publishSidecarProblems: () => undefined,
    notify: () => undefined,
    isReady: () => true,
    log: () => undefined,
  };
  service.attach(host);
  const uri = (relative: string) => URI.file(path.join(dir, 'ws', relative)).toString();
  let version = 1;
  const w: Workspace = {
    dir, storage: store, service, index, open, uri,
    type: (relative, text) => {
      open.set(uri(relative), text);
      index.set(uri(relative), text, version++);
    },
    removeSidecar: async (relative) => {
      const file = path.join(dir, 'ws', `${relative}.annotations.yaml`);
      await fsp.rm(file, { force: true });
      assert.equal(await service.sidecarChanged(URI.file(file).toString()), true);
    },
  };
  // The first scan: every article file (the workspace indexer reads the same ones).
  for (const folder of await fsp.readdir(path.join(dir, 'ws'))) {
    for (const name of await fsp.readdir(path.join(dir, 'ws', folder))) {
      if (!/\.(txt|article)$/.test(name) || name === 'reading-notes.txt') continue;
      const rel = `${folder}/${name}`;
      index.set(uri(rel), await fsp.readFile(path.join(dir, 'ws', rel), 'utf8'), 0);
      await service.load(uri(rel));
    }
  }
  return w;
}

/** The entity type the index gives the mention starting exactly at the n-th `needle` of an indexed article (the token the editor shows). */
function typeAt(w: Workspace, relative: string, needle: string, nth = 0): string | undefined {
  const text = w.index.textOf(w.uri(relative)) ?? '';
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" is in ${relative}`);
  return w.index.mentionsIn(w.uri(relative)).find((m) => m.start === at)?.type;
}

/** What the hover over `needle` in an article finds: the entity's name, or undefined for an empty hover. */
function hoverName(w: Workspace, relative: string, needle: string): string | undefined {
  const text = w.index.textOf(w.uri(relative)) ?? '';
  return w.index.entityAt(w.uri(relative), text.indexOf(needle) + 1)?.entity.name;
}

/** Lets the background re-analysis (one chunk per event-loop turn) run to its end. */
async function settle(w: Workspace): Promise<void> {
  for (let turn = 0; turn < 100; turn++) {
    const stale = w.index.uris().some((uri) => {
      const text = w.index.textOf(uri);
      return text !== undefined && w.index.document(uri)?.hash !== w.service.knowledge.hash(text);
    });
    if (!stale) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail('the background re-analysis never caught up with the knowledge');
}

function assertRecognized(w: Workspace, when: string): void {
  assert.equal(typeAt(w, ARTICLE, 'Quetta'), 'location', `${when}: a location token on Quetta in ${ARTICLE}`);
  assert.match(hoverName(w, HOSTILE, 'Kakar') ?? '', /Kakar/, `${when}: a hover on Kakar in ${HOSTILE}`);
}

describe('lsp annotations: the editor tests replayed on the real recognizer', function () {
  // Loading the shipped recognizer data takes a moment the first time.
  this.timeout(60_000);
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });
  const make = async (storage?: string) => {
    const w = await workspace(storage);
    cleanup.push(async () => {
      w.service.dispose();
      // The service keeps its knowledge with a background write, which may still land in the
      // folder while it is removed (ENOTEMPTY): retried.
      await fsp.rm(w.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    });
    return w;
  };

  it('tag, edit, note, link, confirm, reject here and remove keep Quetta and the hostile Kakar recognized, during re-analysis too', async () => {
    const w = await make();
    const uri = w.uri(ARTICLE);
    const original = w.index.textOf(uri)!;
    w.type(ARTICLE, original);
    assertRecognized(w, 'after the first scan');

    // Tag Selection (a claim), an edit above it, the save that refreshes its anchor.
    const start = original.indexOf(CLAIM);
    const tagged = await w.service.edit(uri, [tagSelection(original, start, start + CLAIM.length, { type: 'claim', note: 'Check.\nSecond line.' }, w.service.env)]);
    assert.equal(tagged.status, 'written');
    w.type(ARTICLE, `EDITOR NOTE: inserted above.\n${original}`);
    await w.service.saved(uri);
    // Edit Note, then Link to Entity: a claim is not an entity type, so the knowledge must not change.
    const [claim] = (await w.service.documentAnnotations(uri)).annotations;
    assert.ok(claim);
    const id = claim.id;
    assert.equal((await w.service.edit(uri, [changeAnnotation((await w.service.find(uri, id))!.annotation, { note: 'Rewritten note' }, w.service.env)], id)).status, 'written');
    assert.equal((await w.service.edit(uri, [changeAnnotation((await w.service.find(uri, id))!.annotation, { entity: 'Election Commission of Pakistan' }, w.service.env)], id)).status, 'written');
    assert.equal(w.service.refreshKnowledge(), false, 'a claim linked to an entity teaches the recognizer nothing');
    assertRecognized(w, 'after Link to Entity');

    // Confirm Quetta, Reject here the first "Kakar said the army".
    let text = w.open.get(uri)!;
    const quetta = text.indexOf('Quetta');
    assert.equal((await w.service.edit(uri, [confirmSuggestion(text, quetta, quetta + 6, { type: 'location' }, w.service.env)])).status, 'written');
    const kakar = text.indexOf('Kakar said the army');
    assert.equal((await w.service.edit(uri, [rejectSuggestion(text, kakar, kakar + 5, { scope: 'here', type: 'person' }, w.service.env)])).status, 'written');
    assert.equal(w.service.refreshKnowledge(), true);
    // The open article is re-analysed at once; the hostile file waits for a background chunk but still answers.
    w.index.set(uri, text, 99); // the semantic tokens handler brings the index to the editor's version
    assertRecognized(w, 'while the re-analysis is in flight');
    await settle(w);
    assertRecognized(w, 'after the re-analysis');
    assert.equal(w.index.mentionsIn(uri).find((m) => m.start === quetta)?.confirmed, true, 'Quetta is confirmed');
    assert.equal(typeAt(w, ARTICLE, 'Kakar said the army'), undefined, 'rejected here');
    assert.equal(typeAt(w, ARTICLE, 'Kakar also said'), 'person', 'only here');

    // The integration test's `after`: sidecars removed, the article's text restored.
    await w.removeSidecar(ARTICLE);
    w.type(ARTICLE, original);
    assert.equal(w.service.refreshKnowledge(), true);
    assertRecognized(w, 'while the knowledge goes back to none');
    await settle(w);
    assertRecognized(w, 'with no knowledge again');
    text = w.open.get(uri)!;
    assert.equal(typeAt(w, ARTICLE, 'Kakar said the army'), 'person', 'the rejection is gone with its sidecar');
  });

  it('an analysis made between a Reject here and the knowledge rebuild is never served after the rejection is undone', async () => {
    const w = await make();
    const uri = w.uri(ARTICLE);
    const text = w.index.textOf(uri)!;
    w.type(ARTICLE, text);
    const kakar = text.indexOf('Kakar said the army');
    await w.service.edit(uri, [rejectSuggestion(text, kakar, kakar + 5, { scope: 'here', type: 'person' }, w.service.env)]);
    // The analyst types before the (debounced) rebuild: this text is analysed under the old knowledge's key.
    const edited = `${text}\nUpdate: more to follow.\n`;
    w.type(ARTICLE, edited);
    assert.equal(w.service.refreshKnowledge(), true);
    assert.equal(typeAt(w, ARTICLE, 'Kakar said the army'), undefined, 'rejected here once the knowledge is rebuilt');

    // Undone: the sidecar loses the rejection, the knowledge is back to none, the same text is analysed again.
    await w.removeSidecar(ARTICLE);
    assert.equal(w.service.refreshKnowledge(), true);
    assert.equal(typeAt(w, ARTICLE, 'Kakar said the army'), 'person', 'the undone rejection no longer applies');
  });

  it('the next session applies the saved here-rejections from its first analysis, under the saved key', async () => {
    const w = await make();
    const uri = w.uri(ARTICLE);
    const text = w.index.textOf(uri)!;
    const kakar = text.indexOf('Kakar said the army');
    await w.service.edit(uri, [rejectSuggestion(text, kakar, kakar + 5, { scope: 'here', type: 'person' }, w.service.env)]);
    assert.equal(w.service.refreshKnowledge(), true);
    const salted = w.service.knowledge.hash(text);
    const file = path.join(w.storage, 'annotation-knowledge.json');
    for (let i = 0; i < 200 && !(await fsp.readFile(file, 'utf8').catch(() => '')).includes('Kakar'); i++) await new Promise((r) => setTimeout(r, 5));

    // A new server over the same storage: the first scan analyses before any sidecar is read.
    const next = new AnnotationService({ recognizer: recognizer!, storageDir: () => w.storage });
    assert.equal(next.knowledge.hash(text), salted, 'the cache written under the saved knowledge is valid');
    const analyze = next.knowledge.wrap(createArticleAnalyzer({ parse: parseArticle, recognize: (t, o) => next.knowledge.recognizer.recognize(t, o), fileDate: () => undefined }));
    const entities = analyze(uri, text, 0).entities;
    assert.equal(entities.some((m) => m.start === kakar), false, 'the saved rejection applies before the sidecar is read');
    assert.equal(entities.some((m) => m.start === text.indexOf('Kakar also said')), true, 'only there');
    next.dispose();
  });

  it('a saved file without the rejections themselves (older, or damaged) is not trusted', async () => {
    const w = await make();
    await fsp.mkdir(w.storage, { recursive: true });
    const file = path.join(w.storage, 'annotation-knowledge.json');
    await fsp.writeFile(file, JSON.stringify({ knowledge: { confirmed: [{ text: 'Quetta', type: 'location' }], rejected: [] }, here: 'r-0000000001' }));
    const next = new AnnotationService({ recognizer: recognizer!, storageDir: () => w.storage });
    assert.equal(next.knowledge.hash('text'), new AnnotationService({ recognizer: recognizer! }).knowledge.hash('text'), 'started without knowledge');
    await fsp.writeFile(file, JSON.stringify({ knowledge: { confirmed: [], rejected: [] }, here: 'x', places: { 'file:///a': [{ id: 'r-1', scope: 'here' }] } }));
    const damaged = new AnnotationService({ recognizer: recognizer!, storageDir: () => w.storage });
    assert.equal(damaged.knowledge.saved, undefined);
    next.dispose();
    damaged.dispose();
  });
});
