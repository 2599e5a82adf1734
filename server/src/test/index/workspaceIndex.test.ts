import * as assert from 'node:assert/strict';
import type { IndexChange } from '../../core/index/indexTypes';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { analyseText, handMadeAnalyzer, type Lexicon } from './handMade';

const A = 'file:///ws/one/a.article';
const B = 'file:///ws/two/b.article';

const TEXT_A = [
  '# Pakistan strikes back @2024-01-18',
  'Caretaker Prime Minister Anwaar-ul-Haq Kakar called the meeting on Friday. Iran said Tehran wants calm. Kakar left Davos.',
  '# Ties restored @2024-01-19',
  'Anwaar ul-Haq-Kakar chaired the meeting. Pakistan and Iran agreed on Friday.',
  '',
].join('\n');

const TEXT_B = [
  '# Ministers meet @2024-01-20',
  'Anwaar-ul-Haq Kakar spoke to Jalil Abbas Jilani about Iran.',
  '# Khan party @2026-01-07',
  'Imran Khan and Amir Khan met. Khan said nothing.',
  '',
].join('\n');

function setup(): { index: WorkspaceIndex; calls: string[]; events: IndexChange[] } {
  const { analyze, calls } = handMadeAnalyzer();
  const index = new WorkspaceIndex({ analyze, analyzerVersion: 'test-1' });
  const events: IndexChange[] = [];
  index.onDidChange((e) => events.push(e));
  return { index, calls, events };
}

describe('WorkspaceIndex', () => {
  describe('updates', () => {
    it('analyses a document once per content and reports changes', () => {
      const { index, calls, events } = setup();
      assert.equal(index.set(A, TEXT_A, 1), true);
      assert.deepEqual(calls, [A]);
      assert.deepEqual(events, [{ uris: [A], entitiesChanged: true, annotationsChanged: false }]);

      // Same text, new version (e.g. save): no analysis, no event.
      assert.equal(index.set(A, TEXT_A, 2), false);
      assert.equal(calls.length, 1);
      assert.equal(events.length, 1);
      assert.equal(index.document(A)?.version, 2);

      // An edit that changes no entity: analysed, event without entity change.
      index.set(A, TEXT_A.replace('left Davos', 'left Geneva'), 3);
      assert.equal(calls.length, 2);
      assert.deepEqual(events[1], { uris: [A], entitiesChanged: false, annotationsChanged: false });

      // Undo back to the earlier content: served from the recent cache, not re-analysed.
      index.set(A, TEXT_A, 4);
      assert.equal(calls.length, 2);
      assert.equal(events.length, 3);
    });

    it('re-analyses only the changed document', () => {
      const { index, calls } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      index.set(B, TEXT_B.replace('about Iran', 'about Iran and Pakistan'), 2);
      assert.deepEqual(calls, [A, B, B]);
      assert.equal(index.entity('Pakistan')?.storyCount, 3);
    });

    it('shares the analysis of a copied file', () => {
      const { index, calls } = setup();
      index.set(A, TEXT_A, 1);
      index.set('file:///ws/copy.article', TEXT_A, 1);
      assert.equal(calls.length, 1);
      assert.equal(index.entity('Kakar')?.storyCount, 4);
    });

    it('delete removes the contribution and fires an event', () => {
      const { index, calls, events } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      const before = index.stats();
      assert.equal(index.delete(B), true);
      assert.equal(index.delete(B), false);
      assert.deepEqual(events.at(-1), { uris: [B], entitiesChanged: true, annotationsChanged: false });
      assert.equal(index.entity('Kakar')?.storyCount, 2);
      assert.equal(index.entity('Imran Khan'), undefined);
      assert.ok(index.stats().entities < before.entities);
      assert.equal(index.stats().documents, 1);
      assert.equal(calls.length, 2);
    });

    it('rename moves the mentions without re-analysing', () => {
      const { index, calls, events } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      const C = 'file:///ws/three/c.article';
      assert.equal(index.rename(B, C), true);
      assert.equal(calls.length, 2);
      assert.deepEqual(events.at(-1)?.uris, [B, C]);
      assert.deepEqual(index.uris().sort(), [A, C]);
      assert.ok(index.mentionsOf('Kakar').some((m) => m.uri === C));
      assert.ok(!index.mentionsOf('Kakar').some((m) => m.uri === B));
      assert.equal(index.rename('file:///nowhere', C), false);
    });

    it('after any sequence of updates equals an index built from the final state', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      index.set(A, TEXT_A.replace('Iran said', 'Tehran said'), 2);
      index.rename(B, 'file:///ws/b2.article');
      index.set('file:///ws/x.article', TEXT_B.replace('Kakar spoke', 'Amir Khan spoke'), 1);
      index.delete('file:///ws/x.article');
      index.set(B, TEXT_B, 1);
      index.delete(B);

      const fresh = setup().index;
      fresh.set(A, TEXT_A.replace('Iran said', 'Tehran said'), 2);
      fresh.set('file:///ws/b2.article', TEXT_B, 1);
      assert.deepEqual(index.entities(), fresh.entities());
      assert.deepEqual(index.stats().mentions, fresh.stats().mentions);
      assert.deepEqual(index.timeline(), fresh.timeline());
      assert.deepEqual(index.coMentioned('Iran'), fresh.coMentioned('Iran'));
    });

    it('batch fires one merged event', () => {
      const { index, events } = setup();
      index.batch(() => {
        index.set(A, TEXT_A, 1);
        index.set(B, TEXT_B, 1);
      });
      assert.deepEqual(events, [{ uris: [A, B], entitiesChanged: true, annotationsChanged: false }]);
    });

    it('a throwing listener does not stop the others', () => {
      const { index, events } = setup();
      index.onDidChange(() => {
        throw new Error('view failed');
      });
      const later: IndexChange[] = [];
      index.onDidChange((e) => later.push(e));
      index.set(A, TEXT_A, 1);
      assert.equal(events.length, 1);
      assert.equal(later.length, 1);
    });

    it('a disposed listener hears nothing more', () => {
      const { index } = setup();
      const seen: IndexChange[] = [];
      const sub = index.onDidChange((e) => seen.push(e));
      index.set(A, TEXT_A, 1);
      sub.dispose();
      index.set(B, TEXT_B, 1);
      assert.equal(seen.length, 1);
    });
  });

  describe('entities', () => {
    it('merges name variants and surnames across stories and files', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      const kakar = index.entity('Kakar');
      assert.ok(kakar);
      assert.equal(kakar.key, 'anwaar ul haq kakar');
      assert.equal(kakar.name, 'Anwaar-ul-Haq Kakar');
      assert.equal(kakar.type, 'person');
      assert.deepEqual([...kakar.aliases].sort(), ['Anwaar ul-Haq-Kakar', 'Kakar']);
      assert.equal(kakar.storyCount, 3);
      assert.equal(kakar.mentionCount, 4);
      assert.equal(kakar.latestDate, '2024-01-20');
      assert.equal(index.entity('anwaar ul-haq kakar')?.key, kakar.key);
      assert.equal(index.entity('ANWAAR UL HAQ KAKAR')?.key, kakar.key);
    });

    it('keeps an ambiguous surname apart', () => {
      const { index } = setup();
      index.set(B, TEXT_B, 1);
      assert.equal(index.entity('Khan')?.key, 'khan');
      assert.equal(index.entity('Imran Khan')?.key, 'imran khan');
    });

    it('merges an acronym seen as an alias in another file', () => {
      const lex: Lexicon = {
        entities: {
          'Tehreek-e-Taliban Pakistan': { type: 'organization', canonical: 'Tehreek-e-Taliban Pakistan' },
          TTP: { type: 'organization' },
        },
      };
      // In the first file the recognizer grouped "TTP" under the full name; in the second it stands alone.
      const first = analyseText('# One @2024-01-01\nThe Tehreek-e-Taliban Pakistan (TTP) struck.\n', lex);
      const grouped = { ...first, entities: first.entities.map((m) => ({ ...m, canonical: 'Tehreek-e-Taliban Pakistan' })) };
      const second = analyseText('# Two @2024-02-01\nThe TTP denied it.\n', lex);
      const index = new WorkspaceIndex({ analyze: (uri) => (uri === A ? grouped : second) });
      index.set(A, '# One @2024-01-01\nThe Tehreek-e-Taliban Pakistan (TTP) struck.\n', 1);
      index.set(B, '# Two @2024-02-01\nThe TTP denied it.\n', 1);
      const ttp = index.entity('TTP');
      assert.equal(ttp?.key, 'tehreek e taliban pakistan');
      assert.equal(ttp?.storyCount, 2);
      assert.deepEqual(index.mentionsOf('TTP').map((m) => m.uri), [A, A, B]);
      index.delete(A);
      assert.equal(index.entity('TTP')?.key, 'ttp');
    });

    it('does not let a stray alias swallow a more frequent or differently typed entity', () => {
      const lex: Lexicon = { entities: { 'Tehreek-e-Taliban Pakistan': { type: 'organization' }, Pakistan: { type: 'location' } } };
      const text = '# One @2024-01-01\nThe Tehreek-e-Taliban Pakistan struck in Pakistan.\n';
      const first = analyseText(text, lex);
      // The recognizer wrongly grouped the lone "Pakistan" under the organization.
      const slipped = { ...first, entities: first.entities.map((m) => ({ ...m, canonical: 'Tehreek-e-Taliban Pakistan' })) };
      const index = new WorkspaceIndex({ analyze: (uri, t) => (uri === A ? slipped : analyseText(t, lex)) });
      index.set(A, text, 1);
      index.set(B, '# Two @2024-02-01\nPakistan and Pakistan again.\n', 1);
      assert.equal(index.entity('Pakistan')?.key, 'pakistan');
      assert.equal(index.entity('Pakistan')?.mentionCount, 2);
    });

    it('lists stories newest first and co-mentioned entities', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      const stories = index.storiesMentioning('Kakar');
      assert.deepEqual(stories.map((s) => s.story.date?.value), ['2024-01-20', '2024-01-19', '2024-01-18']);
      assert.deepEqual(stories.map((s) => s.story.headline), ['Ministers meet', 'Ties restored', 'Pakistan strikes back']);
      assert.equal(stories[2]?.mentions.length, 2);
      const co = index.coMentioned('Kakar', 2);
      assert.deepEqual(co.map((c) => [c.name, c.count]), [['Iran', 3], ['Pakistan', 2]]);
    });

    it('lists, sorts and filters entities for the tree', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      assert.deepEqual(index.entities({ type: 'person', sort: 'name' }).map((e) => e.name), ['Amir Khan', 'Anwaar-ul-Haq Kakar', 'Imran Khan', 'Jalil Abbas Jilani', 'Khan']);
      assert.deepEqual(index.entities({ sort: 'count' }).slice(0, 3).map((e) => e.name), ['Anwaar-ul-Haq Kakar', 'Iran', 'Pakistan']);
      assert.equal(index.entities({ sort: 'latest' })[0]?.latestDate, '2026-01-07');
      assert.deepEqual(index.entities({ filter: 'haq' }).map((e) => e.name), ['Anwaar-ul-Haq Kakar']);
    });

    it('searches entities and stories fuzzily', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      assert.equal(index.searchEntities('kak')[0]?.item.name, 'Anwaar-ul-Haq Kakar');
      assert.equal(index.searchEntities('jilani')[0]?.item.name, 'Jalil Abbas Jilani');
      assert.equal(index.searchEntities('zzz').length, 0);
      assert.equal(index.searchStories('ties')[0]?.item.story.headline, 'Ties restored');
      assert.deepEqual(index.searchStories(''), []);
    });
  });

  describe('positions and dates', () => {
    it('finds the entity and the date at an offset', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      const at = TEXT_A.indexOf('Kakar left');
      assert.equal(index.entityAt(A, at + 2)?.entity.key, 'anwaar ul haq kakar');
      assert.equal(index.entityAt(A, at - 1), undefined);
      const fri = TEXT_A.indexOf('on Friday');
      assert.equal(index.dateAt(A, fri + 3)?.mention.value, '2024-01-19');
      assert.equal(index.entityAt('file:///missing', 0), undefined);
    });

    it('indexes days: stories published and mentioning a day', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      const day = index.storiesOnDay('2024-01-19');
      assert.deepEqual(day.map((d) => [d.story.headline, d.published, d.mentions.length]), [
        ['Pakistan strikes back', false, 1],
        ['Ties restored', true, 1],
      ]);
      const t = index.timeline();
      assert.deepEqual(t.map((d) => d.day), ['2026-01-07', '2024-01-20', '2024-01-19', '2024-01-18']);
      assert.deepEqual(t[2]?.sharedEntities.map((e) => e.name), ['Anwaar-ul-Haq Kakar', 'Iran', 'Pakistan']);
    });
  });

  describe('undated stories', () => {
    it('leaves a story dated only by its file off the timeline, and lists it after dated stories', () => {
      const { index } = setup();
      const C = 'file:///ws/three/c.article';
      index.set(A, TEXT_A, 1);
      index.set(C, '# Undated report @file:2026-11-23\nAnwaar-ul-Haq Kakar met Iran.\n', 1);
      assert.ok(!index.timeline().some((d) => d.day === '2026-11-23'), 'no timeline day from a file time');
      assert.deepEqual(index.storiesOnDay('2026-11-23'), []);
      const kakar = index.storiesMentioning('Kakar').map((s) => s.story.headline);
      assert.equal(kakar.at(-1), 'Undated report', kakar.join(', '));
    });
  });

  describe('annotations', () => {
    it('confirms mentions, adds analyst mentions and reports annotation changes', () => {
      const { index, events } = setup();
      index.set(A, TEXT_A, 1);
      const k = TEXT_A.indexOf('Kakar left');
      const premier = TEXT_A.indexOf('the meeting');
      index.setAnnotations(A, [
        { id: 'a-1', start: k, end: k + 5, type: 'person', entity: 'Anwaar-ul-Haq Kakar', note: 'Caretaker PM', status: 'exact' },
        { id: 'a-2', start: premier, end: premier + 11, type: 'misc', entity: 'NSC meeting', status: 'exact' },
        { id: 'a-3', start: 0, end: 0, type: 'claim', status: 'orphaned' },
      ]);
      assert.deepEqual(events.at(-1), { uris: [A], entitiesChanged: true, annotationsChanged: true });
      assert.equal(index.entityAt(A, k)?.mention.confirmed, true);
      assert.equal(index.entity('Kakar')?.confirmed, true);
      assert.equal(index.entity('NSC meeting')?.mentionCount, 1);
      assert.equal(index.annotations().length, 3);
      assert.deepEqual(index.annotationsOf('Kakar').map((a) => a.annotation.id), ['a-1']);
      assert.deepEqual(index.annotationsAt(A, k + 1).map((a) => a.id), ['a-1']);
    });

    it('keeps annotations pushed before the document is indexed', () => {
      const { index } = setup();
      index.setAnnotations(A, [{ id: 'a-1', start: 0, end: 3, type: 'note', note: 'x', status: 'exact' }]);
      index.set(A, TEXT_A, 1);
      assert.equal(index.annotations().length, 1);
    });
  });

  describe('persistent cache', () => {
    it('round-trips: a warm start analyses nothing and serves the same answers', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      const snapshot = JSON.parse(JSON.stringify(index.serialize())) as unknown;

      const warm = setup();
      assert.deepEqual(warm.index.restore(snapshot), { value: 2, problems: [] });
      warm.index.set(A, TEXT_A, 1);
      warm.index.set(B, TEXT_B, 1);
      assert.equal(warm.calls.length, 0);
      assert.equal(warm.index.stats().cacheHits, 2);
      assert.deepEqual(warm.index.entities(), index.entities());
      assert.deepEqual(warm.index.document(A), index.document(A));
    });

    it('is invalidated by content, by analyzer version and by corruption', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      const snapshot = JSON.parse(JSON.stringify(index.serialize())) as { entries: Record<string, string>; state?: unknown };

      // Changed content: the restored document is re-analysed, its old contribution replaced.
      const changed = setup();
      changed.index.restore(snapshot);
      changed.index.set(A, TEXT_A.replace('Iran said', 'Tehran said'), 2);
      changed.index.set(B, TEXT_B, 1);
      assert.deepEqual(changed.calls, [A]);
      const fresh = setup();
      fresh.index.set(A, TEXT_A.replace('Iran said', 'Tehran said'), 2);
      fresh.index.set(B, TEXT_B, 1);
      assert.deepEqual(changed.index.entities(), fresh.index.entities());

      const other = new WorkspaceIndex({ analyze: handMadeAnalyzer().analyze, analyzerVersion: 'test-2' });
      const r = other.restore(snapshot);
      assert.equal(r.value, 0);
      assert.equal(r.problems[0]?.code, 'cache.analyzer');

      // A damaged entry: found out when decoded, then everything is rebuilt from the texts.
      const corrupt = setup();
      const damaged = { ...snapshot, entries: Object.fromEntries(Object.keys(snapshot.entries).map((h) => [h, '{"n":-1}'])) };
      corrupt.index.restore(damaged);
      corrupt.index.set(A, TEXT_A, 1);
      corrupt.index.set(B, TEXT_B, 1);
      assert.equal(corrupt.index.mentionsIn(A).length, 0, 'the damaged analysis decodes to nothing');
      corrupt.index.set('file:///ws/other.article', '# Other @2024-03-01\nIran.\n', 1);
      assert.deepEqual(corrupt.calls.slice(0, 2).sort(), [A, B]);
      assert.equal(corrupt.index.entity('Kakar')?.storyCount, 3);

      // A damaged state: ignored, the analyses are still used.
      const badState = setup();
      const res = badState.index.restore({ ...snapshot, state: { uris: 'x' } });
      assert.equal(res.problems[0]?.code, 'cache.state');
      badState.index.set(A, TEXT_A, 1);
      assert.equal(badState.calls.length, 0);

      for (const bad of [null, 42, 'x', { format: 'other' }, { format: 'dossier-index-cache', version: 2, analyzer: 'test-1' }]) {
        assert.equal(setup().index.restore(bad).value, 0);
      }
    });

    it('answers entity, story and co-mention queries from the restored state without decoding any analysis', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      const snapshot = JSON.parse(JSON.stringify(index.serialize())) as { entries: Record<string, string> };
      // Analyses that cannot be decoded: any query that decoded one would find out (and trigger a rebuild).
      const undecodable = { ...snapshot, entries: Object.fromEntries(Object.keys(snapshot.entries).map((h) => [h, 'not json'])) };
      const warm = setup();
      warm.index.restore(undecodable);
      warm.index.set(A, TEXT_A, 1);
      warm.index.set(B, TEXT_B, 1);
      assert.deepEqual(warm.index.entities(), index.entities());
      assert.deepEqual(warm.index.coMentioned('Kakar'), index.coMentioned('Kakar'));
      assert.deepEqual(warm.index.storyListMentioning('Iran'), index.storyListMentioning('Iran'));
      assert.equal(warm.index.searchStories('ties')[0]?.item.story.headline, 'Ties restored');
      warm.index.set('file:///ws/c.article', '# New @2024-05-01\nIran.\n', 1);
      assert.deepEqual(warm.calls, ['file:///ws/c.article'], 'no rebuild: nothing was decoded');
    });

    it('answers from the restored state before the files are re-read, and drops what is gone', () => {
      const { index } = setup();
      index.set(A, TEXT_A, 1);
      index.set(B, TEXT_B, 1);
      const snapshot = JSON.parse(JSON.stringify(index.serialize())) as unknown;
      const warm = setup();
      warm.index.restore(snapshot);
      assert.deepEqual(warm.index.entities(), index.entities());
      assert.deepEqual(warm.index.storiesMentioning('Kakar'), index.storiesMentioning('Kakar'));
      assert.equal(warm.index.textOf(A), undefined);
      warm.index.set(A, TEXT_A, 1);
      assert.equal(warm.index.textOf(A), TEXT_A);
      warm.index.delete(B);
      const onlyA = setup();
      onlyA.index.set(A, TEXT_A, 1);
      assert.deepEqual(warm.index.entities(), onlyA.index.entities());
      assert.deepEqual(warm.index.timeline(), onlyA.index.timeline());
      assert.equal(warm.calls.length, 0);
    });
  });
});
