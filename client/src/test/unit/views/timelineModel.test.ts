import * as assert from 'node:assert/strict';
import { TimelineMonthRequest, TimelineTreeRequest, type TreeTimelineDay, type TreeTimelineStory } from '../../../../../server/src/protocol';
import { TimelineModel } from '../../../views/timelineModel';
import type { ViewNode } from '../../../views/treeItemData';
import { FakeServer } from './fakeServer';

function st(uri: string, index: number, headline: string, published: boolean, dateMentions = 0): TreeTimelineStory {
  return { uri, index, headline, start: 0, end: 10, headlineStart: 3, headlineEnd: 9, published, dateMentions };
}

const DAYS: TreeTimelineDay[] = [
  { day: '2023-12-31', stories: [st('file:///w/c.txt', 0, 'Year end', true)], sharedEntities: [] },
  {
    day: '2024-01-19',
    stories: [st('file:///w/b.txt', 1, 'Mentions Friday', false, 2), st('file:///w/a.txt', 0, 'Strikes', true)],
    sharedEntities: [{ key: 'iran', name: 'Iran', type: 'location', stories: 2 }],
  },
  { day: '2024-01-18', stories: [st('file:///w/a.txt', 1, 'Ties', true)], sharedEntities: [] },
];

/** Answers like the server: months with counts, and the days of a month. */
function setup(days: TreeTimelineDay[]) {
  const state = { days };
  const server = new FakeServer()
    .on(TimelineTreeRequest, () => {
      const months = new Map<string, { days: number; stories: Set<string> }>();
      for (const d of state.days) {
        const m = months.get(d.day.slice(0, 7)) ?? { days: 0, stories: new Set<string>() };
        m.days++;
        for (const s of d.stories) m.stories.add(`${s.uri}#${s.index}`);
        months.set(d.day.slice(0, 7), m);
      }
      return { articleCount: 3, indexReady: true, months: [...months].map(([month, m]) => ({ month, days: m.days, stories: m.stories.size })) };
    })
    .on(TimelineMonthRequest, (p) => state.days.filter((d) => d.day.startsWith(`${p.month}-`)));
  const model = new TimelineModel(server);
  const events: Array<readonly ViewNode[] | undefined> = [];
  model.onDidChange((e) => events.push(e));
  return { state, model, events, server };
}

describe('TimelineModel', () => {
  it('groups days by month, newest first, the newest month open', async () => {
    const { model } = setup(DAYS);
    const months = await model.children();
    assert.deepEqual(months.map((m) => [m.id, m.item.label, m.item.description, m.item.collapsible]), [
      ['month:2024-01', 'January 2024', '2 days · 3 stories', 'expanded'],
      ['month:2023-12', 'December 2023', '1 day · 1 story', 'collapsed'],
    ]);
    const days = await model.children(months[0]);
    assert.deepEqual(days.map((d) => [d.item.label, d.item.description]), [
      ['Friday 19 January 2024', '1 published · 1 mentioning'],
      ['Thursday 18 January 2024', '1 published'],
    ]);
  });

  it('lists a day’s stories (published first) and the entities they share', async () => {
    const { model } = setup(DAYS);
    const [jan] = await model.children();
    const [friday] = await model.children(jan);
    const items = await model.children(friday);
    assert.deepEqual(items.map((n) => [n.item.label, n.item.description]), [
      ['Strikes', 'published · a.txt'],
      ['Mentions Friday', 'mentions the day 2× · b.txt'],
      ['Shared entities', 'Iran'],
    ]);
    assert.deepEqual(items[0]!.item.command?.arguments, ['file:///w/a.txt', 3, 9]);
    const shared = await model.children(items[2]);
    assert.deepEqual(shared.map((n) => [n.item.label, n.item.description, n.item.contextValue]), [['Iran', 'in 2 stories', 'sharedEntity']]);
  });

  it('loads a month’s days only when it is expanded', async () => {
    const { model, server } = setup(DAYS);
    const months = await model.children();
    assert.equal(server.calls(TimelineMonthRequest).length, 0);
    await model.children(months[1]);
    assert.deepEqual(server.calls(TimelineMonthRequest).map((c) => c.params), [{ month: '2023-12' }]);
  });

  it('a changed file reloads only the loaded months that hold its stories', async () => {
    const { model, state, events, server } = setup(DAYS);
    const [jan, dec] = await model.children();
    await model.children(jan);
    await model.children(dec);
    state.days = DAYS.map((d) => (d.day === '2024-01-18' ? { ...d, stories: [st('file:///w/a.txt', 1, 'Ties restored', true)] } : d));
    await model.refresh({ uris: ['file:///w/a.txt'], entitiesChanged: false, annotationsChanged: false });
    assert.deepEqual(events.map((e) => e?.map((n) => n.id)), [['month:2024-01']]);
    const before = server.calls(TimelineMonthRequest).length;
    const days = await model.children(jan);
    assert.equal(server.calls(TimelineMonthRequest).length, before + 1);
    const ties = await model.children(days[1]);
    assert.equal(ties[0]!.item.label, 'Ties restored');
    assert.ok(model.node('day:2023-12-31'), 'December was left alone');
  });

  it('a file in no loaded month refreshes nothing', async () => {
    const { model, events } = setup(DAYS);
    const [jan] = await model.children();
    await model.children(jan);
    await model.refresh({ uris: ['file:///w/zzz.txt'], entitiesChanged: true, annotationsChanged: false });
    assert.equal(events.length, 0);
  });

  it('refreshes a month whose counts changed', async () => {
    const { model, state, events } = setup(DAYS);
    await model.children();
    state.days = DAYS.map((d) => (d.day === '2024-01-18' ? { ...d, stories: [...d.stories, st('file:///w/d.txt', 0, 'New', true)] } : d));
    await model.refresh({ uris: ['file:///w/d.txt'], entitiesChanged: false, annotationsChanged: false });
    assert.deepEqual(events.map((e) => e?.map((n) => n.id)), [['month:2024-01']]);
    assert.equal(model.node('month:2024-01')!.item.description, '2 days · 4 stories');
  });

  it('ignores malformed days and months instead of failing', async () => {
    const { model } = setup([{ day: 'not a day', stories: [], sharedEntities: [] }, ...DAYS]);
    const months = await model.children();
    assert.equal(months.length, 2);
    assert.equal((await model.children(months[0])).length, 2);
  });
});
