import * as assert from 'node:assert/strict';
import {
  EntitiesTreeRequest,
  EntityStoriesRequest,
  type EntitiesTreeParams,
  type EntitiesTreeResult,
  type TreeEntity,
  type TreeStoryMentions,
} from '../../../../../server/src/protocol';
import { EntitiesModel } from '../../../views/entitiesModel';
import type { ViewNode } from '../../../views/treeItemData';
import { FakeServer } from './fakeServer';

function entity(key: string, name: string, type: TreeEntity['type'], storyCount: number, extra: Partial<TreeEntity> = {}): TreeEntity {
  return { key, name, type, aliases: [], storyCount, mentionCount: storyCount * 2, confirmed: false, notes: [], ...extra };
}

/** A tiny index the fake server answers from, sorting and filtering like the real one. */
class FakeIndex {
  entities: TreeEntity[] = [
    entity('iran', 'Iran', 'location', 5, { latestDate: '2024-01-19' }),
    entity('pakistan', 'Pakistan', 'location', 7, { latestDate: '2024-01-18' }),
    entity('anwaar ul haq kakar', 'Anwaar-ul-Haq Kakar', 'person', 3, {
      aliases: ['Kakar', 'PM Kakar'],
      confirmed: true,
      notes: [{ text: 'Caretaker PM [see](command:evil)', author: 'ana', updated: '2024-01-20T10:00:00Z', uri: 'file:///w/a.txt' }],
    }),
    entity('un', 'United Nations', 'organization', 1),
  ];
  stories = new Map<string, TreeStoryMentions[]>();
  articleCount = 3;

  answer(p: EntitiesTreeParams): EntitiesTreeResult {
    const f = (p.filter ?? '').toLowerCase();
    let list = this.entities.filter(
      (e) => (!p.types || p.types.includes(e.type)) && (!f || e.name.toLowerCase().includes(f) || e.aliases.some((a) => a.toLowerCase().includes(f))),
    );
    list = [...list].sort((a, b) =>
      p.sort === 'name' ? a.name.localeCompare(b.name) : p.sort === 'latest' ? (b.latestDate ?? '').localeCompare(a.latestDate ?? '') : b.storyCount - a.storyCount,
    );
    const groups = (['person', 'organization', 'location', 'misc'] as const)
      .map((type) => {
        const all = list.filter((e) => e.type === type);
        return { type, total: all.length, entities: all.slice(0, p.limitPerType ?? all.length) };
      })
      .filter((g) => g.total > 0);
    return { articleCount: this.articleCount, indexReady: true, groups };
  }
}

function setup(options: ConstructorParameters<typeof EntitiesModel>[1] = {}) {
  const index = new FakeIndex();
  const server = new FakeServer()
    .on(EntitiesTreeRequest, (p) => index.answer(p))
    .on(EntityStoriesRequest, (p) => {
      const all = index.stories.get(p.key) ?? [];
      return { total: all.length, stories: all.slice(0, p.limit ?? all.length) };
    });
  const model = new EntitiesModel(server, options);
  const events: Array<readonly ViewNode[] | undefined> = [];
  model.onDidChange((e) => events.push(e));
  return { index, server, model, events };
}

function story(uri: string, index: number, date: string | undefined, headline: string, mentions: Array<[number, string, string]>): TreeStoryMentions {
  return {
    uri, index, headline, ...(date ? { date } : {}), start: 0, end: 100, headlineStart: 0, headlineEnd: headline.length,
    mentions: mentions.map(([start, text, excerpt]) => ({ start, end: start + text.length, text, excerpt, confirmed: false })),
  };
}

describe('EntitiesModel', () => {
  it('groups entities by type in a fixed order with counts', async () => {
    const { model } = setup();
    const groups = await model.children();
    assert.deepEqual(groups.map((g) => [g.id, g.item.label, g.item.description]), [
      ['group:person', 'People', '1'],
      ['group:organization', 'Organizations', '1'],
      ['group:location', 'Places', '2'],
    ]);
    assert.deepEqual(groups.map((g) => g.item.icon?.id), ['person', 'organization', 'location']);
    const places = await model.children(groups[2]);
    assert.deepEqual(places.map((n) => [n.item.label, n.item.description]), [
      ['Pakistan', '7 stories · 14 mentions'],
      ['Iran', '5 stories · 10 mentions'],
    ]);
    assert.equal(places[0]!.item.contextValue, 'entity');
    assert.equal(places[0]!.item.collapsible, 'collapsed');
  });

  it('marks analyst-confirmed entities and shows aliases and escaped notes in the tooltip', async () => {
    const { model } = setup();
    const [people] = await model.children();
    const [kakar] = await model.children(people);
    assert.equal(kakar!.item.description, '3 stories · 6 mentions · confirmed');
    assert.equal(kakar!.item.icon?.id, 'verified-filled');
    const tip = kakar!.item.tooltip!;
    assert.match(tip, /Also: Kakar, PM Kakar/);
    assert.match(tip, /Caretaker PM/);
    assert.ok(!tip.includes('[see](command:evil)'), 'article/analyst text must not become a link');
    assert.match(tip, /ana, 2024\\-01\\-20/);
  });

  it('asks the server with the sort and filters and shows the filter in the description', async () => {
    const { model, server } = setup({ sort: 'name' });
    await model.children();
    assert.deepEqual(server.calls(EntitiesTreeRequest).at(-1)!.params, { sort: 'name', limitPerType: 1000 });
    await model.setFilter('  kak ');
    await model.setTypes(['person', 'location']);
    assert.deepEqual(server.calls(EntitiesTreeRequest).at(-1)!.params, { sort: 'name', filter: 'kak', types: ['person', 'location'], limitPerType: 1000 });
    assert.equal(model.description(), 'Filter: “kak” · People, Places');
    assert.equal(model.filtered, true);
    const groups = await model.children();
    assert.deepEqual(groups.map((g) => g.id), ['group:person']);
    await model.clearFilter();
    assert.equal(model.description(), undefined);
    assert.equal((await model.children()).length, 3);
  });

  it('says so when the filter matches nothing', async () => {
    const { model } = setup();
    await model.children();
    await model.setFilter('zzz');
    assert.deepEqual(await model.children(), []);
    assert.equal(model.message(), 'No entity matches “zzz”.');
  });

  it('a new sort refreshes only the groups whose order changed, keeping the node objects', async () => {
    const { model, events } = setup();
    const groups = await model.children();
    const places = await model.children(groups[2]);
    await model.setSort('latest');
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.map((n) => n.id), ['group:location']);
    const again = await model.children(groups[2]);
    assert.deepEqual(again.map((n) => n.item.label), ['Iran', 'Pakistan']);
    assert.equal(again[1], places[0], 'the same object for the same id');
  });

  it('lists the stories of an entity newest first, each with its mentions that reveal the text', async () => {
    const { model, index } = setup();
    index.stories.set('iran', [
      story('file:///w/old.txt', 0, '2024-01-10', 'Old story', [[40, 'Iran', 'Iran said so.']]),
      story('file:///w/new.txt', 1, '2024-01-19', 'New story', [[70, 'Iran', 'Later, Iran struck.'], [10, 'Iranian', 'Iranian officials met.']]),
      story('file:///w/undated.txt', 0, undefined, '', [[5, 'Iran', 'Iran.']]),
    ]);
    const groups = await model.children();
    const iran = (await model.children(groups[2])).find((n) => n.item.label === 'Iran')!;
    const stories = await model.children(iran);
    assert.deepEqual(stories.map((s) => [s.item.label, s.item.description]), [
      ['New story', '19 Jan 2024 · new.txt'],
      ['Old story', '10 Jan 2024 · old.txt'],
      ['(story 1 without headline)', 'undated.txt'],
    ]);
    const mentions = await model.children(stories[0]);
    assert.deepEqual(mentions.map((m) => m.item.label), ['Iranian officials met.', 'Later, Iran struck.']);
    assert.deepEqual(mentions[1]!.item.command, { command: 'dossier.views.revealRange', title: 'Show Mention', arguments: ['file:///w/new.txt', 70, 74] });
    assert.match(mentions[1]!.item.tooltip!, /\*\*Iran\*\*/);
  });

  it('keeps node ids unique when two mentions share a span', async () => {
    const { model, index } = setup();
    index.stories.set('iran', [story('file:///w/a.txt', 0, '2024-01-10', 'A', [[5, 'Iran', 'Iran.'], [5, 'Iran', 'Iran.']])]);
    const groups = await model.children();
    const iran = (await model.children(groups[2])).find((n) => n.id === 'entity:iran')!;
    const [s] = await model.children(iran);
    const ids = (await model.children(s)).map((m) => m.id);
    assert.equal(new Set(ids).size, 2, ids.join(' '));
  });

  it('lists the newest stories up to the limit and says how many older ones there are', async () => {
    const { model, index, server } = setup({ storiesPerEntity: 1 });
    // The server answers newest first.
    index.stories.set('iran', [story('file:///w/b.txt', 0, '2024-01-11', 'B', [[1, 'Iran', 'Iran.']]), story('file:///w/a.txt', 0, '2024-01-10', 'A', [[1, 'Iran', 'Iran.']])]);
    const groups = await model.children();
    const iran = (await model.children(groups[2])).find((n) => n.id === 'entity:iran')!;
    const items = await model.children(iran);
    assert.deepEqual(server.calls(EntityStoriesRequest).at(-1)!.params, { key: 'iran', limit: 1 });
    assert.deepEqual(items.map((n) => n.item.label), ['B', '1 older story not listed']);
  });

  describe('following the index', () => {
    it('fires only the entity whose counts changed', async () => {
      const { model, index, events, server } = setup();
      const groups = await model.children();
      const places = await model.children(groups[2]);
      const before = server.requests.length;
      index.entities = index.entities.map((e) => (e.key === 'iran' ? { ...e, mentionCount: 11 } : e));
      await model.refresh({ uris: ['file:///w/new.txt'], entitiesChanged: true, annotationsChanged: false });
      assert.equal(server.requests.length, before + 1);
      assert.equal(events.length, 1);
      assert.deepEqual(events[0]!.map((n) => n.id), ['entity:iran']);
      assert.equal(events[0]![0], places[1]);
      assert.equal(places[1]!.item.description, '5 stories · 11 mentions');
    });

    it('fires the group when an entity joins it, and the root when a group appears', async () => {
      const { model, index, events } = setup();
      const groups = await model.children();
      await model.children(groups[2]);
      index.entities.push(entity('gaza', 'Gaza', 'location', 1));
      await model.refresh({ uris: ['file:///w/x.txt'], entitiesChanged: true, annotationsChanged: false });
      assert.deepEqual(events.at(-1)!.map((n) => n.id), ['group:location']);
      index.entities.push(entity('hamas', 'Hamas', 'misc', 1));
      await model.refresh({ uris: ['file:///w/x.txt'], entitiesChanged: true, annotationsChanged: false });
      assert.equal(events.at(-1), undefined);
      assert.deepEqual((await model.children()).map((g) => g.id), ['group:person', 'group:organization', 'group:location', 'group:misc']);
    });

    it('fires nothing when nothing it shows changed', async () => {
      const { model, events } = setup();
      await model.children();
      await model.refresh({ uris: ['file:///w/x.txt'], entitiesChanged: true, annotationsChanged: false });
      assert.deepEqual(events, []);
    });

    it('does not ask the server for a change that cannot affect it', async () => {
      const { model, server } = setup();
      await model.children();
      const before = server.requests.length;
      await model.refresh({ uris: [], entitiesChanged: false, annotationsChanged: true });
      assert.equal(server.requests.length, before);
    });

    it('does not fetch before the view was ever shown', async () => {
      const { model, server } = setup();
      await model.refresh({ uris: ['file:///w/x.txt'], entitiesChanged: true, annotationsChanged: false });
      assert.equal(server.requests.length, 0);
    });

    it('reloads the stories of an expanded entity when one of its files changed', async () => {
      const { model, index, events, server } = setup();
      index.stories.set('iran', [story('file:///w/a.txt', 0, '2024-01-10', 'A', [[1, 'Iran', 'Iran.']])]);
      const groups = await model.children();
      const iran = (await model.children(groups[2])).find((n) => n.id === 'entity:iran')!;
      await model.children(iran);
      index.stories.set('iran', [story('file:///w/a.txt', 0, '2024-01-10', 'A (updated)', [[1, 'Iran', 'Iran.']])]);
      await model.refresh({ uris: ['file:///w/b.txt'], entitiesChanged: true, annotationsChanged: false });
      assert.equal(events.length, 0, 'another file: the stories stay');
      await model.refresh({ uris: ['file:///w/a.txt'], entitiesChanged: true, annotationsChanged: false });
      assert.deepEqual(events.at(-1)!.map((n) => n.id), ['entity:iran']);
      const storiesBefore = server.calls(EntityStoriesRequest).length;
      const stories = await model.children(iran);
      assert.equal(server.calls(EntityStoriesRequest).length, storiesBefore + 1);
      assert.equal(stories[0]!.item.label, 'A (updated)');
    });

    it('discards stories that were loading when a change made them stale, and asks again', async () => {
      const { model, index, server } = setup();
      index.stories.set('iran', [story('file:///w/a.txt', 0, '2024-01-10', 'Old', [[1, 'Iran', 'Iran.']])]);
      const groups = await model.children();
      const iran = (await model.children(groups[2])).find((n) => n.id === 'entity:iran')!;
      await model.children(iran);
      await model.refresh({ uris: ['file:///w/a.txt'], entitiesChanged: true, annotationsChanged: false });
      const release = server.hold();
      const loading = model.children(iran); // the answer is on its way, computed from the old text…
      index.stories.set('iran', [story('file:///w/a.txt', 0, '2024-01-10', 'New', [[1, 'Iran', 'Iran.']])]);
      const refreshing = model.refresh({ uris: ['file:///w/a.txt'], entitiesChanged: true, annotationsChanged: false }); // …when the file changes again
      const before = server.calls(EntityStoriesRequest).length;
      release();
      await refreshing;
      const stories = await loading;
      assert.equal(server.calls(EntityStoriesRequest).length, before + 1, 'asked again');
      assert.equal(stories[0]!.item.label, 'New');
    });

    it('the Refresh command reloads everything and refreshes the root', async () => {
      const { model, index, events, server } = setup();
      index.stories.set('iran', [story('file:///w/a.txt', 0, '2024-01-10', 'A', [[1, 'Iran', 'Iran.']])]);
      const groups = await model.children();
      const iran = (await model.children(groups[2])).find((n) => n.id === 'entity:iran')!;
      await model.children(iran);
      await model.refresh();
      assert.deepEqual(events, [undefined]);
      const before = server.calls(EntityStoriesRequest).length;
      await model.children(iran);
      assert.equal(server.calls(EntityStoriesRequest).length, before + 1);
    });
  });

  it('lists at most the limit per type and says how many more there are', async () => {
    const { model } = setup({ limitPerType: 1 });
    const groups = await model.children();
    const places = await model.children(groups[2]);
    assert.deepEqual(places.map((n) => [n.id, n.item.label]), [
      ['entity:pakistan', 'Pakistan'],
      ['more:location', '1 more…'],
    ]);
    assert.equal(groups[2]!.item.description, '2');
  });

  it('shows no message but the welcome when the workspace has no articles', async () => {
    const { model, index } = setup();
    index.entities = [];
    index.articleCount = 0;
    assert.deepEqual(await model.children(), []);
    assert.equal(model.message(), undefined);
    assert.deepEqual(model.workspace, { articleCount: 0, indexReady: true });
  });
});
