import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { AnnotationInfo } from '../../core/index/documentAnalysis';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { ChangeCoalescer, entityGroups, entityStories, excerpt, removeAnnotation, rewriteEntityLinks, timelineDays, timelineMonths } from '../../lsp/features/treeViews';
import { SidecarStore } from '../../node/sidecarStore';
import type { IndexChangedParams } from '../../protocol';
import { handMadeAnalyzer } from '../index/handMade';

const TEXT_A = [
  '# Pakistan strikes back @2024-01-18',
  'Caretaker Prime Minister Anwaar-ul-Haq Kakar called the meeting on Friday. Iran said Tehran wants calm. Kakar left Davos.',
  '# Ties restored @2024-01-19',
  'Anwaar ul-Haq-Kakar chaired the meeting. Pakistan and Iran agreed on Friday.',
  '',
].join('\n');

const TEXT_B = ['# Ministers meet @2024-01-20', 'Anwaar-ul-Haq Kakar spoke to Jalil Abbas Jilani about Iran.', ''].join('\n');

function note(id: string, entity: string, text: string, updated: string): AnnotationInfo {
  return { id, start: 0, end: 1, type: 'person', entity, note: text, updated, status: 'exact' };
}

function setup(dir = '/ws'): { index: WorkspaceIndex; a: string; b: string } {
  const index = new WorkspaceIndex({ analyze: handMadeAnalyzer().analyze, analyzerVersion: 't' });
  const a = URI.file(path.join(dir, 'a.article')).toString();
  const b = URI.file(path.join(dir, 'b.article')).toString();
  index.set(a, TEXT_A, 1);
  index.set(b, TEXT_B, 1);
  return { index, a, b };
}

describe('tree view handlers', () => {
  it('groups entities by type, with counts, aliases and the newest notes', () => {
    const { index, a, b } = setup();
    index.setAnnotations(a, [note('a-1', 'Kakar', 'older note', '2024-01-01T00:00:00Z')]);
    index.setAnnotations(b, [note('a-2', 'Anwaar-ul-Haq Kakar', 'newer note', '2024-02-01T00:00:00Z')]);
    const groups = entityGroups(index, { sort: 'count' });
    assert.deepEqual(groups.map((g) => g.type), ['person', 'location']);
    const kakar = groups[0]!.entities[0]!;
    assert.equal(kakar.key, 'anwaar ul haq kakar');
    assert.equal(kakar.storyCount, 3);
    assert.ok(kakar.aliases.includes('Kakar'), kakar.aliases.join());
    assert.deepEqual(kakar.notes.map((n) => n.text), ['newer note', 'older note']);
    const places = groups[1]!.entities.map((e) => [e.name, e.storyCount]);
    assert.deepEqual(places.slice(0, 2), [['Iran', 3], ['Pakistan', 2]]);
  });

  it('filters by text and type and limits each group, keeping the total', () => {
    const { index } = setup();
    assert.deepEqual(entityGroups(index, { sort: 'name', filter: 'kak' }).map((g) => [g.type, g.entities.map((e) => e.name)]), [['person', ['Anwaar-ul-Haq Kakar']]]);
    assert.deepEqual(entityGroups(index, { sort: 'count', types: ['location'] }).map((g) => g.type), ['location']);
    const [loc] = entityGroups(index, { sort: 'count', types: ['location'], limitPerType: 1 });
    assert.equal(loc!.entities.length, 1);
    assert.ok(loc!.total > 1);
  });

  it('lists an entity’s stories newest first, each mention with its sentence', () => {
    const { index, a, b } = setup();
    const { stories, total } = entityStories(index, 'iran');
    assert.equal(total, 3);
    assert.deepEqual(stories.map((s) => [s.uri, s.date, s.headline]), [
      [b, '2024-01-20', 'Ministers meet'],
      [a, '2024-01-19', 'Ties restored'],
      [a, '2024-01-18', 'Pakistan strikes back'],
    ]);
    const m = stories[1]!.mentions[0]!;
    assert.equal(TEXT_A.slice(m.start, m.end), 'Iran');
    assert.equal(m.excerpt, 'Pakistan and Iran agreed on Friday.');
    assert.deepEqual(entityStories(index, 'nobody at all'), { total: 0, stories: [] });
    const newest = entityStories(index, 'iran', 1);
    assert.deepEqual([newest.total, newest.stories.map((s) => s.headline)], [3, ['Ministers meet']]);
  });

  it('gives the timeline by day with stories and shared entities', () => {
    const { index, a } = setup();
    const days = timelineDays(index);
    assert.deepEqual(days.map((d) => d.day), ['2024-01-20', '2024-01-19', '2024-01-18']);
    const friday = days[1]!;
    assert.deepEqual(friday.stories.map((s) => [s.uri, s.index, s.published, s.dateMentions]), [
      [a, 0, false, 1],
      [a, 1, true, 1],
    ]);
    assert.ok(friday.sharedEntities.some((e) => e.key === 'iran' && e.stories === 2));
    assert.deepEqual(timelineMonths(index), [{ month: '2024-01', days: 3, stories: 3 }]);
    assert.equal(timelineDays(index, '2024-01').length, 3);
    assert.deepEqual(timelineDays(index, '2023-12'), []);
  });

  it('cuts a long sentence around the mention', () => {
    const text = `${'x'.repeat(300)} Kakar ${'y'.repeat(300)}`;
    const out = excerpt(text, { start: 0, end: text.length }, { start: 301, end: 306 });
    assert.ok(out.startsWith('…') && out.endsWith('…'));
    assert.ok(out.includes('Kakar'));
    assert.ok(out.length <= 202);
  });

  describe('rename and merge of entity links', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-tree-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const sidecar = (entries: Array<[string, string]>) =>
      [
        '# analyst notes: keep this comment',
        'dossier: 1',
        'annotations:',
        ...entries.flatMap(([id, entity]) => [
          `  - id: ${id}`,
          '    type: person',
          `    quote: ${entity}`,
          `    entity: ${entity}`,
          '    created: 2024-01-20T10:00:00.000Z',
          '    updated: 2024-01-20T10:00:00.000Z',
          '    anchor:',
          '      prefix: ""',
          '      suffix: ""',
          '      start: 0',
          '      end: 5',
        ]),
        '',
      ].join('\n');

    function files() {
      const { index, a, b } = setup(dir);
      fs.writeFileSync(path.join(dir, 'a.article'), TEXT_A);
      fs.writeFileSync(path.join(dir, 'b.article'), TEXT_B);
      const sa = path.join(dir, 'a.article.annotations.yaml');
      const sb = path.join(dir, 'b.article.annotations.yaml');
      fs.writeFileSync(sa, sidecar([['a-1', 'Kakar'], ['a-2', 'Iran'], ['a-3', 'Anwaar-ul-Haq Kakar']]));
      // Broken YAML that still names Kakar: must be reported and left byte for byte.
      const broken = 'dossier: 1\nannotations:\n  - id: a-9\n    entity: Kakar\n    quote: [unclosed\n';
      fs.writeFileSync(sb, broken);
      return { index, a, b, sa, sb, broken };
    }

    it('a dry run counts and writes nothing; unparsable sidecars are reported', async () => {
      const { index, a, b, sa, sb, broken } = files();
      const before = fs.readFileSync(sa, 'utf8');
      const rename = (e: string) => (index.resolve(e) === 'anwaar ul haq kakar' && e !== 'A. Kakar' ? 'A. Kakar' : undefined);
      const dry = await rewriteEntityLinks(index, new SidecarStore(), rename, true);
      assert.deepEqual({ files: dry.files, annotations: dry.annotations, changed: dry.changed, applied: dry.applied }, { files: 1, annotations: 2, changed: [a], applied: false });
      assert.deepEqual(dry.skipped.map((s) => s.uri), [b]);
      assert.match(dry.skipped[0]!.reason, /cannot be read safely/);
      assert.equal(fs.readFileSync(sa, 'utf8'), before);
      assert.equal(fs.readFileSync(sb, 'utf8'), broken);
    });

    it('rename rewrites every link to the entity, keeps comments, never touches the broken file', async () => {
      const { index, a, sa, sb, broken } = files();
      const rename = (e: string) => (index.resolve(e) === 'anwaar ul haq kakar' && e !== 'A. Kakar' ? 'A. Kakar' : undefined);
      const result = await rewriteEntityLinks(index, new SidecarStore(), rename, false);
      assert.equal(result.applied, true);
      assert.deepEqual([result.files, result.annotations, result.changed], [1, 2, [a]]);
      const text = fs.readFileSync(sa, 'utf8');
      assert.match(text, /# analyst notes: keep this comment/);
      assert.equal((text.match(/entity: A\. Kakar/g) ?? []).length, 2);
      assert.match(text, /entity: Iran/);
      assert.equal(fs.readFileSync(sb, 'utf8'), broken);
    });

    it('merge links the sources to the target’s name', async () => {
      const { index, sa } = files();
      const sources = new Set(['iran']);
      const result = await rewriteEntityLinks(index, new SidecarStore(), (e) => (sources.has(index.resolve(e)) ? 'Pakistan' : undefined), false);
      assert.equal(result.annotations, 1);
      const text = fs.readFileSync(sa, 'utf8');
      assert.doesNotMatch(text, /entity: Iran/);
      assert.match(text, /entity: Pakistan/);
    });
  });

  it('coalesces index changes into one notification', () => {
    const sent: IndexChangedParams[] = [];
    const c = new ChangeCoalescer((x) => sent.push(x), 60_000);
    c.push({ uris: ['a'], entitiesChanged: true, annotationsChanged: false });
    c.push({ uris: ['b', 'a'], entitiesChanged: false, annotationsChanged: true });
    assert.equal(sent.length, 0);
    c.flush();
    assert.deepEqual(sent, [{ uris: ['a', 'b'], entitiesChanged: true, annotationsChanged: true }]);
    c.push({ uris: ['c'], entitiesChanged: false, annotationsChanged: false });
    c.dispose();
    c.flush();
    assert.equal(sent.length, 1);
  });
});

describe('removing an annotation from the tree', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-tree-rm-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const block = (id: string) =>
    [`  - id: ${id}`, '    type: claim', '    quote: Iran', '    created: 2024-01-20T10:00:00.000Z', '    updated: 2024-01-20T10:00:00.000Z', '    anchor:', '      prefix: ""', '      suffix: ""', '      start: 0', '      end: 4'];

  it('removes the annotation and keeps the others and the comments', async () => {
    const article = path.join(dir, 'a.article');
    const sidecar = `${article}.annotations.yaml`;
    fs.writeFileSync(sidecar, ['# keep me', 'dossier: 1', 'annotations:', ...block('a-1'), ...block('a-2'), ''].join('\n'));
    const result = await removeAnnotation(new SidecarStore(), URI.file(article).toString(), 'a-1');
    assert.deepEqual(result, { removed: true });
    const text = fs.readFileSync(sidecar, 'utf8');
    assert.match(text, /# keep me/);
    assert.doesNotMatch(text, /a-1/);
    assert.match(text, /id: a-2/);
  });

  it('leaves an unparsable sidecar alone and says why', async () => {
    const article = path.join(dir, 'b.article');
    const sidecar = `${article}.annotations.yaml`;
    const broken = 'dossier: 1\nannotations:\n  - id: a-1\n    quote: [unclosed\n';
    fs.writeFileSync(sidecar, broken);
    const store = new SidecarStore();
    const result = await removeAnnotation(store, URI.file(article).toString(), 'a-1');
    assert.equal(result.removed, false);
    assert.match(result.reason!, /cannot be read safely/);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), broken);
    assert.deepEqual(store.pending(sidecar), [], 'nothing left pending behind the analyst’s back');
  });

  it('reports an id that is gone', async () => {
    const article = path.join(dir, 'c.article');
    fs.writeFileSync(`${article}.annotations.yaml`, ['dossier: 1', 'annotations:', ...block('a-1'), ''].join('\n'));
    const result = await removeAnnotation(new SidecarStore(), URI.file(article).toString(), 'a-zzz');
    assert.deepEqual(result, { removed: false, reason: 'the annotation is no longer in its sidecar' });
  });
});
